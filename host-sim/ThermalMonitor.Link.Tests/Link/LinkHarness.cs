using System.Globalization;
using System.Text;
using ThermalMonitor.Core.Acquisition;
using ThermalMonitor.Core.Alarms;
using ThermalMonitor.Core.Board;
using ThermalMonitor.Core.Config;
using ThermalMonitor.Core.Link;
using ThermalMonitor.Core.Monitoring;
using ThermalMonitor.Core.Settings;
using ThermalMonitor.Link;

namespace ThermalMonitor.Link.Tests;

/// <summary>
/// Drives the firmware's <see cref="BoardLink"/> the way a host does, without a serial port: bytes
/// go in through a <see cref="MemoryBytePort"/> with the ESP32 driver's buffer,
/// <see cref="BoardLink.Service"/> runs until that buffer is empty, and everything the board sends is taken, split at CRLF and checked
/// with the host's <see cref="BoardLine"/> parser. Every board line must pass that check: a line
/// that does not parse fails the test that produced it.
/// </summary>
public sealed class LinkHarness
{
    /// <summary>The ESP32 app's UART receive buffer.</summary>
    public const int RxBufferBytes = 2048;

    public const int TxBufferBytes = 1 << 20;

    private readonly byte[] tx = new byte[TxBufferBytes];
    private readonly List<byte> partialLine = [];
    private int sequence;

    public LinkHarness(LinkMode mode = LinkMode.Replay, MonitorConfig? config = null, ISettingsMedium? settings = null, int txBufferBytes = TxBufferBytes)
    {
        Monitor = config is null ? new LeakMonitor() : new LeakMonitor(config);
        Board = new BoardInfo("test", LinkDictionary.FirmwareVersion, ResetCause.PowerOn);
        Port = new MemoryBytePort(RxBufferBytes, txBufferBytes);
        Link = new BoardLink(Monitor, new JsonConfigReader(), Board, Port, settings);
        Link.Start(0, mode);
        Boot = Take();
    }

    public LeakMonitor Monitor { get; }

    public MemoryBytePort Port { get; }

    public BoardInfo Board { get; }

    public BoardLink Link { get; }

    /// <summary>What the board said at power-on (HELLO, BOOT event).</summary>
    public IReadOnlyList<BoardLine> Boot { get; }

    /// <summary>The board clock passed to <see cref="BoardLink.Service"/>.</summary>
    public long NowMs { get; set; }

    /// <summary>Every board line so far, boot lines included.</summary>
    public List<BoardLine> Received { get; } = [];

    /// <summary>The sequence number the next <see cref="Command"/> will carry.</summary>
    public int NextSequence => sequence + 1;

    /// <summary>
    /// Feeds bytes as they are, never more than the receive buffer has room for (a host keeping
    /// to the flow control: nothing is lost), servicing in between, then services until idle.
    /// </summary>
    public List<BoardLine> SendBytes(byte[] bytes)
    {
        var lines = new List<BoardLine>();
        int offset = 0;
        do
        {
            int room = RxBufferBytes - Port.ReceivePendingBytes;
            offset += Port.Deliver(bytes, offset, Math.Min(room, bytes.Length - offset));
            ServiceUntilIdle(lines);
        }
        while (offset < bytes.Length);

        return lines;
    }

    /// <summary>Feeds ASCII text as it is (no framing).</summary>
    public List<BoardLine> SendText(string text) => SendBytes(Encoding.ASCII.GetBytes(text));

    /// <summary>Frames <paramref name="command"/> with the next sequence number and a correct check, sends it, returns every board line that followed.</summary>
    public List<BoardLine> Send(string command, out int commandSequence)
    {
        commandSequence = ++sequence;
        return SendBytes(Frame(commandSequence, Encoding.UTF8.GetBytes(command)));
    }

    /// <summary>Sends a framed command and returns its one reply (OK, ERR, STATUS, CFG or HELLO naming its sequence number, or a line-level ERR).</summary>
    public BoardLine Command(string command) => Command(command, out _);

    /// <summary>
    /// Applies a configuration document as the host does (<see cref="ConfigJson.Commands"/>: one
    /// CFG SET, or CFG STAGE parts and CFG COMMIT when longer than a line); returns the last reply.
    /// </summary>
    public BoardLine SetConfig(string document)
    {
        BoardLine? reply = null;
        foreach (string command in ConfigJson.Commands(document, LineTransport.LineBytesMax))
        {
            reply = Command(command);
            if (reply.IsError)
            {
                break;
            }
        }

        return reply!;
    }

    public BoardLine Command(string command, out List<BoardLine> lines)
    {
        lines = Send(command, out int commandSequence);
        return SingleReply(lines, commandSequence);
    }

    /// <summary>Sends one sample as an INJ command and returns its reply.</summary>
    public BoardLine Inject(RawSample sample) => Inject(sample, out _);

    public BoardLine Inject(RawSample sample, out List<BoardLine> lines) => Command(InjectBody(sample), out lines);

    /// <summary>
    /// A board with something to lose: a changed configuration (limitPersistMs 1000), telemetry every
    /// 500 ms and one unacknowledged alarm (the pressure read fails from the sixth of <paramref name="healthy"/>).
    /// </summary>
    public static LinkHarness WithOneUnacknowledgedAlarm(RawSample[] healthy)
    {
        var board = new LinkHarness();
        Assert.Equal(LinkDictionary.Ok, board.Command("CFG SET {\"limitPersistMs\":1000}").Type);
        Assert.Equal(LinkDictionary.Ok, board.Command("TLM 500").Type);
        for (int i = 0; i < healthy.Length; i++)
        {
            RawSample sample = SimulatedSamples.Copy(healthy[i]);
            if (i >= 5)
            {
                sample.SetFailed(ChannelId.Pressure, ReadStatus.DriverError);
            }

            Assert.Equal(LinkDictionary.Ok, board.Inject(sample).Type);
        }

        Assert.Equal(1, board.Link.Journal.UnacknowledgedCount);
        return board;
    }

    public static string InjectBody(RawSample sample)
    {
        byte[] body = new byte[InjectCommand.BytesMax];
        int length = InjectCommand.Write(sample, body);
        return Encoding.ASCII.GetString(body, 0, length);
    }

    /// <summary>Sends one sample as an INJR command (reduced with the board's burst settings in force) and returns its reply.</summary>
    public BoardLine InjectReduced(RawSample sample) => InjectReduced(sample, out _);

    public BoardLine InjectReduced(RawSample sample, out List<BoardLine> lines) => Command(InjectReducedBody(sample, Monitor.Derived), out lines);

    /// <summary>The INJR body of <paramref name="sample"/>, reduced with <paramref name="derived"/> (null: the default configuration's).</summary>
    public static string InjectReducedBody(RawSample sample, DerivedSettings? derived = null)
    {
        byte[] body = new byte[InjectCommand.ReducedBytesMax];
        int length = InjectCommand.WriteReduced(sample, new BurstReducer(), derived ?? DefaultDerived, body);
        return Encoding.ASCII.GetString(body, 0, length);
    }

    private static readonly DerivedSettings DefaultDerived = Derive(new MonitorConfig());

    private static DerivedSettings Derive(MonitorConfig config)
    {
        var derived = new DerivedSettings();
        Assert.True(ConfigValidator.Validate(config, new ConfigErrors(), derived));
        return derived;
    }

    /// <summary>Runs the board loop once at <paramref name="nowMs"/> (re-sends fall due on this clock).</summary>
    public List<BoardLine> Service(long nowMs)
    {
        NowMs = nowMs;
        var lines = new List<BoardLine>();
        ServiceUntilIdle(lines);
        return lines;
    }

    /// <summary>The one reply among <paramref name="lines"/>; it names <paramref name="commandSequence"/> unless it is a line-level ERR ("-").</summary>
    public static BoardLine SingleReply(List<BoardLine> lines, int commandSequence)
    {
        List<BoardLine> replies = lines.Where(l => l.IsReply).ToList();
        Assert.True(replies.Count == 1, $"expected one reply to command {commandSequence}, got {replies.Count}:\n{string.Join("\n", lines)}");
        BoardLine reply = replies[0];
        Assert.True(reply.Reference == commandSequence || (reply.Reference is null && reply.IsError), $"reply does not name command {commandSequence}: {reply}");
        return reply;
    }

    /// <summary>"&lt;seq&gt; &lt;content&gt;*CRC\r\n" over raw bytes (the CRC covers the bytes exactly as sent, non-ASCII included).</summary>
    public static byte[] Frame(int commandSequence, byte[] content)
    {
        byte[] prefix = Encoding.ASCII.GetBytes(commandSequence.ToString(CultureInfo.InvariantCulture) + " ");
        byte[] body = [.. prefix, .. content];
        return FrameBody(body);
    }

    /// <summary>Appends "*CRC\r\n" to a complete line body.</summary>
    public static byte[] FrameBody(byte[] body)
    {
        int crc = LineCrc.Compute(body, 0, body.Length);
        return [.. body, .. Encoding.ASCII.GetBytes("*" + crc.ToString("X4", CultureInfo.InvariantCulture) + "\r\n")];
    }

    /// <summary>
    /// Everything a refused line must leave as it was: the configuration (CFG GET), the STATUS
    /// counters except the receive counters, the alarm journal, the mode and the telemetry period.
    /// Asking for it costs two commands, which only move the receive counters.
    /// </summary>
    public string Snapshot()
    {
        var text = new StringBuilder();
        BoardLine config = Command(LinkDictionary.Config + " " + LinkDictionary.Get);
        Assert.Equal(LinkDictionary.Config, config.Type);
        text.AppendLine(config.Payload);
        BoardLine status = Command(LinkDictionary.Status);
        Assert.Equal(LinkDictionary.Status, status.Type);
        foreach (KeyValuePair<string, string> field in status.Fields.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            if (!field.Key.StartsWith("rx_", StringComparison.Ordinal))
            {
                text.Append(field.Key).Append('=').Append(field.Value).Append(' ');
            }
        }

        text.AppendLine();
        text.AppendLine(JournalText(Link.Journal));
        text.Append("mode=").Append(Link.Mode).Append(" session=").Append(Link.Session).Append(" tlm=").Append(Link.TelemetryPeriodMs);
        text.Append(" t=").Append(Monitor.Telemetry.TimestampMs).Append(" n=").Append(Monitor.Telemetry.SampleCount);
        return text.ToString();
    }

    public static string JournalText(AlarmJournal journal)
    {
        var text = new StringBuilder();
        text.Append("raised=").Append(journal.RaisedTotal).Append(" lost=").Append(journal.OverwrittenUnacknowledged).Append(" unacked=").Append(journal.UnacknowledgedCount);
        for (int i = 0; i < AlarmJournal.Capacity; i++)
        {
            if (journal.IsUsed(i))
            {
                text.Append(CultureInfo.InvariantCulture, $" [{i}: seq={journal.SequenceAt(i)} {journal.SlotAt(i)} t={journal.RaisedTimeMsAt(i)} cleared={(journal.IsClearedAt(i) ? journal.ClearedTimeMsAt(i) : -1)} acked={journal.IsAcknowledged(i)}]");
            }
        }

        return text.ToString();
    }

    private void ServiceUntilIdle(List<BoardLine> lines)
    {
        while (Link.Service(NowMs) > 0 || Port.ReceivePendingBytes > 0)
        {
            lines.AddRange(Take());
        }

        lines.AddRange(Take());
    }

    /// <summary>Takes all pending output and splits it into checked lines.</summary>
    private List<BoardLine> Take()
    {
        var lines = new List<BoardLine>();
        while (Port.TransmitPendingBytes > 0)
        {
            int count = Port.TakeTransmitted(tx, 0, tx.Length);
            for (int i = 0; i < count; i++)
            {
                partialLine.Add(tx[i]);
                int n = partialLine.Count;
                if (n >= 2 && partialLine[n - 2] == (byte)'\r' && partialLine[n - 1] == (byte)'\n')
                {
                    byte[] raw = [.. partialLine.GetRange(0, n - 2)];
                    partialLine.Clear();
                    lines.Add(ParseBoardLine(raw));
                }
            }
        }

        Received.AddRange(lines);
        return lines;
    }

    /// <summary>A board line must be printable ASCII, end in a correct check and split cleanly.</summary>
    public static BoardLine ParseBoardLine(byte[] raw)
    {
        foreach (byte b in raw)
        {
            Assert.True(b >= (byte)' ' && b <= (byte)'~', $"board line holds byte 0x{b:X2}: {Encoding.ASCII.GetString(raw)}");
        }

        Assert.True(raw.Length + 2 <= LineTransport.OutgoingLineBytesMax, $"board line of {raw.Length + 2} bytes is longer than {LineTransport.OutgoingLineBytesMax}");
        string text = Encoding.ASCII.GetString(raw);
        Assert.True(BoardLine.TryParse(text, out BoardLine? line, out string error), $"board line does not parse ({error}): {text}");
        return line!;
    }
}
