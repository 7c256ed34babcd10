namespace ThermalMonitor.Sim.Tests;

public class LoopHydraulicsTests
{
    private static readonly CoolantLoopSettings Loop = new();
    private static readonly CoolantProperties Coolant = new();
    private readonly LoopHydraulics hydraulics = new(Loop, Coolant);

    private HydraulicState At(double inventoryLiters, double tempC) =>
        hydraulics.Evaluate(inventoryLiters, tempC, Coolant.VapourPressureKpa(tempC));

    [Fact]
    public void NominalPoint_IsNominalPressureOnTheAccumulator()
    {
        HydraulicState state = At(44.0, 13.0);

        Assert.Equal(250.0, state.PressureKpa, 9);
        Assert.Equal(LoopPhase.AccumulatorSupported, state.Phase);
        Assert.Equal(250.0 / 3.0, state.StiffnessKpaPerLiter, 9);
    }

    [Fact]
    public void Precharge_IsTheGasLawAtTheBellowsStop()
    {
        // 3 L of gas at 250 kPa expanded to 3 + 1.5 L.
        Assert.Equal(250.0 * 3.0 / 4.5, hydraulics.PrechargePressureKpa, 9);
        Assert.Equal(42.5, hydraulics.RigidVolumeLiters, 12);
    }

    [Fact]
    public void ThermalExpansion_Is53MlPerKelvin()
    {
        // docs/physics.md §3.4: 44 L × 1.2e-3 /K.
        Assert.Equal(0.0528, hydraulics.LiquidVolumeLiters(44.0, 14.0) - hydraulics.LiquidVolumeLiters(44.0, 13.0), 12);
    }

    [Fact]
    public void SmallTemperatureStep_SwingsPressureByNBetaVlDtOverVg()
    {
        // docs/physics.md §3.5 small-signal relation, here for ±0.25 K around the nominal point.
        double swing = (At(44.0, 13.25).PressureKpa - At(44.0, 12.75).PressureKpa) / 250.0;
        double expected = 1.0 * 1.2e-3 * 44.0 * 0.5 / 3.0;

        Assert.Equal(expected, swing, expected * 0.01);
    }

    [Fact]
    public void PastTheReserve_PressureCollapsesWithinMillilitres()
    {
        HydraulicState atStop = At(42.5, 13.0);
        HydraulicState fiveMlLater = At(42.495, 13.0);
        HydraulicState tenMlLater = At(42.49, 13.0);

        Assert.Equal(hydraulics.PrechargePressureKpa, atStop.PressureKpa, 6);
        Assert.Equal(LoopPhase.BellowsBottomed, fiveMlLater.Phase);
        Assert.InRange(fiveMlLater.PressureKpa, 70.0, 80.0);
        Assert.Equal(LoopPhase.Saturated, tenMlLater.Phase);
    }

    [Fact]
    public void SaturatedLoop_SitsAtVapourPressurePlusAHeadThatFallsWithInventory()
    {
        double vapourKpa = Coolant.VapourPressureKpa(13.0);

        Assert.Equal(vapourKpa + (3.0 * 0.5), At(42.5 / 2 / hydraulics.ExpansionFactor(13.0), 13.0).PressureKpa, 9);
        Assert.Equal(vapourKpa, At(0.0, 13.0).PressureKpa, 9);
    }

    [Fact]
    public void Pressure_IsContinuousAndMonotonicInInventory()
    {
        double[] kpa = Enumerable.Range(0, 44_001).Select(i => At(i * 0.001, 13.0).PressureKpa).ToArray();

        Assert.All(kpa.Zip(kpa.Skip(1)), pair => Assert.True(pair.Second >= pair.First));
        Assert.All(kpa.Zip(kpa.Skip(1)), pair => Assert.True(pair.Second - pair.First < 25.0));
    }

    [Fact]
    public void AdiabaticGas_StiffensByTheIndex()
    {
        var adiabatic = new LoopHydraulics(Loop with { PolytropicIndex = 1.4 }, Coolant);

        HydraulicState state = adiabatic.Evaluate(44.0, 13.0, 1.0);

        Assert.Equal(250.0, state.PressureKpa, 9);
        Assert.Equal(1.4 * 250.0 / 3.0, state.StiffnessKpaPerLiter, 9);
    }
}
