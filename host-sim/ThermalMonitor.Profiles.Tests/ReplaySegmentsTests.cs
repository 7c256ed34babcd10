using System.Globalization;
using ThermalMonitor.Sim;

namespace ThermalMonitor.Profiles.Tests;

/// <summary>
/// Issue 12 item 5: a one-year gap between two rows was interpolated over and expanded into ~315 M
/// samples. A gap longer than the sample gap is now one time jump; a profile written with sparse rows
/// is still a grid the replay interpolates.
/// </summary>
public sealed class ReplaySegmentsTests
{
    private const double OneYearS = 365 * 86400.0;
    private static readonly SensorSettings Sensors = new();

    [Fact]
    public void A_year_long_stall_in_a_10_Hz_recording_is_one_time_jump_not_315_million_samples()
    {
        Profile profile = Build(TenHertz(0, 500).Concat(TenHertz(OneYearS, 50)));

        var source = new ProfileReplaySource(profile, 100, 1, Sensors);
        List<double> times = Times(source);

        Assert.Equal(550, source.SampleCount);
        Assert.Equal(550, times.Count);
        ReplayGap gap = Assert.Single(source.Gaps);
        Assert.Equal(49.9, gap.FromS, 9);
        Assert.Equal(OneYearS, gap.ToS, 9);
        Assert.Equal(501, gap.DataRow);
        // The jump is in the sample times: the last sample before it on the last row before it, the
        // first after it on the first row after it, none inside.
        int after = times.FindIndex(t => t > 100);
        Assert.Equal(500, after);
        Assert.Equal(49.9, times[after - 1], 9);
        Assert.Equal(OneYearS, times[after], 6);
    }

    [Fact]
    public void Without_a_gap_every_grid_sample_is_produced_as_before()
    {
        Profile profile = Build(TenHertz(0, 500));

        var source = new ProfileReplaySource(profile, 100, 1, Sensors);

        Assert.Empty(source.Gaps);
        Assert.Equal(500, source.SampleCount);
    }

    [Theory]
    [InlineData(0.1, 60.0)]       // 10 Hz: the floor of a minute
    [InlineData(1.0, 100.0)]      // 1 Hz: 100 row intervals
    [InlineData(1200.0, 120_000.0)] // a row every 20 minutes, written by hand: interpolated
    public void The_default_sample_gap_is_100_median_row_intervals_and_at_least_a_minute(double intervalS, double expectedS)
    {
        // One odd interval does not move the median.
        IEnumerable<ProfileRow> rows = Enumerable.Range(0, 41).Select(i => Row(i * intervalS)).Append(Row((40 * intervalS) + (1000 * intervalS)));

        Assert.Equal(expectedS, ReplaySegments.DefaultMaxGapS(Build(rows)), 6);
    }

    [Fact]
    public void A_hand_written_profile_with_rows_20_minutes_apart_is_interpolated_not_cut()
    {
        Profile profile = Build([Row(0), Row(1200), Row(2400)]);

        var source = new ProfileReplaySource(profile, 100, 1, Sensors);

        Assert.Empty(source.Gaps);
        Assert.Equal(24_001, source.SampleCount);
    }

    [Fact]
    public void An_explicit_sample_gap_splits_where_the_default_would_not()
    {
        Profile profile = Build([Row(0), Row(1200), Row(2400)]);

        var source = new ProfileReplaySource(profile, 100, 1, Sensors, maxGapS: 600);

        Assert.Equal(2, source.Gaps.Count);
        // One sample on each row: the rows are the segments.
        Assert.Equal(3, source.SampleCount);
    }

    [Fact]
    public void A_sample_gap_the_firmware_could_not_notice_is_a_programmer_error()
    {
        Profile profile = Build(TenHertz(0, 50));

        Assert.Throws<ArgumentOutOfRangeException>(() => new ProfileReplaySource(profile, 1000, 1, Sensors, maxGapS: 2.9));
    }

    [Fact]
    public void A_streamed_profile_gives_the_same_samples_as_the_same_profile_held_in_memory()
    {
        using var directory = new TempDirectory();
        byte[] csv = ProfileCsv.Serialize(Fixtures.Rich());
        string path = Path.Combine(directory.Path, "rich.csv");
        File.WriteAllBytes(path, csv);
        string gzipPath = Path.Combine(directory.Path, "rich.csv.gz");
        File.WriteAllBytes(gzipPath, DeterministicGzip.Compress(csv));

        foreach (string file in new[] { path, gzipPath })
        {
            Profile held = ProfileCsv.Read(file);
            Profile streamed = ProfileCsv.Open(file);

            Assert.True(streamed.IsStreamed);
            Assert.Equal(held.RowCount, streamed.RowCount);
            Assert.Equal(held.Rows, streamed.ReadRows());
            Assert.Equal(held.Metadata, streamed.Metadata);
            Assert.Equal(Bursts(held), Bursts(streamed));
        }
    }

    [Fact]
    public void A_streamed_profile_refuses_the_rows_list_it_does_not_hold()
    {
        using var directory = new TempDirectory();
        string path = Path.Combine(directory.Path, "rich.csv");
        File.WriteAllBytes(path, ProfileCsv.Serialize(Fixtures.Rich()));

        Profile streamed = ProfileCsv.Open(path);

        Assert.Throws<InvalidOperationException>(() => streamed.Rows);
    }

    private static IEnumerable<ProfileRow> TenHertz(double startS, int count) =>
        Enumerable.Range(0, count).Select(i => Row(startS + (i / 10.0)));

    private static ProfileRow Row(double timeS) =>
        new(double.Parse(timeS.ToString("R", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture), 250, 15);

    private static Profile Build(IEnumerable<ProfileRow> rows) => new("test", new Dictionary<string, string>(), rows);

    private static List<double> Times(ProfileReplaySource source)
    {
        var burst = new AdcBurst(source.BurstLength);
        var times = new List<double>();
        while (source.TryNext(out double timeS, burst))
        {
            times.Add(timeS);
        }

        return times;
    }

    private static List<string> Bursts(Profile profile)
    {
        var source = new ProfileReplaySource(profile, 100, 5, Sensors);
        var burst = new AdcBurst(source.BurstLength);
        var samples = new List<string>();
        while (source.TryNext(out double timeS, burst))
        {
            samples.Add(string.Create(CultureInfo.InvariantCulture,
                $"{timeS:R} {string.Join(',', burst.PressureCounts)} {string.Join(',', burst.TempCounts)} {string.Join(',', burst.SupplyCounts)}"));
        }

        return samples;
    }
}
