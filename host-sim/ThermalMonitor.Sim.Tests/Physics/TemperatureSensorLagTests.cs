namespace ThermalMonitor.Sim.Tests;

/// <summary>The coolant-temperature sensor lagging the liquid (first order); the pressure follows the liquid.</summary>
public class TemperatureSensorLagTests
{
    private const double StepAtS = 3600.0;
    private const double StepC = 4.0;

    /// <summary>
    /// High β (no eclipse), a liquid that follows its equilibrium within 60 ms, and a +4 °C heater step at
    /// 1 h: the liquid steps, the sensor follows through its own lag only.
    /// </summary>
    private static Scenario SteppedLiquid(double lagMin, double durationS) => new()
    {
        DurationS = durationS,
        Orbit = new OrbitSettings { BetaDeg = PiecewiseLinear.Constant(80.0), ThermalTimeConstantMin = 0.001 },
        Pump = new PumpSettings { InitiallyRunning = false },
        Heater = new HeaterSettings { Steps = [new HeaterStep(StepAtS, StepC)] },
        TempSensor = new TemperatureSensorSettings { LagTimeConstantMin = lagMin },
    };

    [Theory]
    [InlineData(0.5)]
    [InlineData(3.0)]
    [InlineData(10.0)]
    public void StepInLiquidTemperature_Reaches63PercentAtTheSensorAfterTau(double lagMin)
    {
        double tauS = lagMin * 60.0;
        SimSample[] samples = [.. Simulation.RunPhysics(SteppedLiquid(lagMin, StepAtS + (5 * tauS) + 10))];
        double before = samples.At(StepAtS - 1).TempC;

        double atTau = (samples.At(StepAtS + tauS).TempC - before) / StepC;
        double atTwoTau = (samples.At(StepAtS + (2 * tauS)).TempC - before) / StepC;

        Assert.Equal(1 - Math.Exp(-1), atTau, 0.003);
        Assert.Equal(1 - Math.Exp(-2), atTwoTau, 0.003);
        Assert.Equal(before + StepC, samples.At(StepAtS + 1).Truth.LiquidTempC, 0.01);
    }

    [Fact]
    public void PressureFollowsTheLiquid_NotTheSensor()
    {
        SimSample[] lagged = [.. Simulation.RunPhysics(SteppedLiquid(5.0, StepAtS + 120))];
        SimSample[] prompt = [.. Simulation.RunPhysics(SteppedLiquid(0.0, StepAtS + 120))];

        SimSample afterStep = lagged.At(StepAtS + 60);

        // One minute after the step the sensor has moved ≈ 18 % of the way, the pressure all of it.
        Assert.InRange((afterStep.TempC - lagged.At(StepAtS - 1).TempC) / StepC, 0.15, 0.21);
        Assert.Equal(prompt.At(StepAtS + 60).PressureKpa, afterStep.PressureKpa, 1e-9);
        Assert.True(afterStep.PressureKpa > lagged.At(StepAtS - 1).PressureKpa + 5.0);
    }

    [Fact]
    public void WithoutLag_TheSensorReadsTheLiquidExactly()
    {
        Assert.All(
            Simulation.RunPhysics(new Scenario { DurationS = 7200 }),
            s => Assert.Equal(s.Truth.LiquidTempC, s.TempC));
    }

    [Fact]
    public void LaggedSensor_StartsOnTheOrbitsPeriodicSteadyState()
    {
        double periodS = OrbitGeometry.PeriodS(415.0);
        var scenario = new Scenario { DurationS = (2 * periodS) + 1, TempSensor = new TemperatureSensorSettings { LagTimeConstantMin = 8.0 } };
        SimSample[] samples = [.. Simulation.RunPhysics(scenario)];

        Assert.Equal(samples[0].TempC, samples.At(periodS).TempC, 0.01);
        Assert.Equal(samples[0].TempC, samples.At(2 * periodS).TempC, 0.01);

        // At sunrise the liquid has been cooling all eclipse and the lagging sensor still reads warmer.
        Assert.True(samples[0].TempC > samples[0].Truth.LiquidTempC + 0.5);
    }

    [Fact]
    public void LaggedSensor_SwingsLessAndLater()
    {
        double periodS = OrbitGeometry.PeriodS(415.0);
        var scenario = new Scenario { DurationS = periodS, TempSensor = new TemperatureSensorSettings { LagTimeConstantMin = 10.0 } };
        SimSample[] orbit = [.. Simulation.RunPhysics(scenario)];

        double liquidSpan = orbit.Max(s => s.Truth.LiquidTempC) - orbit.Min(s => s.Truth.LiquidTempC);
        double sensorSpan = orbit.Max(s => s.TempC) - orbit.Min(s => s.TempC);
        double liquidPeakS = orbit.MaxBy(s => s.Truth.LiquidTempC).TimeS;
        double sensorPeakS = orbit.MaxBy(s => s.TempC).TimeS;

        Assert.InRange(sensorSpan, 0.5 * liquidSpan, 0.95 * liquidSpan);
        Assert.InRange(sensorPeakS - liquidPeakS, 1.0, 900.0);
    }

    [Fact]
    public void NegativeLag_IsRejectedByName()
    {
        var scenario = new Scenario { TempSensor = new TemperatureSensorSettings { LagTimeConstantMin = -1 } };

        var error = Assert.Throws<ArgumentException>(scenario.Validate);

        Assert.Contains("TempSensor.LagTimeConstantMin", error.Message, StringComparison.Ordinal);
    }
}
