namespace ThermalMonitor.Report.Tests;

/// <summary>
/// Issue 12 item 3: the report's trace held five doubles per sample of the whole replay. A replay
/// longer than <see cref="TraceRecorder.FullResolutionSamplesMax"/> now keeps a min/max envelope per
/// bucket, bounded whatever the length, that still reaches every extreme.
/// </summary>
public sealed class TraceRecorderTests
{
    [Fact]
    public void A_replay_within_the_full_resolution_keeps_every_sample_as_it_came()
    {
        var recorder = new TraceRecorder(1000, 0, 99.9, focus: null);
        for (int i = 0; i < 1000; i++)
        {
            recorder.Add(i / 10.0, 250 - i, 15, i % 3 == 0 ? double.NaN : 0.5, i);
        }

        var (timeS, pressureKpa, _, residualKpa, statisticPercent) = recorder.Series();

        Assert.False(recorder.Decimated);
        Assert.Equal(1000, timeS.Length);
        Assert.Equal(250 - 999, pressureKpa[999]);
        Assert.True(double.IsNaN(residualKpa[3]));
        Assert.Equal(998, statisticPercent[998]);
    }

    [Fact]
    public void A_long_replay_keeps_a_bounded_envelope_that_reaches_every_extreme()
    {
        const long samples = 3_000_000;
        double endS = (samples - 1) / 10.0;
        var recorder = new TraceRecorder(samples, 0, endS, focus: (100_000, 101_000));
        var random = new Random(12);
        double minPressure = double.MaxValue;
        double maxPressure = double.MinValue;
        long spikeAt = 1_234_567;
        for (long i = 0; i < samples; i++)
        {
            double pressure = 250 + random.NextDouble();
            // One sample far out: a plot that drops it hides the very thing a person looks for.
            pressure = i == spikeAt ? 400 : pressure;
            minPressure = Math.Min(minPressure, pressure);
            maxPressure = Math.Max(maxPressure, pressure);
            recorder.Add(i / 10.0, pressure, 15, i == spikeAt + 10 ? double.NaN : 0.1, 50);
        }

        var (timeS, pressureKpa, tempC, residualKpa, _) = recorder.Series();

        Assert.True(recorder.Decimated);
        Assert.Equal(samples, recorder.Samples);
        Assert.Equal(samples, recorder.ValidPressureSamples);
        Assert.True(timeS.Length <= 3 * (TraceRecorder.OverviewBuckets + TraceRecorder.FocusBuckets + 2), $"{timeS.Length} points");
        Assert.Equal([timeS.Length, timeS.Length, timeS.Length], new[] { pressureKpa.Length, tempC.Length, residualKpa.Length });
        Assert.True(timeS.Zip(timeS.Skip(1)).All(p => p.First < p.Second), "times strictly increasing");
        Assert.Equal(maxPressure, pressureKpa.Max());
        Assert.Equal(minPressure, pressureKpa.Min());
        // Drawn within its bucket: a few pixels at most from where it happened.
        Assert.InRange(timeS[Array.IndexOf(pressureKpa, 400.0)] - (spikeAt / 10.0), -endS / TraceRecorder.OverviewBuckets, endS / TraceRecorder.OverviewBuckets);
        // The sample without a residual still breaks the line, as it would at full resolution.
        Assert.Contains(residualKpa, double.IsNaN);
        // The close-up's window is kept finer than the rest: its points are closer together.
        double[] inFocus = [.. timeS.Where(t => t is >= 100_000 and <= 101_000)];
        double[] outside = [.. timeS.Where(t => t is >= 200_000 and <= 201_000)];
        Assert.True(inFocus.Length > 10 * Math.Max(1, outside.Length), $"{inFocus.Length} points in the close-up, {outside.Length} in as long a stretch elsewhere");
    }
}
