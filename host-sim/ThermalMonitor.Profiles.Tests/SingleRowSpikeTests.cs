using ThermalMonitor.Sim;

namespace ThermalMonitor.Profiles.Tests;

/// <summary>
/// A slowly logged recording's single-row spike is one reading, not a two-row excursion; smooth rows
/// and confirmed changes are interpolated as before.
/// </summary>
public sealed class SingleRowSpikeTests
{
    private static readonly SensorSettings Sensors = new();

    /// <summary>Rows 2 s apart on an orbit-like swing around 250 kPa, with one row replaced.</summary>
    private static Profile Logged(Func<int, double, double> pressureKpa)
    {
        var rows = new List<ProfileRow>();
        for (int i = 0; i < 600; i++)
        {
            double timeS = 2.0 * i;
            double smooth = 250 + (20 * Math.Sin(2 * Math.PI * timeS / 600));
            rows.Add(new ProfileRow(timeS, pressureKpa(i, smooth), 13 + (2 * Math.Sin(2 * Math.PI * timeS / 600))));
        }

        return new Profile("logged", new Dictionary<string, string>(), rows);
    }

    /// <summary>Samples whose pressure pin differs from the smooth rows' interpolation (by counts).</summary>
    private static List<long> SamplesDifferingFromSmooth(Profile withSpike, Profile smooth)
    {
        var a = new ProfileReplaySource(withSpike, 100, 9, Sensors);
        var b = new ProfileReplaySource(smooth, 100, 9, Sensors);
        var burstA = new AdcBurst(Sensors.BurstLength);
        var burstB = new AdcBurst(Sensors.BurstLength);
        var differing = new List<long>();
        for (long k = 0; a.TryNext(out _, burstA) && b.TryNext(out _, burstB); k++)
        {
            if (!burstA.PressureCounts.SequenceEqual(burstB.PressureCounts))
            {
                differing.Add(k);
            }
        }

        return differing;
    }

    [Fact]
    public void A_glitch_row_reaches_the_firmware_on_its_one_sample()
    {
        Profile smooth = Logged((_, p) => p);
        Profile glitch = Logged((i, p) => i == 300 ? 120 : p);

        var source = new ProfileReplaySource(glitch, 100, 9, Sensors);
        List<long> differing = SamplesDifferingFromSmooth(glitch, smooth);

        Assert.Equal(1, source.PressureSpikes);
        Assert.Equal([6000L], differing);     // row 300 at 600 s is sample 6000, and only it
    }

    [Fact]
    public void Smooth_rows_and_small_departures_are_interpolated_as_before()
    {
        Assert.Equal(0, new ProfileReplaySource(Logged((_, p) => p), 100, 9, Sensors).PressureSpikes);

        // 4 kPa is below the 5 kPa that matters to the detector: interpolated over two rows.
        Profile small = Logged((i, p) => i == 300 ? p - 4 : p);
        Assert.Equal(0, new ProfileReplaySource(small, 100, 9, Sensors).PressureSpikes);
        Assert.Equal(39, SamplesDifferingFromSmooth(small, Logged((_, p) => p)).Count);
    }

    [Fact]
    public void A_drop_the_next_row_confirms_is_a_change_not_a_spike()
    {
        // The pressure falls to 20 kPa at row 300 and stays there: a leak, interpolated.
        Profile leak = Logged((i, p) => i >= 300 ? 20 : p);

        Assert.Equal(0, new ProfileReplaySource(leak, 100, 9, Sensors).PressureSpikes);
    }
}
