using System.Globalization;
using System.Text;
using ThermalMonitor.Core.Acquisition;
using ThermalMonitor.Core.Link;
using ThermalMonitor.Link;

namespace ThermalMonitor.Link.Tests;

/// <summary>
/// Bad input, one kind at a time (PROTOCOL.md, errors): each gets its specific ERR, and changes
/// nothing — the configuration (CFG GET), the STATUS counters other than the receive counters, the
/// alarm journal, the mode and the telemetry period are exactly as before. Also the framing rules
/// around it: lowercase checks, empty lines, CR-only and LF-only line ends, overlong lines and a
/// receive buffer overrun, after which the board goes on normally.
/// </summary>
public class ProtocolRobustnessTests
{
    private static readonly RawSample[] Healthy = SimulatedSamples.Healthy(2.0);

    private static readonly string Reads = LinkHarness.InjectBody(Healthy[0]).Split(' ')[2];

    /// <summary>Each case: the bytes sent as they are, the error expected, and whether the reply names the command ("-" for line-level errors).</summary>
    private static readonly Dictionary<string, (byte[] Bytes, string Error, bool NamesCommand)> Cases = BuildCases();

    public static TheoryData<string> CaseNames()
    {
        var names = new TheoryData<string>();
        foreach (string name in Cases.Keys)
        {
            names.Add(name);
        }

        return names;
    }

    private static Dictionary<string, (byte[], string, bool)> BuildCases()
    {
        byte[] binary = Enumerable.Range(0, 256).Where(b => b != '\r' && b != '\n' && b != '*').Select(b => (byte)b).ToArray();
        var cases = new Dictionary<string, (byte[], string, bool)>
        {
            ["garbage text"] = (Ascii("hello board\r\n"), "NO_CHECKSUM", false),
            ["binary garbage"] = ([.. binary, (byte)'\r', (byte)'\n'], "NOT_ASCII", false),
            ["a command that changes the board, without its check"] = (Ascii("1 TLM 250\r\n"), "NO_CHECKSUM", false),
            ["a wrong check"] = (Ascii("1 STATUS*0000\r\n"), "BAD_CHECKSUM", false),
            ["a check of three digits"] = (Ascii("1 STATUS*ABC\r\n"), "BAD_CHECKSUM", false),
            ["a check of five digits"] = (Ascii("1 STATUS*0ABCD\r\n"), "BAD_CHECKSUM", false),
            ["a check with a non-hex digit"] = (Ascii("1 STATUS*12G4\r\n"), "BAD_CHECKSUM", false),
            ["a check with a sign"] = (Ascii("1 STATUS*-123\r\n"), "BAD_CHECKSUM", false),
            ["only a check"] = (Ascii("*FFFF\r\n"), "BAD_SEQUENCE", false),
            ["a line of 4097 bytes"] = ([.. Framed("1 STATUS" + new string(' ', 4097 - 8 - 5)).AsSpan(0, 4097), (byte)'\r', (byte)'\n'], "OVERLONG", false),
            ["a line of 100000 bytes"] = (Ascii(new string('A', 100000) + "\r\n"), "OVERLONG", false),
            ["a byte above 0x7E with a correct check"] = (LinkHarness.FrameBody([.. Ascii("1 STATUS "), 0xC3, 0xA9]), "NOT_ASCII", false),
            ["a NUL byte with a correct check"] = (LinkHarness.FrameBody([.. Ascii("1 STA"), 0x00, .. Ascii("TUS")]), "NOT_ASCII", false),
            ["a tab with a correct check"] = (Framed("1\tSTATUS"), "NOT_ASCII", false),
            ["no sequence number"] = (Framed("STATUS"), "BAD_SEQUENCE", false),
            ["a negative sequence number"] = (Framed("-1 STATUS"), "BAD_SEQUENCE", false),
            ["a non-numeric sequence number"] = (Framed("x1 STATUS"), "BAD_SEQUENCE", false),
            ["a sequence number beyond 31 bits"] = (Framed("2147483648 STATUS"), "BAD_SEQUENCE", false),
            ["a sequence number with a plus sign"] = (Framed("+1 STATUS"), "BAD_SEQUENCE", false),
            ["a sequence number and nothing else"] = (Framed("5"), "MISSING_ARGUMENT", true),
            ["an unknown command"] = (Framed("5 REBOOT"), "UNKNOWN_COMMAND", true),
            ["a command in lower case"] = (Framed("5 status"), "UNKNOWN_COMMAND", true),
            ["ACK without an alarm"] = (Framed("5 ACK"), "MISSING_ARGUMENT", true),
            ["TLM without a period"] = (Framed("5 TLM"), "MISSING_ARGUMENT", true),
            ["MODE without a mode"] = (Framed("5 MODE"), "MISSING_ARGUMENT", true),
            ["CFG without a verb"] = (Framed("5 CFG"), "MISSING_ARGUMENT", true),
            ["CFG SET without a document"] = (Framed("5 CFG SET"), "MISSING_ARGUMENT", true),
            ["RESET without DETECTOR"] = (Framed("5 RESET"), "MISSING_ARGUMENT", true),
            ["INJ without a time"] = (Framed("5 INJ"), "MISSING_ARGUMENT", true),
            ["INJ without the pressure reads"] = (Framed("5 INJ 100"), "MISSING_ARGUMENT", true),
            ["INJ without the supply reads"] = (Framed($"5 INJ 100 {Reads} {Reads}"), "MISSING_ARGUMENT", true),
            ["STATUS with an argument"] = (Framed("5 STATUS x"), "TOO_MANY_ARGUMENTS", true),
            ["HELLO with an argument"] = (Framed("5 HELLO 1"), "TOO_MANY_ARGUMENTS", true),
            ["ALARMS with an argument"] = (Framed("5 ALARMS ALL"), "TOO_MANY_ARGUMENTS", true),
            ["ACK ALL with an argument"] = (Framed("5 ACK ALL 1"), "TOO_MANY_ARGUMENTS", true),
            ["ACK with two alarms"] = (Framed("5 ACK 1 2"), "TOO_MANY_ARGUMENTS", true),
            ["TLM with two periods"] = (Framed("5 TLM 100 100"), "TOO_MANY_ARGUMENTS", true),
            ["MODE with an argument"] = (Framed("5 MODE REPLAY now"), "TOO_MANY_ARGUMENTS", true),
            ["RESET DETECTOR with an argument"] = (Framed("5 RESET DETECTOR now"), "TOO_MANY_ARGUMENTS", true),
            ["CFG GET with an argument"] = (Framed("5 CFG GET all"), "TOO_MANY_ARGUMENTS", true),
            ["CFG DEFAULTS with an argument"] = (Framed("5 CFG DEFAULTS now"), "TOO_MANY_ARGUMENTS", true),
            ["INJ with a fourth channel"] = (Framed($"5 INJ 99999 {Reads} {Reads} {Reads} {Reads}"), "TOO_MANY_ARGUMENTS", true),
            ["ACK of a word"] = (Framed("5 ACK first"), "BAD_ARGUMENT", true),
            ["ACK 0"] = (Framed("5 ACK 0"), "BAD_ARGUMENT", true),
            ["ACK of a negative number"] = (Framed("5 ACK -3"), "BAD_ARGUMENT", true),
            ["TLM of a word"] = (Framed("5 TLM fast"), "BAD_ARGUMENT", true),
            ["TLM of a fraction"] = (Framed("5 TLM 1.5"), "BAD_ARGUMENT", true),
            ["MODE of an unknown mode"] = (Framed("5 MODE SLEEP"), "BAD_ARGUMENT", true),
            ["MODE in lower case"] = (Framed("5 MODE replay"), "BAD_ARGUMENT", true),
            ["RESET of something else"] = (Framed("5 RESET BOARD"), "BAD_ARGUMENT", true),
            ["CFG of an unknown verb"] = (Framed("5 CFG LOAD"), "BAD_ARGUMENT", true),
            ["INJ at a time that is not a number"] = (Framed($"5 INJ soon {Reads} {Reads} {Reads}"), "BAD_ARGUMENT", true),
            ["INJ at a negative time"] = (Framed($"5 INJ -100 {Reads} {Reads} {Reads}"), "BAD_ARGUMENT", true),
            ["INJ at a time beyond 2^62"] = (Framed($"5 INJ 4611686018427387904 {Reads} {Reads} {Reads}"), "BAD_ARGUMENT", true),
            ["INJ with a read that is not hex"] = (Framed($"5 INJ 99999 {Reads[..^1]}G {Reads} {Reads}"), "BAD_ARGUMENT", true),
            ["INJ with a partial read"] = (Framed($"5 INJ 99999 {Reads}A {Reads} {Reads}"), "BAD_ARGUMENT", true),
            ["INJ with read status !0"] = (Framed($"5 INJ 99999 !0 {Reads} {Reads}"), "BAD_ARGUMENT", true),
            ["INJ with read status !4"] = (Framed($"5 INJ 99999 {Reads} !4 {Reads}"), "BAD_ARGUMENT", true),
            ["INJ with read status !x"] = (Framed($"5 INJ 99999 {Reads} {Reads} !x"), "BAD_ARGUMENT", true),
            ["INJ with 31 reads"] = (Framed($"5 INJ 99999 {Reads[3..]} {Reads} {Reads}"), "OUT_OF_RANGE", true),
            ["INJ with 100 reads"] = (Framed($"5 INJ 99999 {Reads}{Reads}{Reads}{Reads[..12]} {Reads} {Reads}"), "OUT_OF_RANGE", true),
            ["TLM below 0"] = (Framed("5 TLM -1"), "OUT_OF_RANGE", true),
            ["TLM beyond an hour"] = (Framed("5 TLM 3600001"), "OUT_OF_RANGE", true),
            ["ACK of an alarm never raised"] = (Framed("5 ACK 99"), "NOT_FOUND", true),
        };
        return cases;
    }

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    private static byte[] Framed(string body) => LinkHarness.FrameBody(Ascii(body));

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Each_bad_line_gets_its_specific_error_and_changes_nothing(string name)
    {
        (byte[] bytes, string error, bool namesCommand) = Cases[name];
        LinkHarness board = LinkHarness.WithOneUnacknowledgedAlarm(Healthy);
        string before = board.Snapshot();
        int received = board.Link.LinesReceived;
        int rejected = board.Link.LinesRejected;

        List<BoardLine> lines = board.SendBytes(bytes);

        BoardLine reply = Assert.Single(lines);
        Assert.True(reply.IsError, reply.Text);
        Assert.Equal(error, reply.ErrorCode);
        Assert.Equal(namesCommand ? 5 : null, reply.Reference);
        Assert.Equal(error, LinkDictionary.ErrorName(board.Link.LastError));
        if (error == "BAD_CHECKSUM")
        {
            int star = Array.LastIndexOf(bytes, (byte)'*');
            Assert.Equal(LineCrc.Compute(bytes, 0, star).ToString("X4", CultureInfo.InvariantCulture), reply.Field("expected"));
        }

        Assert.Equal(received + 1, board.Link.LinesReceived);
        Assert.Equal(rejected + 1, board.Link.LinesRejected);
        Assert.Equal(before, board.Snapshot());
    }

    [Fact]
    public void Every_error_code_is_exercised()
    {
        var codes = Cases.Values.Select(c => c.Error).ToHashSet();
        codes.UnionWith(["BAD_JSON", "CONFIG_INVALID", "WRONG_MODE", "RX_OVERFLOW", "STORAGE_FAILED"]); // tested on their own below, in ConfigDocumentTests and SettingsPersistenceTests
        for (int i = 1; i < LinkDictionary.ErrorCount; i++)
        {
            Assert.Contains(LinkDictionary.ErrorName((LinkError)i), codes);
        }
    }

    [Fact]
    public void A_bad_check_is_answered_with_the_expected_check_so_the_line_can_be_retyped()
    {
        var board = new LinkHarness();
        BoardLine reply = Assert.Single(board.SendText("1 TLM 250*\r\n"));
        Assert.Equal("BAD_CHECKSUM", reply.ErrorCode);
        byte[] content = Ascii("1 TLM 250");
        Assert.Equal(LineCrc.Compute(content, 0, content.Length).ToString("X4", CultureInfo.InvariantCulture), reply.Field("expected"));

        BoardLine retyped = Assert.Single(board.SendText($"1 TLM 250*{reply.Field("expected")}\r\n"));
        Assert.Equal(LinkDictionary.Ok, retyped.Type);
        Assert.Equal(250, board.Link.TelemetryPeriodMs);
    }

    [Fact]
    public void A_check_in_lower_case_hex_is_accepted()
    {
        var board = new LinkHarness();
        string framed = CommandFrame.Frame(3, "TLM 750");
        string lower = framed[..framed.LastIndexOf('*')] + framed[framed.LastIndexOf('*')..].ToLowerInvariant();
        Assert.NotEqual(framed, lower); // the check has a letter in it
        BoardLine reply = Assert.Single(board.SendText(lower));
        Assert.Equal(LinkDictionary.Ok, reply.Type);
        Assert.Equal(3, reply.Reference);
        Assert.Equal(750, board.Link.TelemetryPeriodMs);
    }

    [Fact]
    public void An_overlong_line_is_refused_whole_and_the_next_line_is_processed_normally()
    {
        var board = new LinkHarness();
        string exactly = Encoding.ASCII.GetString(Framed("1 TLM 400" + new string(' ', LineTransport.LineBytesMax - 9 - 5)));
        Assert.Equal(LineTransport.LineBytesMax + 2, exactly.Length); // 1024 bytes before CR LF: the longest line
        Assert.Equal(LinkDictionary.Ok, Assert.Single(board.SendText(exactly)).Type);
        Assert.Equal(400, board.Link.TelemetryPeriodMs);

        string tooLong = Encoding.ASCII.GetString(Framed("2 TLM 500" + new string(' ', LineTransport.LineBytesMax - 9 - 4)));
        BoardLine refused = Assert.Single(board.SendText(tooLong));
        Assert.Equal("OVERLONG", refused.ErrorCode);
        Assert.Equal(LineTransport.LineBytesMax, refused.IntField("max"));
        Assert.Null(refused.Reference);
        Assert.Equal(400, board.Link.TelemetryPeriodMs);

        Assert.Equal(LinkDictionary.Ok, board.Command("TLM 600").Type);
        Assert.Equal(600, board.Link.TelemetryPeriodMs);
    }

    [Fact]
    public void A_non_ASCII_byte_is_located()
    {
        var board = new LinkHarness();
        BoardLine reply = Assert.Single(board.SendBytes(LinkHarness.FrameBody([.. Ascii("7 TLM 5"), 0xB0])));
        Assert.Equal("NOT_ASCII", reply.ErrorCode);
        Assert.Equal(7, reply.IntField("at"));
    }

    [Fact]
    public void INJ_in_live_mode_is_the_wrong_mode()
    {
        var board = new LinkHarness(LinkMode.Live);
        string before = board.Snapshot();
        BoardLine reply = board.Inject(Healthy[0]);
        Assert.Equal("WRONG_MODE", reply.ErrorCode);
        Assert.Equal("REPLAY", reply.Field("need"));
        Assert.Equal(before, board.Snapshot());
        Assert.Equal(0, board.Monitor.Telemetry.SampleCount);
    }

    [Fact]
    public void INJ_at_a_time_that_does_not_increase_is_accepted_by_the_link_and_discarded_by_the_monitor()
    {
        var board = new LinkHarness();
        Assert.Equal(LinkDictionary.Ok, board.Inject(Healthy[1]).Type);
        BoardLine status = board.Command("STATUS");
        Assert.Equal(1, status.IntField("samples"));
        Assert.Equal(0, status.IntField("discarded"));

        BoardLine reply = board.Inject(Healthy[0], out List<BoardLine> lines);
        Assert.Equal(LinkDictionary.Ok, reply.Type);
        BoardLine warning = Assert.Single(lines, l => l.Type == LinkDictionary.Event);
        Assert.Equal("TIME_NOT_INCREASING", warning.Field("id"));
        Assert.Equal(Healthy[0].TimestampMs - Healthy[1].TimestampMs, warning.LongField("value"));

        status = board.Command("STATUS");
        Assert.Equal(1, status.IntField("samples"));
        Assert.Equal(2, status.IntField("injected"));
        Assert.Equal(1, status.IntField("discarded"));
    }

    [Fact]
    public void Empty_lines_are_ignored_silently()
    {
        var board = new LinkHarness();
        Assert.Empty(board.SendText("\r\n\n\r\r\r\n\n"));
        Assert.Equal(0, board.Link.LinesReceived);
        Assert.Equal(0, board.Link.LinesRejected);
    }

    [Fact]
    public void CR_only_and_LF_only_line_ends_are_accepted()
    {
        var board = new LinkHarness();
        string first = CommandFrame.Frame(1, "TLM 300").TrimEnd('\n');
        string second = CommandFrame.Frame(2, "HELLO").TrimEnd('\r', '\n') + "\n";
        string third = CommandFrame.Frame(3, "TLM 700").TrimEnd('\r', '\n') + "\r";
        List<BoardLine> replies = board.SendText(first + second + third).Where(l => l.IsReply).ToList();
        Assert.Equal([1, 2, 3], replies.Select(r => r.Reference!.Value));
        Assert.All(replies, r => Assert.False(r.IsError, r.Text));
        Assert.Equal(700, board.Link.TelemetryPeriodMs);
    }

    [Fact]
    public void At_most_16_lines_are_executed_per_service_call()
    {
        var board = new LinkHarness();
        byte[] lines = Ascii(string.Concat(Enumerable.Range(1, 40).Select(i => CommandFrame.Frame(i, "TLM " + (1000 + i).ToString(CultureInfo.InvariantCulture)))));
        Assert.Equal(lines.Length, board.Port.Deliver(lines, 0, lines.Length));
        board.Link.Service(0);
        Assert.Equal(BoardLink.LinesPerServiceMax, board.Link.LinesReceived);
        Assert.Equal(1016, board.Link.TelemetryPeriodMs);
        Assert.True(board.Port.ReceivePendingBytes > 0);
        board.Link.Service(0);
        board.Link.Service(0);
        Assert.Equal(40, board.Link.LinesReceived);
        Assert.Equal(1040, board.Link.TelemetryPeriodMs);
    }

    [Fact]
    public void Receive_overrun_refuses_the_damaged_line_and_later_lines_are_fine()
    {
        var board = new LinkHarness();
        var stream = new List<byte>(Ascii("\n\n\n\n\n")); // empty lines first: they move the overrun off a line end
        var ends = new List<int>();
        for (int i = 1; stream.Count <= LinkHarness.RxBufferBytes + 2000; i++)
        {
            stream.AddRange(Ascii(CommandFrame.Frame(i, "TLM " + (10000 + i).ToString(CultureInfo.InvariantCulture))));
            ends.Add(stream.Count);
        }

        int complete = ends.Count(end => end <= LinkHarness.RxBufferBytes);
        Assert.DoesNotContain(LinkHarness.RxBufferBytes, ends); // the overrun falls inside line complete + 1
        Assert.DoesNotContain(LinkHarness.RxBufferBytes + 1, ends); // ... and not between its CR and LF
        byte[] bytes = [.. stream];

        int accepted = board.Port.Deliver(bytes, 0, bytes.Length); // faster than the loop services it
        Assert.Equal(LinkHarness.RxBufferBytes, accepted);
        List<BoardLine> replies = board.Service(0).Where(l => l.IsReply).ToList();
        Assert.Equal(Enumerable.Range(1, complete), replies.Select(r => r.Reference!.Value));
        Assert.Equal(10000 + complete, board.Link.TelemetryPeriodMs);

        // The damaged line ends at the next line end: the board cannot know where the lost bytes
        // ended, so a host that overran the buffer sends an empty line to close it.
        BoardLine overflow = Assert.Single(board.SendText("\r\n"));
        Assert.Equal("RX_OVERFLOW", overflow.ErrorCode);
        Assert.Null(overflow.Reference);
        Assert.Equal(bytes.Length - accepted, overflow.IntField("lost_bytes"));
        Assert.Equal(bytes.Length - accepted, board.Link.RxOverflowBytes);
        Assert.Equal(10000 + complete, board.Link.TelemetryPeriodMs);

        Assert.Equal(LinkDictionary.Ok, board.Command("TLM 555").Type);
        Assert.Equal(555, board.Link.TelemetryPeriodMs);
        Assert.Equal(bytes.Length - accepted, board.Command("STATUS").IntField("rx_overflow_bytes"));
    }

    /// <summary>
    /// PRODUCTION BUG (reported): BoardLink.Service marks the line being assembled as damaged when
    /// it consumes the LAST byte that was accepted before the overrun (rxConsumedTotal &gt;= rxGapAt
    /// right after the increment) instead of the first byte after the gap. When the buffer filled
    /// exactly at a line end, the complete line before the gap is refused with RX_OVERFLOW and
    /// not executed, although none of its bytes were lost (with CRLF ends: when the gap falls
    /// between the CR and the LF).
    /// </summary>
    [Fact]
    public void A_line_complete_before_the_overrun_is_executed()
    {
        var board = new LinkHarness();
        var stream = new List<byte>();
        for (int i = 1; stream.Count < LinkHarness.RxBufferBytes - 40; i++)
        {
            stream.AddRange(Ascii(CommandFrame.Frame(i, "TLM 1000").TrimEnd('\r', '\n') + "\n"));
        }

        string last = CommandFrame.Frame(900, "TLM 500").TrimEnd('\r', '\n');
        int pad = LinkHarness.RxBufferBytes - stream.Count - 1 - Ascii(last).Length;
        stream.AddRange(Ascii(CommandFrame.Frame(900, "TLM 500" + new string(' ', pad)).TrimEnd('\r', '\n') + "\n"));
        Assert.Equal(LinkHarness.RxBufferBytes, stream.Count); // the buffer fills exactly at a line end
        stream.AddRange(Ascii(CommandFrame.Frame(901, "TLM 600").TrimEnd('\r', '\n') + "\n")); // lost

        byte[] bytes = [.. stream];
        Assert.Equal(LinkHarness.RxBufferBytes, board.Port.Deliver(bytes, 0, bytes.Length));
        List<BoardLine> lines = board.Service(0);
        lines.AddRange(board.SendText("\r\n"));

        Assert.Contains(lines, l => l.Reference == 900 && l.Type == LinkDictionary.Ok);
        Assert.Equal(500, board.Link.TelemetryPeriodMs);
    }

    [Fact]
    public void When_the_host_stops_reading_lines_are_dropped_whole_and_counted()
    {
        var board = new LinkHarness(txBufferBytes: 16384);
        byte[] status = Ascii(CommandFrame.Frame(1, "STATUS"));
        int sent = 0;
        while (board.Link.TxDroppedLines == 0)
        {
            board.Port.Deliver(status, 0, status.Length);
            board.Link.Service(0); // nobody takes the output
            sent++;
            Assert.True(sent < 1000);
        }

        Assert.True(board.Port.TransmitPendingBytes <= 16384);
        int dropped = board.Link.TxDroppedLines;
        List<BoardLine> lines = board.Service(0); // every line taken now is whole and checks
        Assert.Equal(sent - dropped, lines.Count(l => l.Type == LinkDictionary.Status));
        Assert.Equal(dropped, board.Command("STATUS").IntField("tx_dropped_lines"));
    }
}
