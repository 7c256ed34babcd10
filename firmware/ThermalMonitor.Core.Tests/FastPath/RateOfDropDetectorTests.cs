using ThermalMonitor.Core.Detection;

namespace ThermalMonitor.Core.Tests.FastPath;

/// <summary>The fast path: drop over a window of W samples against a limit, with persistence.</summary>
public class RateOfDropDetectorTests
{
    private const int DropLimitPa = 1_000;
    private const int Start = 250_000;

    private static RateOfDropDetector Configured(int windowSamples, int raiseSamples = 1, int clearSamples = 1, int dropLimitPa = DropLimitPa)
    {
        var detector = new RateOfDropDetector();
        detector.Configure(windowSamples, dropLimitPa, raiseSamples, clearSamples);
        return detector;
    }

    private static void Feed(RateOfDropDetector detector, int pressurePa, int count)
    {
        for (int i = 0; i < count; i++)
        {
            detector.Update(pressurePa);
        }
    }

    [Fact]
    public void The_drop_is_measured_once_the_window_holds_w_samples_of_history()
    {
        var detector = Configured(5);

        // Samples 1..5: no sample lies W samples back yet.
        for (int i = 0; i < 5; i++)
        {
            Assert.False(detector.Update(Start - (i * 10_000)));
            Assert.Equal(0, detector.DropPa);
        }

        // Sample 6 compares with sample 1, five samples back.
        Assert.True(detector.Update(Start - 50_000 - 7));
        Assert.Equal(50_007, detector.DropPa);
    }

    [Fact]
    public void A_drop_equal_to_the_limit_is_not_beyond_it()
    {
        var detector = Configured(3);
        Feed(detector, Start, 3);

        Assert.False(detector.Update(Start - DropLimitPa));
        Assert.Equal(DropLimitPa, detector.DropPa);
        Assert.True(detector.Update(Start - DropLimitPa - 1));
        Assert.Equal(DropLimitPa + 1, detector.DropPa);
    }

    [Fact]
    public void A_rise_is_a_negative_drop_and_never_trips()
    {
        var detector = Configured(2);
        Feed(detector, Start, 2);

        Assert.False(detector.Update(Start + 100_000));
        Assert.Equal(-100_000, detector.DropPa);
    }

    [Fact]
    public void Raises_after_the_raise_count_and_clears_after_the_clear_count()
    {
        var detector = Configured(windowSamples: 1, raiseSamples: 3, clearSamples: 2);
        detector.Update(Start);

        // With a one-sample window every step of 2 kPa is beyond the limit.
        Assert.False(detector.Update(Start - 2_000));
        Assert.False(detector.Update(Start - 4_000));
        Assert.True(detector.Update(Start - 6_000));
        Assert.True(detector.Update(Start - 6_000));
        Assert.False(detector.Update(Start - 6_000));
    }

    [Fact]
    public void Restarting_the_window_keeps_the_condition_until_new_evidence_clears_it()
    {
        var detector = Configured(windowSamples: 4, raiseSamples: 1, clearSamples: 1);
        Feed(detector, Start, 4);
        Assert.True(detector.Update(Start - 10_000));

        detector.RestartWindow();

        Assert.Equal(0, detector.DropPa);
        Assert.True(detector.IsActive);
        // A refilled window without evidence holds the condition; the first measured drop decides.
        for (int i = 0; i < 4; i++)
        {
            Assert.True(detector.Update(Start - 10_000));
        }

        Assert.False(detector.Update(Start - 10_000));
        Assert.Equal(0, detector.DropPa);
    }

    [Fact]
    public void Restarting_the_window_forgets_the_samples_before_it()
    {
        var detector = Configured(windowSamples: 2);
        Feed(detector, Start, 5);

        detector.RestartWindow();
        detector.Update(Start - 50_000);
        detector.Update(Start - 50_000);

        Assert.Equal(0, detector.DropPa);
        Assert.False(detector.Update(Start - 50_000)); // compared with the post-restart sample
        Assert.Equal(0, detector.DropPa);
    }

    [Fact]
    public void Reset_clears_the_condition_and_the_window()
    {
        var detector = Configured(windowSamples: 2, raiseSamples: 1, clearSamples: 5);
        Feed(detector, Start, 2);
        Assert.True(detector.Update(Start - 10_000));

        detector.Reset();

        Assert.False(detector.IsActive);
        Assert.Equal(0, detector.DropPa);
        Assert.False(detector.Update(Start - 50_000));
        Assert.False(detector.Update(Start - 50_000));
        Assert.Equal(0, detector.DropPa);
    }

    [Fact]
    public void Configure_empties_the_window()
    {
        var detector = Configured(windowSamples: 2, raiseSamples: 1, clearSamples: 5);
        Feed(detector, Start, 2);
        Assert.True(detector.Update(Start - 10_000));

        detector.Configure(2, DropLimitPa, 1, 5);

        Assert.False(detector.IsActive);
        Assert.Equal(0, detector.DropPa);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-10)]
    public void A_window_below_one_sample_is_one_sample(int windowSamples)
    {
        var detector = Configured(windowSamples);

        detector.Update(Start);
        detector.Update(Start - 300);

        Assert.Equal(300, detector.DropPa);
    }

    [Fact]
    public void A_window_above_the_ring_is_the_ring()
    {
        var detector = Configured(RateOfDropDetector.WindowSamplesMax + 500);

        for (int i = 0; i < RateOfDropDetector.WindowSamplesMax; i++)
        {
            detector.Update(Start - i);
            Assert.Equal(0, detector.DropPa);
        }

        detector.Update(Start - RateOfDropDetector.WindowSamplesMax);
        Assert.Equal(RateOfDropDetector.WindowSamplesMax, detector.DropPa);
    }

    [Theory]
    [InlineData(RateOfDropDetector.WindowSamplesMax)]
    [InlineData(RateOfDropDetector.WindowSamplesMax - 1)]
    [InlineData(7)]
    public void The_ring_wraps_around_and_still_compares_w_samples_back(int windowSamples)
    {
        var detector = Configured(windowSamples, dropLimitPa: int.MaxValue);
        var random = new Random(9);
        var history = new List<int>();

        // Several laps of the ring with an irregular signal, so a wrong index gives a wrong drop.
        for (int i = 0; i < (3 * RateOfDropDetector.WindowSamplesMax) + 17; i++)
        {
            int pressurePa = random.Next(100_000, 300_000);
            history.Add(pressurePa);
            detector.Update(pressurePa);
            int expected = i >= windowSamples ? history[i - windowSamples] - pressurePa : 0;
            Assert.Equal(expected, detector.DropPa);
        }
    }
}
