using System.Text.Json;
using ThermalMonitor.Profiles;
using ThermalMonitor.Targets;

namespace ThermalMonitor.Scoring.Tests;

/// <summary>
/// The named configuration v1 is the detector before issue 9: replayed through today's code with
/// v1's parameters, every library profile raises exactly the alarms that detector raised (captured
/// from it in firmware/test-vectors/legacy-detector/library-alarms.json before the detector changed).
/// This is what lets a campaign put the old and the new detector side by side in one run.
/// </summary>
public class LegacyConfigurationTests
{
    private static readonly string LibraryDirectory = ProfileLibrary.FindDefaultDirectory();

    private static readonly JsonElement Captured = JsonDocument.Parse(File.ReadAllText(Path.Combine(
        LibraryDirectory, "..", "..", "firmware", "test-vectors", "legacy-detector", "library-alarms.json"))).RootElement;

    public static TheoryData<string> Profiles => new(Captured.EnumerateObject().Select(p => p.Name));

    [Theory]
    [MemberData(nameof(Profiles))]
    public void V1_raises_exactly_what_the_detector_before_issue_9_raised(string profileName)
    {
        JsonElement expected = Captured.GetProperty(profileName);
        Profile profile = ProfileCsv.Read(Path.Combine(LibraryDirectory, $"{profileName}.csv.gz"));
        var options = new ReplayOptions { Config = DetectorConfigurations.Create(DetectorConfigurations.V1), CollectTrace = false };

        ReplayOutcome outcome = CoreReplayer.Run(profile, options);

        Assert.Equal(expected.GetProperty("samples").GetInt64(), outcome.Result.Samples);
        string[] want = [.. expected.GetProperty("alarms").EnumerateArray().Select(Describe)];
        string[] got = [.. outcome.Result.Alarms.Select(a => $"#{a.Seq} {a.Type} {a.Severity} {a.Channel} {a.Cause} raised {a.TimeS:R} cleared {(a.ClearedTimeS is { } c ? c.ToString("R") : "-")}")];
        Assert.Equal(want, got);
    }

    private static string Describe(JsonElement alarm)
    {
        JsonElement cleared = alarm.GetProperty("cleared_time_s");
        string clearedText = cleared.ValueKind == JsonValueKind.Null ? "-" : cleared.GetDouble().ToString("R");
        return $"#{alarm.GetProperty("seq").GetInt32()} {alarm.GetProperty("type").GetString()} {alarm.GetProperty("severity").GetString()} "
            + $"{alarm.GetProperty("channel").GetString()} {alarm.GetProperty("cause").GetString()} raised {alarm.GetProperty("time_s").GetDouble():R} cleared {clearedText}";
    }
}
