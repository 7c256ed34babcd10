using ThermalMonitor.Sim;

namespace ThermalMonitor.Profiles.Tests;

/// <summary>Profiles built from data-logger rows: the rows as written, replayed at the firmware period.</summary>
public sealed class LoggerProfileTests
{
    private static readonly LoggerSettings OneHertzNoisy = new() { PeriodMs = 1000, PressureNoiseKpa = 0.4, TempNoiseC = 0.05, PressureStepKpa = 0.01 };

    [Fact]
    public void RowsAreTheLoggersRows_WithSeedAndPeriodInTheMetadata()
    {
        var scenario = new Scenario { DurationS = 600 };
        LoggerRow[] rows = [.. LoggerRecording.Run(scenario, OneHertzNoisy, 3)];

        Profile profile = LoggerProfile.Create("bench-logger", rows, 1000, sensorSeed: 42, "a 1 Hz logger");

        Assert.Equal(rows.Select(r => (r.TimeS, r.PressureKpa, r.TempC)), profile.Rows.Select(r => (r.TimeS, r.PressureKpa, r.TempC)));
        Assert.All(profile.Rows, r => Assert.Null(r.CabinTempC));
        Assert.Equal(42UL, ProfileReplaySource.DefaultSensorSeed(profile));
        Assert.Equal(1000, profile.PeriodMs);
        Assert.Equal("a 1 Hz logger", profile.Metadata["description"]);
    }

    [Fact]
    public void OneHertzRows_ReplayAtTenHertz_InterpolatingTheNoiseInsideThem()
    {
        Profile profile = LoggerProfile.Create("x", [new LoggerRow(0, 250.0, 13), new LoggerRow(1, 251.0, 13), new LoggerRow(2, 249.0, 13)], 1000, 1);
        var sensors = new SensorSettings { Adc = new AdcSettings { NoiseSigmaLsb = 0, OutlierProbability = 0 } };
        var source = new ProfileReplaySource(profile, 100, 1, sensors);
        var reference = new SensorChain(sensors, [], 100, 1);
        var burst = new AdcBurst(sensors.BurstLength);
        var expected = new AdcBurst(sensors.BurstLength);

        Assert.Equal(21, source.SampleCount);
        for (int k = 0; source.TryNext(out double timeS, burst); k++)
        {
            double pressureKpa = k <= 10 ? 250.0 + (k * 0.1) : 251.0 - ((k - 10) * 0.2);
            reference.Acquire(new SimSample(k, timeS, pressureKpa, 13, 0, default), expected);
            Assert.Equal(expected.PressureCounts, burst.PressureCounts);
        }
    }

    [Fact]
    public void WorldCase_BecomesAProfileNamedAfterIt_WithImpossibleGlitchesKept()
    {
        LoopDraw draw = WorldSampler.Draw(2, 1) with { PressureGlitchesPerDay = 500 };
        WorldCase worldCase = WorldCaseBuilder.Build(draw, Phenomena.Glitches, 3600, 6);

        Profile profile = LoggerProfile.FromWorldCase(worldCase);

        Assert.Equal(worldCase.Scenario.Name, profile.Name);
        Assert.Equal(worldCase.SensorSeed, ProfileReplaySource.DefaultSensorSeed(profile));
        Assert.Equal(36_000, profile.Rows.Count);
        Assert.Contains(profile.Rows, r => r.PressureKpa < 0);
        Assert.Contains(profile.Rows, r => r.PressureKpa > WorldRanges.TransducerFullScaleKpa);
    }
}
