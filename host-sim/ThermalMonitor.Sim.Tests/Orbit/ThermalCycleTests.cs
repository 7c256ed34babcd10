namespace ThermalMonitor.Sim.Tests;

/// <summary>The orbital thermal cycle and the pressure cycle it drives (docs/physics.md §3.5).</summary>
public class ThermalCycleTests
{
    private static (double TempPeakToPeakK, double PressureSwingFraction) LastOrbitSwing(Scenario scenario)
    {
        double periodS = OrbitGeometry.PeriodS(scenario.Orbit.AltitudeKm);
        SimSample[] lastOrbit = Simulation.RunPhysics(scenario with { DurationS = 4 * periodS })
            .Where(s => s.TimeS >= 3 * periodS)
            .ToArray();
        double tempSpanK = lastOrbit.Max(s => s.TempC) - lastOrbit.Min(s => s.TempC);
        double maxKpa = lastOrbit.Max(s => s.Truth.LoopPressureKpa);
        double minKpa = lastOrbit.Min(s => s.Truth.LoopPressureKpa);
        return (tempSpanK, (maxKpa - minKpa) / ((maxKpa + minKpa) / 2.0));
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(1.4)]
    public void PressureSwing_MatchesNBetaVlDeltaTOverVg(double polytropicIndex)
    {
        var scenario = new Scenario { Loop = new CoolantLoopSettings { PolytropicIndex = polytropicIndex } };

        (double tempSpanK, double swing) = LastOrbitSwing(scenario);
        double expected = polytropicIndex * 1.2e-3 * 44.0 * tempSpanK / 3.0;

        Assert.InRange(tempSpanK, 8.5, 10.0); // several kelvin per orbit, docs/physics.md §2.3
        Assert.Equal(expected, swing, expected * 0.03);
    }

    [Fact]
    public void Temperature_StartsOnTheOrbitsPeriodicSteadyState()
    {
        double periodS = OrbitGeometry.PeriodS(415.0);
        SimSample[] samples = Simulation.RunPhysics(new Scenario { DurationS = (2 * periodS) + 1.0 }).ToArray();

        Assert.Equal(samples[0].TempC, samples.At(periodS).TempC, 0.01);
        Assert.Equal(samples[0].TempC, samples.At(2 * periodS).TempC, 0.01);
        Assert.True(samples[0].Truth.IsSunlit);
    }

    [Fact]
    public void SunlitAndEclipseArcs_FollowTheEclipseFraction()
    {
        double periodS = OrbitGeometry.PeriodS(415.0);
        SimSample[] orbit = Simulation.RunPhysics(new Scenario { DurationS = periodS }).ToArray();

        double darkFraction = orbit.Count(s => !s.Truth.IsSunlit) / (double)orbit.Length;

        Assert.Equal(OrbitGeometry.EclipseFraction(415.0, 0.0), darkFraction, 0.001);
    }

    [Fact]
    public void HighBeta_IsFlat()
    {
        var scenario = new Scenario { DurationS = 3 * 3600.0, Orbit = new OrbitSettings { BetaDeg = PiecewiseLinear.Constant(75.0) } };
        SimSample[] samples = Simulation.RunPhysics(scenario).ToArray();

        Assert.All(samples, s => Assert.True(s.Truth.IsSunlit));
        Assert.InRange(samples.Max(s => s.TempC) - samples.Min(s => s.TempC), 0.0, 1e-9);
        Assert.InRange(samples.Max(s => s.Truth.LoopPressureKpa) - samples.Min(s => s.Truth.LoopPressureKpa), 0.0, 1e-6);
    }

    [Fact]
    public void BetaSchedule_SwitchesFromEclipsesToHighBetaOrbitByOrbit()
    {
        double periodS = OrbitGeometry.PeriodS(415.0);
        var scenario = new Scenario
        {
            DurationS = 10 * periodS,
            Orbit = new OrbitSettings { BetaDeg = new PiecewiseLinear([(0.0, 0.0), (4.5 * periodS, 0.0), (4.5 * periodS, 75.0)]) },
        };
        SimSample[] samples = Simulation.RunPhysics(scenario).ToArray();

        // β at the start of orbit 4 is still 0 (the step is mid-orbit); from orbit 5 on there is no shadow.
        Assert.Contains(samples, s => s.TimeS >= 4 * periodS && s.TimeS < 5 * periodS && !s.Truth.IsSunlit);
        Assert.All(samples.Where(s => s.TimeS >= 5 * periodS), s => Assert.True(s.Truth.IsSunlit));
        Assert.Equal(18.0, samples[^1].TempC, 0.01);
    }
}
