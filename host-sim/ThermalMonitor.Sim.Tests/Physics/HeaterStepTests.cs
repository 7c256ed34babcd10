namespace ThermalMonitor.Sim.Tests;

/// <summary>Heater and set-point steps of the loop's equilibrium temperatures.</summary>
public class HeaterStepTests
{
    private static Scenario HighBeta(double durationS, params HeaterStep[] steps) => new()
    {
        DurationS = durationS,
        Orbit = new OrbitSettings { BetaDeg = PiecewiseLinear.Constant(80.0) },
        Heater = new HeaterSettings { Steps = steps },
    };

    [Fact]
    public void Step_MovesTheLoopToTheOffsetEquilibriumThroughTheLoopLag()
    {
        double tauS = 12 * 60.0;
        SimSample[] samples = [.. Simulation.RunPhysics(HighBeta(3600 + (8 * tauS), new HeaterStep(3600, 3.0)))];

        Assert.Equal(18.0, samples.At(3599).TempC, 1e-6);
        Assert.Equal(18.0 + (3.0 * (1 - Math.Exp(-1))), samples.At(3600 + tauS).TempC, 0.01);
        Assert.Equal(21.0, samples[^1].TempC, 0.01);
        Assert.True(samples[^1].PressureKpa > samples.At(3599).PressureKpa + 10.0);
    }

    [Fact]
    public void RevertingStep_ReturnsToTheOrbitalEquilibrium()
    {
        SimSample[] samples = [.. Simulation.RunPhysics(HighBeta(12 * 3600, new HeaterStep(3600, -2.5), new HeaterStep(7200, 0.0)))];

        Assert.True(samples.At(7199).TempC < 16.0);
        Assert.Equal(18.0, samples[^1].TempC, 0.001);
    }

    [Fact]
    public void StepAtTimeZero_StartsOnTheOffsetPeriodicState()
    {
        double periodS = OrbitGeometry.PeriodS(415.0);
        var plain = new Scenario { DurationS = periodS };
        SimSample[] offset = [.. Simulation.RunPhysics(plain with { Heater = new HeaterSettings { Steps = [new HeaterStep(0, 2.0)] } })];
        SimSample[] orbital = [.. Simulation.RunPhysics(plain)];

        Assert.All(orbital.Zip(offset), pair => Assert.Equal(pair.First.TempC + 2.0, pair.Second.TempC, 1e-9));
    }

    [Fact]
    public void OffsetThatOverfillsTheAccumulator_IsRejected()
    {
        var error = Assert.Throws<ArgumentException>(HighBeta(3600, new HeaterStep(10, 60.0)).Validate);

        Assert.Contains("overfills the accumulator", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StepsOutOfOrder_AreRejectedByName()
    {
        var error = Assert.Throws<ArgumentException>(HighBeta(3600, new HeaterStep(100, 1.0), new HeaterStep(50, 0.0)).Validate);

        Assert.Contains("Heater.Steps[1].TimeS", error.Message, StringComparison.Ordinal);
    }
}
