namespace ThermalMonitor.Sim.Tests;

/// <summary>What each injected fault does to the counts (see <see cref="FaultKind"/>).</summary>
public class SensorFaultTests
{
    private const double StartS = 10.0;
    private const double EndS = 20.0;

    private static SimFrame[] Run(AdcSettings adc, params SensorFault[] faults) =>
        Simulation.Run(TestScenarios.Flat(30.0, adc) with { Faults = faults }, 77).ToArray();

    private static bool InWindow(SimFrame frame) => frame.Sample.TimeS >= StartS && frame.Sample.TimeS < EndS;

    private static int[] CountsIn(IEnumerable<SimFrame> frames, SensorChannel channel) =>
        frames.SelectMany(f => f.Burst.Counts(channel)).ToArray();

    private static double StandardDeviation(int[] counts)
    {
        double mean = counts.Average();
        return Math.Sqrt(counts.Select(c => (c - mean) * (c - mean)).Average());
    }

    [Theory]
    [InlineData(SensorChannel.Pressure)]
    [InlineData(SensorChannel.Supply)]
    public void Open_PressureOrSupply_ReadsNearZero(SensorChannel channel)
    {
        SimFrame[] frames = Run(TestScenarios.NoOutlierAdc, SensorFault.Open(channel, StartS, EndS));
        int[] faulted = CountsIn(frames.Where(InWindow), channel);

        Assert.Equal(100 * 32, faulted.Length);
        Assert.InRange(faulted.Average(), 0.0, 3.0);
        Assert.InRange(faulted.Max(), 1, 20);
    }

    [Fact]
    public void Open_Ntc_ReadsFullScale()
    {
        SimFrame[] frames = Run(new AdcSettings(), SensorFault.Open(SensorChannel.Temperature, StartS, EndS));

        Assert.All(CountsIn(frames.Where(InWindow), SensorChannel.Temperature), c => Assert.Equal(4095, c));
    }

    [Theory]
    [InlineData(SensorChannel.Pressure)]
    [InlineData(SensorChannel.Supply)]
    public void Short_PressureOrSupply_ReadsFullScale(SensorChannel channel)
    {
        SimFrame[] frames = Run(new AdcSettings(), SensorFault.Short(channel, StartS, EndS));

        Assert.All(CountsIn(frames.Where(InWindow), channel), c => Assert.Equal(4095, c));
    }

    [Fact]
    public void Short_Ntc_ReadsNearZero()
    {
        SimFrame[] frames = Run(TestScenarios.NoOutlierAdc, SensorFault.Short(SensorChannel.Temperature, StartS, EndS));

        Assert.InRange(CountsIn(frames.Where(InWindow), SensorChannel.Temperature).Average(), 0.0, 3.0);
    }

    [Fact]
    public void Stuck_RepeatsTheNoiseFreeReadingOfTheFirstFaultedSample()
    {
        SimFrame[] frames = Run(new AdcSettings(), SensorFault.Stuck(SensorChannel.Pressure, StartS, EndS));
        SimFrame first = frames.First(InWindow);
        var chain = new SensorChain(new SensorSettings(), [], 100, 0);
        int expected = AdcChannel.Quantise(Esp32AdcTransfer.MicrovoltsToCounts(chain.PinVolts(SensorChannel.Pressure, first.Sample) * 1e6));

        Assert.All(CountsIn(frames.Where(InWindow), SensorChannel.Pressure), c => Assert.Equal(expected, c));
        Assert.True(StandardDeviation(CountsIn(frames.Where(f => !InWindow(f)), SensorChannel.Pressure)) > 2.0);
    }

    [Fact]
    public void NoiseBurst_MultipliesSigmaBy15()
    {
        SimFrame[] frames = Run(TestScenarios.NoOutlierAdc, SensorFault.NoiseBurst(SensorChannel.Temperature, StartS, EndS));

        double inside = StandardDeviation(CountsIn(frames.Where(InWindow), SensorChannel.Temperature));
        double outside = StandardDeviation(CountsIn(frames.Where(f => f.Sample.TimeS >= EndS), SensorChannel.Temperature));

        Assert.InRange(inside / outside, 13.5, 16.5);
    }

    [Fact]
    public void Glitch_ReplacesExactlyOneSampleWithAnInBandValue()
    {
        SimFrame[] frames = Run(TestScenarios.NoOutlierAdc, SensorFault.Glitch(SensorChannel.Pressure, 12.34));
        double glitchCounts = Esp32AdcTransfer.MicrovoltsToCounts(700_000);
        double[] means = frames.Select(f => f.Burst.PressureCounts.Average()).ToArray();

        int[] glitched = Enumerable.Range(0, means.Length).Where(i => Math.Abs(means[i] - glitchCounts) < 5.0).ToArray();

        Assert.Equal([124], glitched); // first sample at or after 12.34 s is 12.4 s
        Assert.InRange(means[123], 1300.0, 1700.0);
        Assert.InRange(means[125], 1300.0, 1700.0);
    }

    [Fact]
    public void Faults_ChangeOnlyTheirChannelAndWindow()
    {
        SimFrame[] clean = Run(new AdcSettings());
        SimFrame[] faulted = Run(
            new AdcSettings(),
            SensorFault.NoiseBurst(SensorChannel.Pressure, StartS, EndS),
            SensorFault.Stuck(SensorChannel.Temperature, 5.0, 8.0),
            SensorFault.Open(SensorChannel.Supply, 25.0, 26.0));

        for (int i = 0; i < clean.Length; i++)
        {
            double t = clean[i].Sample.TimeS;
            Assert.Equal(clean[i].Sample, faulted[i].Sample);
            if (!InWindow(clean[i]))
            {
                Assert.Equal(clean[i].Burst.PressureCounts, faulted[i].Burst.PressureCounts);
            }

            if (t < 5.0 || t >= 8.0)
            {
                Assert.Equal(clean[i].Burst.TempCounts, faulted[i].Burst.TempCounts);
            }

            if (t < 25.0 || t >= 26.0)
            {
                Assert.Equal(clean[i].Burst.SupplyCounts, faulted[i].Burst.SupplyCounts);
            }
        }
    }

    [Fact]
    public void Windows_CoverSamplesFromStartUpToButExcludingEnd()
    {
        var schedule = new FaultSchedule([SensorFault.Open(SensorChannel.Pressure, 0.3, 0.6)], 100);

        Assert.Null(schedule.ActiveAt(SensorChannel.Pressure, 2));
        Assert.NotNull(schedule.ActiveAt(SensorChannel.Pressure, 3));
        Assert.NotNull(schedule.ActiveAt(SensorChannel.Pressure, 5));
        Assert.Null(schedule.ActiveAt(SensorChannel.Pressure, 6));
        Assert.Null(schedule.ActiveAt(SensorChannel.Temperature, 4));
    }

    [Fact]
    public void OverlappingFaultsOnOneChannel_AreRejected_OnDifferentChannelsAllowed()
    {
        Assert.Throws<ArgumentException>(() => new FaultSchedule(
            [SensorFault.Open(SensorChannel.Pressure, 0.0, 10.0), SensorFault.Stuck(SensorChannel.Pressure, 9.0, 12.0)], 100));
        _ = new FaultSchedule(
            [SensorFault.Open(SensorChannel.Pressure, 0.0, 10.0), SensorFault.Stuck(SensorChannel.Supply, 9.0, 12.0)], 100);
    }

    [Fact]
    public void MalformedWindows_AreRejected()
    {
        Assert.Throws<ArgumentException>(() => new FaultSchedule([SensorFault.Open(SensorChannel.Pressure, 5.0, 5.0)], 100));
        Assert.Throws<ArgumentException>(() => new FaultSchedule(
            [new SensorFault(SensorChannel.Pressure, FaultKind.Glitch, 5.0, 6.0)], 100));
        Assert.Throws<ArgumentException>(() => new FaultSchedule([SensorFault.Open(SensorChannel.Pressure, -1.0, 5.0)], 100));
    }
}
