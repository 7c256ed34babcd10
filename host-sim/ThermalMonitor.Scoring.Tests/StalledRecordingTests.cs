using ThermalMonitor.Profiles;
using ThermalMonitor.Targets;

namespace ThermalMonitor.Scoring.Tests;

/// <summary>
/// Issue 12 items 3 and 5 through the firmware core: a recording that stops for a year is replayed
/// with one time jump, which the firmware notices as a real board notices a stall (a SAMPLE_GAP
/// event), and a library profile streamed from its file replays exactly as when held in memory.
/// </summary>
public sealed class StalledRecordingTests
{
    private const double OneYearS = 365 * 86400.0;

    [Fact]
    public void The_firmware_sees_a_year_long_stall_as_one_sample_gap()
    {
        IEnumerable<ProfileRow> rows = Enumerable.Range(0, 3000).Select(i => new ProfileRow(i / 10.0, 250, 15))
            .Concat(Enumerable.Range(0, 3000).Select(i => new ProfileRow(OneYearS + (i / 10.0), 250, 15)));
        var profile = new Profile("stall", new Dictionary<string, string>(), rows);

        ReplayOutcome outcome = CoreReplayer.Run(profile, new ReplayOptions { CollectTrace = false });

        Assert.Equal(6000, outcome.Result.Samples);
        Assert.Equal(1, outcome.Result.SampleGaps);
        Assert.Single(outcome.Gaps);
        Assert.Equal(1, outcome.FirmwareSampleGapEvents);
    }

    [Fact]
    public void A_library_profile_streamed_from_its_file_replays_exactly_as_held_in_memory()
    {
        string path = Path.Combine(ProfileLibrary.FindDefaultDirectory(), "progress-ms21.csv.gz");
        var options = new ReplayOptions { CollectTrace = true };

        ReplayOutcome held = CoreReplayer.Run(ProfileCsv.Read(path), options);
        ReplayOutcome streamed = CoreReplayer.Run(ProfileCsv.Open(path), options);

        Assert.NotEmpty(held.Result.Alarms);
        Assert.Equal(held.Result, streamed.Result);
        Assert.Equal(held.Trace!.TimeS, streamed.Trace!.TimeS);
        Assert.Equal(held.Trace.StatisticPercent, streamed.Trace.StatisticPercent);
        Assert.Equal(held.PressurePa, streamed.PressurePa);
    }
}
