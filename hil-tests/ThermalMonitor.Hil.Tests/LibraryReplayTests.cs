using ThermalMonitor.Link;
using ThermalMonitor.Profiles;
using ThermalMonitor.Targets;

namespace ThermalMonitor.Hil.Tests;

/// <summary>
/// Every library profile replayed over the wire protocol on each target: the profile's ground-truth
/// expectations hold, and the alarms are exactly those of the core stepped directly in this process,
/// without the link — same sequence numbers, types, severities, channels, causes, raise and clear
/// times. Since every target is held to the same reference, sil and virtual (and a real board)
/// agree with each other. Each profile goes over the wire both ways: as raw bursts (INJ), which
/// exercise the board's own burst reduction, and as bursts reduced on the host (INJR, what a replay
/// sends by default), which must give the board exactly the same result.
/// </summary>
public sealed class LibraryReplayTests(ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(Cases))]
    public void Profile_meets_its_expectations_and_matches_the_direct_core_run(string target, string profile, InjectForm form)
    {
        LibraryEntry entry = LibraryProfiles.Entry(profile);
        Profile loaded = ProfileCsv.Read(entry.ProfilePath);
        Expectation expectation = ExpectationFile.Read(entry.ExpectPath);

        using var connection = TargetConnection.Open(target);
        ReplayOutcome outcome = connection.Replay(loaded, new ReplayOptions { Inject = form });
        ReplayResult wire = outcome.Result;
        output.WriteLine($"{profile} on {target} as {form}: {wire.Samples:N0} samples in {outcome.WallSeconds:0.0} s, {wire.Alarms.Count} alarms; unanswered INJ {connection.Client.InjectsUnanswered}");

        Assert.Equal(TargetSpec.Parse(target).ToString(), wire.Target);
        Assert.Empty(ExpectationChecker.Check(expectation, wire));
        ReplayResult reference = LibraryProfiles.DirectCore(profile);
        Assert.Equal(reference.Samples, wire.Samples);
        Assert.Equal(Describe(reference.Alarms), Describe(wire.Alarms));
        Assert.Equal(0, connection.Client.InjectsUnanswered);
        Assert.Equal(0, connection.Client.LinesCorrupted);
        Assert.Equal(0, connection.Client.LinesMissing);
    }

    public static TheoryData<string, string, InjectForm> Cases()
    {
        var data = new TheoryData<string, string, InjectForm>();
        foreach (InjectForm form in Enum.GetValues<InjectForm>())
        {
            foreach (object[] row in LibraryProfiles.ForEveryTarget())
            {
                data.Add((string)row[0], (string)row[1], form);
            }
        }

        return data;
    }

    private static IReadOnlyList<string> Describe(IReadOnlyList<ResultAlarm> alarms) =>
        [.. alarms.OrderBy(a => a.Seq).Select(a => $"#{a.Seq} {a.Type}/{a.Severity}/{a.Channel} {a.Cause} raised {a.TimeS:0.000} cleared {a.ClearedTimeS?.ToString("0.000") ?? "-"}")];
}
