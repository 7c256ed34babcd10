namespace ThermalMonitor.Sim.Tests;

/// <summary>World cases: the benign base, each phenomenon on its own, the full world.</summary>
public class WorldCaseBuilderTests
{
    private const double Day = 86_400.0;

    public static TheoryData<string> EveryCaseKind() =>
        [.. PhenomenaCatalog.Each.Append(Phenomena.All).Append(Phenomena.None).Select(PhenomenaCatalog.Name)];

    [Theory]
    [MemberData(nameof(EveryCaseKind))]
    public void EveryAblationAndTheFullWorld_IsValid_StaysBelowNinetyPercentOfFullScale_AndNeverBottoms(string name)
    {
        Phenomena phenomena = PhenomenaCatalog.Parse(name);
        for (int loop = 0; loop < 150; loop++)
        {
            LoopDraw draw = WorldSampler.Draw(99, loop);

            WorldCase worldCase = WorldCaseBuilder.Build(draw, phenomena, WorldRanges.MaxCaseDays * Day, (ulong)loop);

            Assert.InRange(worldCase.PeakReadingKpa, 0.0, WorldRanges.PeakReadingLimitKpa);
            Assert.InRange(worldCase.ReserveUse, 0.0, 1.0 / 1.5 + 1e-9);
            Assert.True(worldCase.LowestPressureKpa > 90.0, $"loop {loop}: {worldCase.LowestPressureKpa} kPa");
        }
    }

    [Fact]
    public void NoPhenomenon_IsTheBenignBaseLoop()
    {
        WorldCase worldCase = WorldCaseBuilder.Build(WorldSampler.Draw(3, 1), Phenomena.None, 7200, 11);

        Assert.Equal(
            Simulation.RunPhysics(new Scenario { DurationS = 7200 }).Select(s => (s.PressureKpa, s.TempC)),
            Simulation.RunPhysics(worldCase.Scenario).Select(s => (s.PressureKpa, s.TempC)));
        Assert.Empty(worldCase.Logger.Glitches);
        Assert.Equal(BenignLoop.Logger, worldCase.Logger with { Glitches = BenignLoop.Logger.Glitches });
    }

    [Fact]
    public void FullWorld_UsesTheDrawnLoop()
    {
        LoopDraw draw = WorldSampler.Draw(5, 2);

        Scenario s = WorldCaseBuilder.Build(draw, Phenomena.All, Day, 1).Scenario;

        Assert.Equal(draw.NominalPressureKpa, s.Loop.NominalPressureKpa);
        Assert.Equal(draw.AccumulatorGasLiters, s.Loop.AccumulatorGasLiters, 1e-12);
        Assert.Equal(draw.AccumulatorReserveLiters, s.Loop.AccumulatorReserveLiters, 1e-12);
        Assert.Equal(draw.MeanTempC + draw.OrbitAmplitudeC, s.Orbit.SunTempC);
        Assert.Equal(draw.SensorLagMin, s.TempSensor.LagTimeConstantMin);
        Assert.Equal(draw.ThermalTimeConstantMin, s.Orbit.ThermalTimeConstantMin);
    }

    [Fact]
    public void EachPhenomenon_ChangesTheRecording()
    {
        // Rates raised above the world's so that a short case surely holds events of every kind.
        LoopDraw draw = WorldSampler.Draw(8, 0) with
        {
            HeaterStepsPerDay = 200, PumpStopsPerDay = 200, PressureGlitchesPerDay = 200, TempGlitchesPerDay = 200,
            BetaAmplitudeDeg = 100, BetaPeriodDays = 0.5, LoggerPeriodMs = 2000,
        };
        double durationS = 4 * 3600;
        LoggerRow[] base_ = [.. WorldCaseBuilder.Build(draw, Phenomena.None, durationS, 4).Rows()];

        foreach (Phenomena phenomenon in PhenomenaCatalog.Each)
        {
            LoggerRow[] rows = [.. WorldCaseBuilder.Build(draw, phenomenon, durationS, 4).Rows()];

            bool differs = rows.Length != base_.Length || rows.Zip(base_).Any(p => p.First != p.Second);
            Assert.True(differs, PhenomenaCatalog.Name(phenomenon));
        }
    }

    [Fact]
    public void SameLoopAndCaseSeed_SameRows_OtherCaseSeed_OtherRows()
    {
        LoopDraw draw = WorldSampler.Draw(31, 2);

        LoggerRow[] first = [.. WorldCaseBuilder.Build(draw, Phenomena.All, 3 * 3600, 17).Rows()];
        LoggerRow[] again = [.. WorldCaseBuilder.Build(WorldSampler.Draw(31, 2), Phenomena.All, 3 * 3600, 17).Rows()];
        LoggerRow[] other = [.. WorldCaseBuilder.Build(draw, Phenomena.All, 3 * 3600, 18).Rows()];

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void SwitchingOnePhenomenonOff_LeavesTheOthersEventsAlone()
    {
        LoopDraw draw = WorldSampler.Draw(8, 0) with { HeaterStepsPerDay = 4, PumpStopsPerDay = 4, PressureGlitchesPerDay = 3 };

        WorldCase all = WorldCaseBuilder.Build(draw, Phenomena.All, 2 * Day, 77);
        WorldCase noPump = WorldCaseBuilder.Build(draw, Phenomena.All & ~Phenomena.PumpCycling, 2 * Day, 77);

        Assert.Equal(all.Scenario.Heater.Steps, noPump.Scenario.Heater.Steps);
        Assert.Equal(all.Logger.Glitches, noPump.Logger.Glitches);
        Assert.Equal(all.Scenario.Orbit.BetaDeg.Points, noPump.Scenario.Orbit.BetaDeg.Points);
        Assert.Empty(noPump.Scenario.Pump.Switches);
    }

    [Fact]
    public void BetaSeasons_HaveOrbitsWithoutEclipse_AndOrbitsWithEclipsesDriftingBetween()
    {
        LoopDraw draw = WorldSampler.Draw(1, 0) with { BetaAmplitudeDeg = 100, BetaPeriodDays = 12 };
        WorldCase worldCase = WorldCaseBuilder.Build(draw, Phenomena.BetaSeasons, 8 * Day, 3);
        var sunlight = new SunlightSchedule(worldCase.Scenario.Orbit);
        double periodS = sunlight.PeriodS;

        double[] eclipseFractions = [.. Enumerable.Range(0, (int)(8 * Day / periodS)).Select(k => sunlight.EclipseFractionAt(k * periodS))];

        Assert.Contains(0.0, eclipseFractions);
        Assert.Contains(eclipseFractions, f => f > 0.35);

        // Days without eclipse (a high-β season), entered and left gradually over the days around it.
        int longestSeasonOrbits = eclipseFractions.Aggregate((Run: 0, Best: 0), (a, f) => f == 0 ? (a.Run + 1, Math.Max(a.Best, a.Run + 1)) : (0, a.Best)).Best;
        Assert.True(longestSeasonOrbits * periodS > Day, $"{longestSeasonOrbits} orbits");
        Assert.True(eclipseFractions.Distinct().Count() > 20);
    }

    [Fact]
    public void HeaterSteps_StayWithinTheLoopsOffsetAndAreAtLeastHalfADegree()
    {
        for (int loop = 0; loop < 40; loop++)
        {
            LoopDraw draw = WorldSampler.Draw(12, loop) with { HeaterStepsPerDay = 4 };
            IReadOnlyList<HeaterStep> steps = WorldCaseBuilder.Build(draw, Phenomena.HeaterSteps, 3 * Day, (ulong)loop).Scenario.Heater.Steps;

            Assert.All(steps, s => Assert.InRange(Math.Abs(s.OffsetC), 0.0, draw.HeaterMaxOffsetC + 1e-12));
            Assert.All(steps.Zip(steps.Skip(1)), p => Assert.True(p.First.TimeS <= p.Second.TimeS));
            Assert.All(steps.Prepend(new HeaterStep(0, 0)).Zip(steps), p => Assert.True(Math.Abs(p.Second.OffsetC - p.First.OffsetC) >= 0.5 - 1e-12 || p.Second.OffsetC == 0));
        }
    }

    [Fact]
    public void Glitches_AreInRangeOrPhysicallyImpossible_AsTheirKindSays()
    {
        LoopDraw draw = WorldSampler.Draw(4, 4) with { PressureGlitchesPerDay = 50, TempGlitchesPerDay = 50 };

        IReadOnlyList<LoggerGlitch> glitches = WorldCaseBuilder.Build(draw, Phenomena.Glitches, 3 * Day, 9).Logger.Glitches;

        Assert.InRange(glitches.Count, 200, 400);
        Assert.All(glitches.Where(g => g.Channel == LoggerChannel.Pressure), g => Assert.True(g.Kind switch
        {
            GlitchKind.InRange => g.Value is >= 0 and <= WorldRanges.TransducerFullScaleKpa,
            GlitchKind.BelowRange => g.Value < 0,
            _ => g.Value > WorldRanges.TransducerFullScaleKpa,
        }));
        foreach (GlitchKind kind in Enum.GetValues<GlitchKind>())
        {
            Assert.Contains(glitches, g => g.Kind == kind && g.Channel == LoggerChannel.Temperature);
        }
    }

    [Fact]
    public void PumpCycling_StopsAndRestartsWithinTheDrawnDurations()
    {
        LoopDraw draw = WorldSampler.Draw(6, 6) with { PumpStopsPerDay = 4 };

        IReadOnlyList<PumpSwitch> switches = WorldCaseBuilder.Build(draw, Phenomena.PumpCycling, 3 * Day, 5).Scenario.Pump.Switches;

        Assert.NotEmpty(switches);
        for (int i = 0; i < switches.Count; i += 2)
        {
            Assert.False(switches[i].Running);
            Assert.True(switches[i + 1].Running);
            Assert.InRange(switches[i + 1].TimeS - switches[i].TimeS, 60.0, 3600.0);
        }
    }
}
