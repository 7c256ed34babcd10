using System.Globalization;
using System.Text;
using ThermalMonitor.Core.Acquisition;
using ThermalMonitor.Core.Board;
using ThermalMonitor.Core.Dictionary;
using ThermalMonitor.Core.Link;
using ThermalMonitor.Core.Monitoring;
using ThermalMonitor.Link;

namespace ThermalMonitor.Link.Tests;

/// <summary>
/// Lines typed by a person in any serial monitor, without the "*XXXX" check (PROTOCOL.md §12): the
/// read-only commands (HELLO, STATUS, ALARMS, CFG GET) are answered, with or without a sequence
/// number; everything that changes the board is refused as NO_CHECKSUM, changes nothing, and the
/// refusal gives the exact line to send to carry it out.
/// </summary>
public class UncheckedLineTests
{
    private static readonly RawSample[] Healthy = SimulatedSamples.Healthy(2.0);

    /// <summary>One complete command for every form of PROTOCOL.md §6, and the form's name as the dictionary would give it.</summary>
    private static readonly (string Form, string Line)[] EveryForm =
    [
        ("HELLO", "HELLO"),
        ("STATUS", "STATUS"),
        ("ALARMS", "ALARMS"),
        ("CFG GET", "CFG GET"),
        ("CFG SET", "CFG SET {\"limitPersistMs\":2000}"),
        ("CFG DEFAULTS", "CFG DEFAULTS"),
        ("CFG STAGE", "CFG STAGE {\"limitPersistMs\":2000}"),
        ("CFG COMMIT", "CFG COMMIT"),
        ("CFG SAVE", "CFG SAVE"),
        ("ACK", "ACK 1"),
        ("ACK ALL", "ACK ALL"),
        ("TLM", "TLM 250"),
        ("MODE LIVE", "MODE LIVE"),
        ("MODE REPLAY", "MODE REPLAY"),
        ("RESET DETECTOR", "RESET DETECTOR"),
        ("INJ", LinkHarness.InjectBody(Healthy[0])),
        ("INJR", LinkHarness.InjectReducedBody(Healthy[0])),
    ];

    public static TheoryData<string> Forms()
    {
        var forms = new TheoryData<string>();
        foreach ((string form, _) in EveryForm)
        {
            forms.Add(form);
        }

        return forms;
    }

    /// <summary>The forms the dictionary (and so docs/dictionary.json) says go without a check.</summary>
    private static HashSet<string> UncheckedForms()
    {
        var forms = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < CommandTable.Count; i++)
        {
            string form = CommandTable.At(i).UncheckedForm;
            if (form.Length > 0)
            {
                forms.Add(form);
            }
        }

        return forms;
    }

    [Fact]
    public void The_dictionary_lets_exactly_the_read_only_commands_go_without_a_check()
    {
        Assert.Equal(["ALARMS", "CFG GET", "HELLO", "STATUS"], UncheckedForms().Order(StringComparer.Ordinal));
        Assert.Equal(EveryForm.Select(f => f.Form.Split(' ')[0]).Distinct().Order(StringComparer.Ordinal), Enumerable.Range(0, CommandTable.Count).Select(i => CommandTable.At(i).Name).Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// Every form of every command, typed without a check, numbered and not: carried out exactly when
    /// the dictionary lists it as an unchecked form; otherwise NO_CHECKSUM and the board unchanged.
    /// </summary>
    [Theory]
    [MemberData(nameof(Forms))]
    public void A_form_typed_without_a_check_is_carried_out_exactly_when_it_only_reads(string form)
    {
        string line = EveryForm.Single(f => f.Form == form).Line;
        bool readOnly = UncheckedForms().Contains(form);
        foreach (string typed in new[] { line, "42 " + line })
        {
            LinkHarness board = LinkHarness.WithOneUnacknowledgedAlarm(Healthy);
            string before = board.Snapshot();
            int rejected = board.Link.LinesRejected;

            List<BoardLine> lines = board.SendText(typed + "\r\n");

            List<BoardLine> replies = lines.Where(l => l.IsReply).ToList();
            if (readOnly)
            {
                Assert.DoesNotContain(replies, r => r.IsError);
                BoardLine reply = Assert.Single(replies);
                Assert.Equal(typed.StartsWith("42 ", StringComparison.Ordinal) ? 42 : 0, reply.Reference);
                Assert.Equal(rejected, board.Link.LinesRejected);
            }
            else
            {
                BoardLine reply = Assert.Single(lines);
                Assert.Equal("NO_CHECKSUM", reply.ErrorCode);
                Assert.Null(reply.Reference);
                Assert.Equal(rejected + 1, board.Link.LinesRejected);
            }

            Assert.Equal(before, board.Snapshot());
        }
    }

    [Theory]
    [InlineData("STATUS", LinkDictionary.Status)]
    [InlineData("7 STATUS", LinkDictionary.Status)]
    [InlineData("   12    CFG    GET   ", LinkDictionary.Config)]
    [InlineData("HELLO", LinkDictionary.Hello)]
    public void A_person_at_a_serial_monitor_gets_the_same_answer_as_a_host(string typed, string replyType)
    {
        var board = new LinkHarness();
        BoardLine reply = board.SendText(typed + "\r").Single(l => l.IsReply);
        Assert.Equal(replyType, reply.Type);
        if (replyType == LinkDictionary.Config)
        {
            Assert.Equal(board.Command("CFG GET").Payload, reply.Payload);
        }
    }

    [Fact]
    public void ALARMS_without_a_check_lists_the_journal()
    {
        LinkHarness board = LinkHarness.WithOneUnacknowledgedAlarm(Healthy);
        List<BoardLine> lines = board.SendText("ALARMS\n");
        Assert.Contains(lines, l => l.Type == LinkDictionary.Alarm && l.Field("re") == "1");
        Assert.Equal("1", lines.Single(l => l.Type == LinkDictionary.Ok).Field("listed"));
    }

    /// <summary>The refusal's msg= ends with the line to send; sending it carries the command out.</summary>
    [Theory]
    [InlineData("TLM 250", "0 TLM 250")]
    [InlineData("9 TLM 250", "9 TLM 250")]
    [InlineData("ACK ALL", "0 ACK ALL")]
    public void A_command_that_changes_the_board_is_refused_with_the_line_that_would_carry_it_out(string typed, string numbered)
    {
        LinkHarness board = LinkHarness.WithOneUnacknowledgedAlarm(Healthy);
        BoardLine refusal = Assert.Single(board.SendText(typed + "\r\n"));
        Assert.Equal("NO_CHECKSUM", refusal.ErrorCode);

        byte[] content = Encoding.ASCII.GetBytes(numbered);
        string check = LineCrc.Compute(content, 0, content.Length).ToString("X4", CultureInfo.InvariantCulture);
        Assert.Equal(check, refusal.Field("expected"));
        string message = refusal.Field("msg");
        Assert.Equal($"send \"{numbered}*{check}\" to carry this out; only HELLO, STATUS, ALARMS and CFG GET go without a check", message);

        string toSend = message.Split('"')[1];
        BoardLine carriedOut = Assert.Single(board.SendText(toSend + "\r\n"), l => l.IsReply);
        Assert.Equal(LinkDictionary.Ok, carriedOut.Type);
        if (typed.EndsWith("TLM 250", StringComparison.Ordinal))
        {
            Assert.Equal(250, board.Link.TelemetryPeriodMs);
        }
        else
        {
            Assert.Equal(0, board.Link.Journal.UnacknowledgedCount);
        }
    }

    [Theory]
    [InlineData("STA\u007fTUS", 3)]
    [InlineData("1 STATUS\t", 8)]
    public void A_typed_line_with_a_control_byte_is_refused_where_the_byte_is(string typed, int at)
    {
        var board = new LinkHarness();
        BoardLine reply = Assert.Single(board.SendText(typed + "\r\n"));
        Assert.Equal("NOT_ASCII", reply.ErrorCode);
        Assert.Equal(at.ToString(CultureInfo.InvariantCulture), reply.Field("at"));
    }

    [Theory]
    [InlineData("status")]
    [InlineData("7")]
    [InlineData("-1 STATUS")]
    [InlineData("STATUS please")]
    public void Near_misses_are_not_carried_out_as_something_else(string typed)
    {
        LinkHarness board = LinkHarness.WithOneUnacknowledgedAlarm(Healthy);
        string before = board.Snapshot();
        List<BoardLine> replies = board.SendText(typed + "\r\n").Where(l => l.IsReply).ToList();
        BoardLine reply = Assert.Single(replies);
        Assert.True(reply.IsError, reply.Text);
        Assert.Equal(before, board.Snapshot());
    }

    /// <summary>
    /// 3000 lines of command words, keywords, numbers and JSON in random order, none with a check:
    /// whatever the board answers, its configuration, journal, mode, session, telemetry period and
    /// samples are as before — only read-only commands ran.
    /// </summary>
    [Fact]
    public void No_line_without_a_check_changes_the_board()
    {
        string[] words =
        [
            "HELLO", "STATUS", "ALARMS", "CFG", "GET", "SET", "DEFAULTS", "STAGE", "COMMIT", "SAVE", "ACK", "ALL", "TLM", "MODE",
            "LIVE", "REPLAY", "RESET", "DETECTOR", "INJ", "INJR", "0", "1", "2", "250", "-1", "2147483647", "{\"limitPersistMs\":3000}",
            "{}", "{\"redLowPa\":1}", LinkHarness.InjectBody(Healthy[1]), "status", "cfg", "get", "x",
        ];
        var random = new Random(20261205);
        LinkHarness board = LinkHarness.WithOneUnacknowledgedAlarm(Healthy);
        string before = board.Snapshot();
        int answered = 0;
        int refused = 0;
        for (int i = 0; i < 3000; i++)
        {
            int count = random.Next(1, 5);
            var line = new StringBuilder();
            for (int k = 0; k < count; k++)
            {
                line.Append(words[random.Next(words.Length)]).Append(' ', random.Next(1, 3));
            }

            foreach (BoardLine reply in board.SendText(line.ToString().TrimEnd() + "\r\n").Where(l => l.IsReply))
            {
                if (reply.IsError)
                {
                    refused++;
                }
                else
                {
                    answered++;
                    Assert.Contains(reply.Type, new[] { LinkDictionary.Hello, LinkDictionary.Status, LinkDictionary.Config, LinkDictionary.Ok });
                }
            }

            if (i % 100 == 99)
            {
                Assert.Equal(before, board.Snapshot());
            }
        }

        Assert.Equal(before, board.Snapshot());
        Assert.True(answered > 50, $"only {answered} lines were answered: the generator hardly makes read-only commands");
        Assert.True(refused > 1000, $"only {refused} lines were refused");
    }

    /// <summary>Typed lines, answered and refused, allocate nothing on the board once it runs (as checked lines).</summary>
    [Fact]
    public void Unchecked_lines_allocate_nothing()
    {
        var port = new MemoryBytePort(LinkHarness.RxBufferBytes, LinkHarness.TxBufferBytes);
        var link = new BoardLink(new LeakMonitor(), new JsonConfigReader(), new BoardInfo("test", LinkDictionary.FirmwareVersion, ResetCause.PowerOn), port, null);
        link.Start(0, LinkMode.Replay);
        byte[] sink = new byte[LinkHarness.TxBufferBytes];
        byte[][] lines = [.. new[] { "STATUS\r\n", "3 ALARMS\r\n", "CFG GET\r\n", "HELLO\r\n", "TLM 250\r\n", "5 ACK ALL\r\n", "STA\u007fTUS\r\n" }.Select(Encoding.ASCII.GetBytes)];
        long nowMs = 0;
        int repliesSeen = 0;
        void Feed(int repeats)
        {
            for (int r = 0; r < repeats; r++)
            {
                foreach (byte[] line in lines)
                {
                    port.Deliver(line, 0, line.Length);
                    nowMs += 100;
                    while (port.ReceivePendingBytes > 0)
                    {
                        link.Service(nowMs);
                        repliesSeen += port.TakeTransmitted(sink, 0, sink.Length) > 0 ? 1 : 0;
                    }
                }
            }
        }

        Feed(2); // warm-up
        repliesSeen = 0;
        long before = GC.GetAllocatedBytesForCurrentThread();
        Feed(5);
        long allocatedBytes = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocatedBytes);
        Assert.Equal(5 * lines.Length, repliesSeen);
        Assert.Equal(1000, link.TelemetryPeriodMs);
    }
}
