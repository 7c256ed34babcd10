using ThermalMonitor.Sim;

namespace ThermalMonitor.Profiles.Tests;

public sealed class ProfileReplaySourceTests
{
    private static readonly SensorSettings Sensors = new();

    [Theory]
    [InlineData(100, 26)]
    [InlineData(1000, 3)]
    [InlineData(250, 11)]
    public void SampleCountCoversFirstToLastRow(int periodMs, long expected)
    {
        Profile profile = Build([new ProfileRow(0.0, 250, 13), new ProfileRow(1.0, 250, 13), new ProfileRow(2.5, 250, 13)]);

        var source = new ProfileReplaySource(profile, periodMs, 1, Sensors);

        Assert.Equal(expected, source.SampleCount);
        Assert.Equal(expected, Drain(source).Count);
    }

    [Fact]
    public void ValuesAreInterpolatedLinearlyBetweenRows()
    {
        Profile profile = Build([new ProfileRow(5.0, 200, 10), new ProfileRow(6.0, 300, 20), new ProfileRow(6.5, 300, 30)]);
        var source = new ProfileReplaySource(profile, 100, 7, Sensors);
        var reference = new SensorChain(Sensors, [], 100, 7);
        var burst = new AdcBurst(Sensors.BurstLength);
        var expected = new AdcBurst(Sensors.BurstLength);

        for (int k = 0; source.TryNext(out double timeS, burst); k++)
        {
            double t = 5.0 + (k * 0.1);
            double pressureKpa = k <= 10 ? 200 + (100 * (t - 5.0)) : 300;
            double tempC = k <= 10 ? 10 + (10 * (t - 5.0)) : 20 + (10 * (t - 6.0) / 0.5);
            reference.Acquire(new SimSample(k, t, pressureKpa, tempC, 0, default), expected);

            Assert.Equal(t, timeS, precision: 12);
            Assert.Equal(expected.PressureCounts, burst.PressureCounts);
            Assert.Equal(expected.TempCounts, burst.TempCounts);
            Assert.Equal(expected.SupplyCounts, burst.SupplyCounts);
        }
    }

    [Fact]
    public void AnOpenPressureRunReadsNearZeroCountsExactlyOverItsRows()
    {
        // Sparse rows: the fault holds from the row at 1.0 s until the row at 2.0 s.
        Profile profile = Build(
        [
            new ProfileRow(0.0, 250, 13),
            new ProfileRow(1.0, 250, 13, null, ProfileFault.Open, ProfileFault.None, ProfileFault.None),
            new ProfileRow(2.0, 250, 13),
            new ProfileRow(3.0, 250, 13),
        ]);

        var samples = Drain(new ProfileReplaySource(profile, 100, 3, Sensors));

        Assert.All(
            samples.Where(s => s.TimeS is >= 0.999 and < 1.999),
            s => Assert.True(s.PressureMean < 5, $"{s.TimeS}: {s.PressureMean}"));
        Assert.All(
            samples.Where(s => s.TimeS is < 0.999 or >= 1.999),
            s => Assert.True(s.PressureMean > 1000, $"{s.TimeS}: {s.PressureMean}"));
        Assert.Equal(10, samples.Count(s => s.PressureMean < 5));
    }

    [Fact]
    public void AnOpenNtcReadsFullScaleAndAGlitchIsOneSample()
    {
        Profile profile = Build(
        [
            new ProfileRow(0.0, 250, 13),
            new ProfileRow(0.5, 250, 13, null, ProfileFault.Glitch, ProfileFault.Open, ProfileFault.None),
            new ProfileRow(0.6, 250, 13, null, ProfileFault.None, ProfileFault.Open, ProfileFault.None),
            new ProfileRow(0.7, 250, 13),
            new ProfileRow(2.0, 250, 13),
        ]);
        var source = new ProfileReplaySource(profile, 100, 3, Sensors);

        List<(double TimeS, double PressureMean, double TempMean)> samples = Drain(source);

        Assert.Equal([0.5, 0.6], samples.Where(s => s.TempMean > 4090).Select(s => Math.Round(s.TimeS, 6)));
        double normal = samples[0].PressureMean;
        Assert.Equal([0.5], samples.Where(s => Math.Abs(s.PressureMean - normal) > 100).Select(s => Math.Round(s.TimeS, 6)));
        Assert.Equal(
            [SensorFault.Glitch(SensorChannel.Pressure, 0.5), SensorFault.Open(SensorChannel.Temperature, 0.5, 0.7)],
            source.Faults);
    }

    [Fact]
    public void AFaultOnTheLastRowLastsOnePeriod()
    {
        Profile profile = Build(
        [
            new ProfileRow(0.0, 250, 13),
            new ProfileRow(1.0, 250, 13, null, ProfileFault.None, ProfileFault.None, ProfileFault.Stuck),
        ]);

        var source = new ProfileReplaySource(profile, 100, 3, Sensors);

        Assert.Equal([SensorFault.Stuck(SensorChannel.Supply, 1.0, 1.1)], source.Faults);
    }

    [Fact]
    public void GeneratedFaultProfilesReplayTheScenariosFaultWindows()
    {
        Scenario scenario = new()
        {
            Name = "f",
            DurationS = 120,
            Faults =
            [
                SensorFault.NoiseBurst(SensorChannel.Pressure, 30, 40),
                SensorFault.Glitch(SensorChannel.Temperature, 50),
                SensorFault.Short(SensorChannel.Supply, 60.05, 70.35),
            ],
        };

        // Sparse rows every 5 s and no dense windows: the fault edges alone must carry the windows.
        Profile profile = ProfileGenerator.Generate(new RecordedScenario(scenario, 9, new RecordingPlan(5.0)));

        Assert.Equal(
            [
                SensorFault.NoiseBurst(SensorChannel.Pressure, 30, 40),
                SensorFault.Glitch(SensorChannel.Temperature, 50),
                SensorFault.Short(SensorChannel.Supply, 60.1, 70.4),
            ],
            ProfileFaultWindows.FromRows(profile, 100));
    }

    [Fact]
    public void TheDefaultSeedIsTheMetadataElseTheDocumentedConstant()
    {
        Assert.Equal(42UL, ProfileReplaySource.DefaultSensorSeed(Fixtures.Rich()));
        Assert.Equal(20221215UL, ProfileReplaySource.DefaultSensorSeed(Build([new ProfileRow(0, 1, 2)])));
        Assert.Equal(
            ProfileReplaySource.FallbackSensorSeed, ProfileReplaySource.DefaultSensorSeed(Build([new ProfileRow(0, 1, 2)])));
    }

    [Fact]
    public void TheSameSeedGivesTheSameCountsAndAnotherSeedDoesNot()
    {
        Profile profile = Fixtures.Rich();

        Assert.Equal(Counts(profile, 5), Counts(profile, 5));
        Assert.NotEqual(Counts(profile, 5), Counts(profile, 6));
    }

    [Fact]
    public void ReplayAllocatesNothingPerSample() =>
        AssertNothingAllocatedPerSample(Build(Enumerable.Range(0, 200).Select(i => new ProfileRow(i * 10.0, 250 - i, 13 + (i % 7)))));

    /// <summary>After a warm-up, producing every further sample of <paramref name="profile"/> allocates 0 bytes.</summary>
    internal static void AssertNothingAllocatedPerSample(Profile profile)
    {
        var source = new ProfileReplaySource(profile, 100, 11, Sensors);
        var burst = new AdcBurst(source.BurstLength);
        for (int i = 0; i < 1000; i++)
        {
            source.TryNext(out _, burst);
        }

        (int produced, long allocated) = DrainMeasured(source, burst);
        Assert.True(produced > 15_000);
        Assert.Equal(0, allocated);
    }

    /// <summary>
    /// The measured loop lives in its own method, compiled fully optimized at its first call: a
    /// tier-0 loop would be recompiled on stack mid-measurement, and that compilation may allocate
    /// on this thread (seen once, under load), which is not the replay's allocation.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization | System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static (int Produced, long AllocatedBytes) DrainMeasured(ProfileReplaySource source, AdcBurst burst)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        int produced = 0;
        while (source.TryNext(out _, burst))
        {
            produced++;
        }

        return (produced, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void AWrongBurstLengthIsRejected()
    {
        var source = new ProfileReplaySource(Fixtures.Rich(), 100, 1, Sensors);

        Assert.Throws<ArgumentException>(() => source.TryNext(out _, new AdcBurst(3)));
    }

    private static Profile Build(IEnumerable<ProfileRow> rows) => new("test", new Dictionary<string, string>(), rows);

    private static List<int> Counts(Profile profile, ulong seed)
    {
        var source = new ProfileReplaySource(profile, 100, seed, Sensors);
        var burst = new AdcBurst(source.BurstLength);
        var counts = new List<int>();
        while (source.TryNext(out _, burst))
        {
            counts.AddRange(burst.PressureCounts);
            counts.AddRange(burst.TempCounts);
        }

        return counts;
    }

    private static List<(double TimeS, double PressureMean, double TempMean)> Drain(ProfileReplaySource source)
    {
        var burst = new AdcBurst(source.BurstLength);
        var samples = new List<(double, double, double)>();
        while (source.TryNext(out double timeS, burst))
        {
            samples.Add((timeS, burst.PressureCounts.Average(), burst.TempCounts.Average()));
        }

        return samples;
    }
}
