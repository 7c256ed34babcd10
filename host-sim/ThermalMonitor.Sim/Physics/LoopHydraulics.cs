namespace ThermalMonitor.Sim;

/// <summary>
/// Loop pressure as an algebraic function of liquid inventory and temperature (docs/physics.md §3.3–§3.6).
/// The liquid occupies a rigid volume (pipes, radiator, pump) plus the liquid side of a gas-charged
/// bellows accumulator:
/// <list type="bullet">
/// <item>liquid beyond the rigid volume compresses the gas: P = C / V_gⁿ, C = P_nom·V_g,nomⁿ
/// (<see cref="LoopPhase.AccumulatorSupported"/>);</item>
/// <item>with less liquid than the rigid volume the bellows is on its stop and the liquid's bulk
/// modulus takes over: P = P_precharge − K·(V_rigid − V_L)/V_rigid
/// (<see cref="LoopPhase.BellowsBottomed"/>), which collapses within millilitres, i.e. seconds;</item>
/// <item>once that would fall below saturation, vapour forms and P = P_v(T) + h·V_L/V_rigid, with h the
/// residual head (<see cref="LoopPhase.Saturated"/>).</item>
/// </list>
/// Pressure being algebraic (not integrated) keeps the stiff liquid-full regime stable at any step.
/// Inventory is counted as liquid volume at the reference temperature (a mass in disguise); the
/// liquid's actual volume is that times 1 + β·(T − T_ref).
/// </summary>
public sealed class LoopHydraulics
{
    private readonly double referenceTempC;
    private readonly double expansionPerK;
    private readonly double polytropicIndex;
    private readonly double gasConstant;
    private readonly double gasVolumeBottomedLiters;
    private readonly double bulkModulusKpa;
    private readonly double residualHeadKpa;

    /// <summary>Derives the accumulator pre-charge and the rigid volume from the settings.</summary>
    public LoopHydraulics(CoolantLoopSettings loop, CoolantProperties coolant)
    {
        ArgumentNullException.ThrowIfNull(loop);
        ArgumentNullException.ThrowIfNull(coolant);
        referenceTempC = loop.ReferenceTempC;
        expansionPerK = coolant.ThermalExpansionPerK;
        polytropicIndex = loop.PolytropicIndex;
        gasConstant = loop.NominalPressureKpa * Math.Pow(loop.AccumulatorGasLiters, loop.PolytropicIndex);
        gasVolumeBottomedLiters = loop.AccumulatorGasLiters + loop.AccumulatorReserveLiters;
        bulkModulusKpa = loop.EffectiveBulkModulusMpa * 1e3;
        residualHeadKpa = loop.SaturatedResidualHeadKpa;
        RigidVolumeLiters = loop.InventoryLiters - loop.AccumulatorReserveLiters;
        PrechargePressureKpa = GasPressureKpa(gasVolumeBottomedLiters);
    }

    /// <summary>
    /// Liquid volume outside the accumulator: what the loop holds when the bellows is on its stop.
    /// </summary>
    public double RigidVolumeLiters { get; }

    /// <summary>
    /// Gas pressure with the bellows on its stop (the pre-charge): where the accumulator gives up.
    /// </summary>
    public double PrechargePressureKpa { get; }

    /// <summary>
    /// Actual liquid volume of <paramref name="inventoryLiters"/> (at reference temperature) at <paramref
    /// name="tempC"/>.
    /// </summary>
    public double LiquidVolumeLiters(double inventoryLiters, double tempC) =>
        inventoryLiters * ExpansionFactor(tempC);

    /// <summary>Ratio of actual to reference-temperature liquid volume at <paramref name="tempC"/>.</summary>
    public double ExpansionFactor(double tempC) => 1.0 + (expansionPerK * (tempC - referenceTempC));

    /// <summary>
    /// Gas volume at <paramref name="tempC"/> with the full inventory if the bellows were free: V_g,nom −
    /// β·V_L·ΔT.
    /// </summary>
    public double GasVolumeLiters(double inventoryLiters, double tempC) =>
        gasVolumeBottomedLiters - (LiquidVolumeLiters(inventoryLiters, tempC) - RigidVolumeLiters);

    /// <summary>
    /// Pressure and regime for a liquid-holding loop. <paramref name="vapourPressureKpa"/> is P_v at
    /// <paramref name="tempC"/> (passed in because the caller caches it per step).
    /// </summary>
    public HydraulicState Evaluate(double inventoryLiters, double tempC, double vapourPressureKpa)
    {
        double liquidLiters = LiquidVolumeLiters(inventoryLiters, tempC);
        double excessLiters = liquidLiters - RigidVolumeLiters;
        if (excessLiters > 0.0)
        {
            double gasLiters = gasVolumeBottomedLiters - excessLiters;
            double gasKpa = GasPressureKpa(gasLiters);
            return new HydraulicState(gasKpa, LoopPhase.AccumulatorSupported, polytropicIndex * gasKpa / gasLiters);
        }

        double compressedKpa = PrechargePressureKpa + (bulkModulusKpa * excessLiters / RigidVolumeLiters);
        double saturatedKpa = vapourPressureKpa + (residualHeadKpa * liquidLiters / RigidVolumeLiters);
        return compressedKpa > saturatedKpa
            ? new HydraulicState(compressedKpa, LoopPhase.BellowsBottomed, bulkModulusKpa / RigidVolumeLiters)
            : new HydraulicState(saturatedKpa, LoopPhase.Saturated, residualHeadKpa / RigidVolumeLiters);
    }

    // Isothermal gas (n = 1, the default) needs no Pow: this runs in every physics sub-step.
    private double GasPressureKpa(double gasLiters) =>
        polytropicIndex == 1.0 ? gasConstant / gasLiters : gasConstant / Math.Pow(gasLiters, polytropicIndex);
}
