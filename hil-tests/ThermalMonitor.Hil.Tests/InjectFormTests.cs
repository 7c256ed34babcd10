using ThermalMonitor.Core.Config;
using ThermalMonitor.Core.Link;
using ThermalMonitor.Link;
using ThermalMonitor.Profiles;
using ThermalMonitor.Scoring;
using ThermalMonitor.Targets;

namespace ThermalMonitor.Hil.Tests;

/// <summary>
/// The two forms a replay can send its samples in (INJR reduced on the host, INJ raw bursts) give a
/// board the same replay, also under a configuration whose burst length, trim and outlier band are
/// not the defaults (the host reduces with the settings it gave the board); the host picks the form
/// from the board's protocol version.
/// </summary>
public sealed class InjectFormTests
{
    // A short burst, a wide trim and a narrow band: reduced with the default settings the values would differ.
    private const string BurstSettings = """{"burstLength":12,"burstTrimEachSide":3,"burstOutlierBandCounts":3}""";

    public static TheoryData<string> Targets() => HilTargets.All();

    [Theory]
    [MemberData(nameof(Targets))]
    public void Reduced_and_burst_injection_give_the_same_replay_under_non_default_burst_settings(string target)
    {
        LibraryEntry entry = LibraryProfiles.Entry("fault-pressure-noise");
        Profile window = ProfileWindow.Cut(ProfileCsv.Read(entry.ProfilePath), 5900, 6900);
        MonitorConfig config = ConfigJson.Read(BurstSettings);

        using var connection = TargetConnection.Open(target);
        ReplayResult bursts = connection.Replay(window, new ReplayOptions { Config = config, Inject = InjectForm.Bursts }).Result;
        ReplayResult reduced = connection.Replay(window, new ReplayOptions { Config = config, Inject = InjectForm.Reduced }).Result;
        ReplayResult direct = CoreReplayer.Run(window, new ReplayOptions { Config = config, CollectTrace = false }).Result;

        Assert.Contains("\"burstLength\":12,", reduced.Config, StringComparison.Ordinal);
        Assert.NotEmpty(direct.Alarms);
        Assert.Equal(direct.Samples, bursts.Samples);
        Assert.Equal(direct.Samples, reduced.Samples);
        Assert.Equal(Describe(direct.Alarms), Describe(bursts.Alarms));
        Assert.Equal(Describe(direct.Alarms), Describe(reduced.Alarms));
        Assert.Equal(0, connection.Client.InjectErrors);
    }

    [Theory]
    [InlineData(2, InjectForm.Reduced, InjectForm.Reduced)]
    [InlineData(2, InjectForm.Bursts, InjectForm.Bursts)]
    [InlineData(1, InjectForm.Reduced, InjectForm.Bursts)] // a version 1 board has no INJR
    [InlineData(1, InjectForm.Bursts, InjectForm.Bursts)]
    public void The_form_follows_the_board_s_protocol_version(int protocol, InjectForm requested, InjectForm expected)
    {
        Assert.Equal(expected, WireReplayer.FormFor(requested, Hello($"proto={protocol} fw=0.4.0 board=esp32")));
    }

    [Theory]
    [InlineData("proto=3 fw=9.0.0 board=esp32", "protocol 3")]
    [InlineData("fw=0.1.0 board=esp32", "no protocol version")]
    [InlineData("proto=x fw=0.4.0 board=esp32", "no protocol version")]
    public void A_board_of_an_unknown_protocol_is_refused_before_anything_is_sent(string fields, string message)
    {
        var error = Assert.Throws<BoardProtocolException>(() => WireReplayer.FormFor(InjectForm.Reduced, Hello(fields)));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void This_host_s_own_boards_speak_protocol_2()
    {
        using var connection = TargetConnection.Open("sil");
        Assert.Equal(2, connection.Client.Hello!.IntField(WireField.Protocol));
        Assert.Equal(InjectForm.Reduced, WireReplayer.FormFor(InjectForm.Reduced, connection.Client.Hello!));
    }

    private static BoardLine Hello(string fields)
    {
        string content = "1 HELLO 1 " + fields;
        byte[] bytes = System.Text.Encoding.ASCII.GetBytes(content);
        string text = content + "*" + LineCrc.Compute(bytes, 0, bytes.Length).ToString("X4", System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(BoardLine.TryParse(text, out BoardLine? line, out string error), error);
        return line!;
    }

    private static IReadOnlyList<string> Describe(IReadOnlyList<ResultAlarm> alarms) =>
        [.. alarms.OrderBy(a => a.Seq).Select(a => $"#{a.Seq} {a.Type}/{a.Severity}/{a.Channel} {a.Cause} raised {a.TimeS:0.000} cleared {a.ClearedTimeS?.ToString("0.000") ?? "-"}")];
}
