using ThermalMonitor.Sim;

namespace ThermalMonitor.Profiles.Tests;

/// <summary>
/// How the replay source feeds impossible readings: each on the single sample nearest its row, as the
/// pin voltage its sensor would give (clamped at the rails; the open-wire rail when missing), with
/// interpolation only between possible readings. Every expectation is a reference sensor chain fed
/// the values (or glitch pin voltages) by hand, compared count for count.
/// </summary>
public sealed class ImpossibleReadingReplayTests
{
    private const ulong Seed = 5;
    private static readonly SensorSettings Sensors = new();

    // Pin volts: pressure pin = ½ × transducer output on a 5 V supply; the NTC node on the 3.3 V rail.
    private const double PressurePinAtSupplyRailVolts = 2.5;
    private const double LogicRailVolts = 3.3;

    public static TheoryData<double, double> ImpossiblePressures() => new()
    {
        { -200.0, 0.0 },                              // deep below vacuum: the transducer's 0 V rail
        { double.NegativeInfinity, 0.0 },
        { double.NaN, 0.0 },                          // missing: an open wire reads 0 V at the pin
        { 900.0, PressurePinAtSupplyRailVolts },      // beyond range: clamped at the supply rail
        { double.PositiveInfinity, PressurePinAtSupplyRailVolts },
        { -20.0, 0.5 * 5.0 * (0.1 + (0.8 * -20.0 / 500.0)) }, // slightly below vacuum: still on the transducer's line
        { 520.0, 0.5 * 5.0 * (0.1 + (0.8 * 520.0 / 500.0)) }, // slightly beyond full scale, below the rail
    };

    [Theory]
    [MemberData(nameof(ImpossiblePressures))]
    public void AnImpossiblePressureIsOneSampleAtItsPinVoltageAndTheRestInterpolatesAroundIt(double reading, double pinVolts)
    {
        // 1 Hz rows; the row at 5 s is impossible. A replay that interpolated towards it would bend
        // samples 4.1–5.9 s away from 240 kPa.
        Profile profile = Build(
        [
            new ProfileRow(0.0, 200, 20), new ProfileRow(4.0, 240, 20), new ProfileRow(5.0, reading, 20),
            new ProfileRow(6.0, 240, 20), new ProfileRow(8.0, 260, 20),
        ]);
        var source = new ProfileReplaySource(profile, 100, Seed, Sensors);
        var reference = new SensorChain(Sensors, [SensorFault.Glitch(SensorChannel.Pressure, 5.0, pinVolts)], 100, Seed);

        AssertSameCounts(source, reference, t => t <= 4.0 ? 200 + (10 * t) : t <= 6.0 ? 240 : 240 + (10 * (t - 6.0)), _ => 20.0);
        Assert.Equal([50L], source.PressureErrorSamples);
    }

    public static TheoryData<double, double> ImpossibleTemperatures() => new()
    {
        { double.NaN, LogicRailVolts },               // missing: an open NTC puts the node at the logic rail
        { -300.0, LogicRailVolts },                   // below absolute zero: the NTC's resistance beyond any bound
        { -273.15, LogicRailVolts },
        { double.NegativeInfinity, LogicRailVolts },
    };

    [Theory]
    [MemberData(nameof(ImpossibleTemperatures))]
    public void AnImpossibleTemperatureIsOneSampleAtTheRailAndTheRestInterpolatesAroundIt(double reading, double pinVolts)
    {
        Profile profile = Build(
        [
            new ProfileRow(0.0, 250, 10), new ProfileRow(2.0, 250, 12), new ProfileRow(3.0, 250, reading),
            new ProfileRow(4.0, 250, 12), new ProfileRow(6.0, 250, 16),
        ]);
        var source = new ProfileReplaySource(profile, 100, Seed, Sensors);
        var reference = new SensorChain(Sensors, [SensorFault.Glitch(SensorChannel.Temperature, 3.0, pinVolts)], 100, Seed);

        AssertSameCounts(source, reference, _ => 250, t => t <= 2.0 ? 10 + t : t <= 4.0 ? 12 : 12 + (2 * (t - 4.0)));
        Assert.Equal([30L], source.TemperatureErrorSamples);
    }

    [Fact]
    public void AnInfiniteTemperatureIsTheNtcAtItsLowestResistanceNextToZeroVolts()
    {
        Profile profile = Build([new ProfileRow(0.0, 250, 20), new ProfileRow(1.0, 250, double.PositiveInfinity), new ProfileRow(2.0, 250, 20)]);

        List<(double TimeS, double PressureMean, double TempMean)> samples = Drain(new ProfileReplaySource(profile, 100, Seed, Sensors));

        Assert.Equal([1.0], samples.Where(s => s.TempMean < 10).Select(s => Math.Round(s.TimeS, 6)));
        Assert.All(samples.Where(s => Math.Abs(s.TimeS - 1.0) > 1e-9), s => Assert.InRange(s.TempMean, 1500, 2500));
    }

    [Theory]
    [InlineData(5.04, 50)]
    [InlineData(5.06, 51)]
    [InlineData(5.05, 51)]
    [InlineData(0.01, 0)]
    [InlineData(9.99, 100)]
    public void TheReadingGoesOnTheSampleNearestItsRow(double rowTimeS, long expectedSample)
    {
        Profile profile = Build([new ProfileRow(0.0, 250, 20), new ProfileRow(rowTimeS, double.NaN, 20), new ProfileRow(10.0, 250, 20)]);

        var source = new ProfileReplaySource(profile, 100, Seed, Sensors);

        Assert.Equal([expectedSample], source.PressureErrorSamples);
        List<(double TimeS, double PressureMean, double TempMean)> samples = Drain(new ProfileReplaySource(profile, 100, Seed, Sensors));
        Assert.Equal([expectedSample], samples.Select((s, k) => (s, k)).Where(p => p.s.PressureMean < 5).Select(p => (long)p.k));
    }

    [Fact]
    public void RowsDenserThanThePeriodPlaceOneReadingPerSampleTheNearestRowsOwn()
    {
        // At 1 s per sample, the rows at 2.3 s (−50 kPa) and 1.9 s (missing) both round to sample 2;
        // 1.9 s is nearer, so sample 2 reads the open-wire rail, not the transducer's −50 kPa voltage.
        Profile profile = Build(
        [
            new ProfileRow(0.0, 250, 20), new ProfileRow(1.9, double.NaN, 20), new ProfileRow(2.3, -50, 20),
            new ProfileRow(4.0, 250, 20),
        ]);
        var source = new ProfileReplaySource(profile, 1000, Seed, Sensors);
        var reference = new SensorChain(Sensors, [SensorFault.Glitch(SensorChannel.Pressure, 2.0, 0.0)], 1000, Seed);

        AssertSameCounts(source, reference, _ => 250, _ => 20, periodMs: 1000);
        Assert.Equal([2L], source.PressureErrorSamples);
    }

    [Fact]
    public void ARecordedFaultStillActsOnTheSampleOfAnImpossibleReading()
    {
        Profile profile = Build(
        [
            new ProfileRow(0.0, 250, 20),
            new ProfileRow(1.0, double.NaN, 20, null, ProfileFault.Short, ProfileFault.None, ProfileFault.None),
            new ProfileRow(1.5, 250, 20),
            new ProfileRow(3.0, 250, 20),
        ]);

        List<(double TimeS, double PressureMean, double TempMean)> samples = Drain(new ProfileReplaySource(profile, 100, Seed, Sensors));

        // Short to the 3.3 V rail over 1.0–1.5 s, the missing reading's sample included.
        Assert.Equal(5, samples.Count(s => s.PressureMean > 4000));
        Assert.True(samples[10].PressureMean > 4000);
    }

    [Fact]
    public void WithoutACoolantTemperatureTheChannelReadsAConstant20C()
    {
        Profile profile = new("p", new Dictionary<string, string>(),
            [new ProfileRow(0.0, 101, double.NaN), new ProfileRow(1.0, 102, double.NaN), new ProfileRow(2.0, 101, double.NaN)],
            coolantTemperatureRecorded: false);
        var source = new ProfileReplaySource(profile, 100, Seed, Sensors);
        var reference = new SensorChain(Sensors, [], 100, Seed);

        Assert.False(source.HasCoolantTemperature);
        AssertSameCounts(source, reference, t => t <= 1.0 ? 101 + t : 103 - t, _ => 20.0);
    }

    [Fact]
    public void ATemperatureColumnWithoutAPossibleReadingAlsoReadsTheConstant()
    {
        Profile profile = Build([new ProfileRow(0.0, 250, double.NaN), new ProfileRow(1.0, 250, -999), new ProfileRow(2.0, 250, double.NaN)]);
        var source = new ProfileReplaySource(profile, 100, Seed, Sensors);

        Assert.False(source.HasCoolantTemperature);
        Assert.Empty(source.TemperatureErrorSamples);
        AssertSameCounts(source, new SensorChain(Sensors, [], 100, Seed), _ => 250, _ => 20.0);
        Assert.Equal(new ChannelReadingCounts(1, 0, 2), source.ImpossibleReadings.Temperature);
    }

    [Fact]
    public void APressureChannelWithoutAPossibleReadingReadsAsAnOpenWireThroughout()
    {
        Profile profile = Build([new ProfileRow(0.0, double.NaN, 20), new ProfileRow(1.0, 900, 20), new ProfileRow(2.0, -5, 20)]);
        var source = new ProfileReplaySource(profile, 100, Seed, Sensors);
        var reference = new SensorChain(Sensors, [SensorFault.Open(SensorChannel.Pressure, 0.0, 2.1)], 100, Seed);

        AssertSameCounts(source, reference, _ => 250, _ => 20.0);
        Assert.Equal(new ChannelReadingCounts(1, 1, 1), source.ImpossibleReadings.Pressure);
    }

    [Fact]
    public void BeyondRangeDependsOnTheSimulatedTransducersFullScale()
    {
        Profile profile = Build([new ProfileRow(0.0, 250, 20), new ProfileRow(1.0, 900, 20), new ProfileRow(2.0, 250, 20)]);

        var standard = new ProfileReplaySource(profile, 100, Seed, Sensors);
        var wide = new ProfileReplaySource(profile, 100, Seed, Sensors with { PressureFullScaleKpa = 1000 });

        Assert.Equal(new ChannelReadingCounts(0, 1, 0), standard.ImpossibleReadings.Pressure);
        Assert.Equal([10L], standard.PressureErrorSamples);
        Assert.Equal(new ChannelReadingCounts(0, 0, 0), wide.ImpossibleReadings.Pressure);
        Assert.Empty(wide.PressureErrorSamples);
    }

    [Fact]
    public void ReplayWithImpossibleReadingsAllocatesNothingPerSample() =>
        ProfileReplaySourceTests.AssertNothingAllocatedPerSample(Build(Enumerable.Range(0, 200).Select(i => new ProfileRow(
            i * 10.0, i % 7 == 3 ? double.NaN : i % 11 == 5 ? -150 : 250 - i, i % 13 == 4 ? double.NaN : 13 + (i % 7)))));

    private static void AssertSameCounts(
        ProfileReplaySource source, SensorChain reference, Func<double, double> pressureKpa, Func<double, double> tempC, int periodMs = 100)
    {
        var burst = new AdcBurst(Sensors.BurstLength);
        var expected = new AdcBurst(Sensors.BurstLength);
        int k = 0;
        for (; source.TryNext(out double timeS, burst); k++)
        {
            double t = k * (long)periodMs / 1000.0;
            reference.Acquire(new SimSample(k, t, pressureKpa(t), tempC(t), 0, default), expected);
            Assert.Equal(t, timeS, precision: 9);
            Assert.True(expected.PressureCounts.SequenceEqual(burst.PressureCounts), $"pressure counts differ at {t} s");
            Assert.True(expected.TempCounts.SequenceEqual(burst.TempCounts), $"temperature counts differ at {t} s");
            Assert.True(expected.SupplyCounts.SequenceEqual(burst.SupplyCounts), $"supply counts differ at {t} s");
        }

        Assert.Equal(source.SampleCount, k);
    }

    private static Profile Build(IEnumerable<ProfileRow> rows) => new("test", new Dictionary<string, string>(), rows);

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
