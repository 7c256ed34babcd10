using System.Diagnostics;
using System.Globalization;
using System.Text;
using ThermalMonitor.Core.Acquisition;
using ThermalMonitor.Core.Board;
using ThermalMonitor.Core.Link;
using ThermalMonitor.Core.Monitoring;
using ThermalMonitor.Link;
using Xunit.Abstractions;

namespace ThermalMonitor.Link.Tests;

/// <summary>
/// More than 100 000 lines through one board: random bytes (CR, LF, '*' and non-ASCII among them,
/// lines up to 5000 bytes) and real commands mutated by flips, insertions, deletions, truncation and
/// duplication — some framed with a correct check for their mutated content, so the parser and not
/// the check has to refuse them. Nothing may escape Receive or Service; every non-empty line gets
/// exactly one reply; every refusal names a known error; every board line checks and splits; and
/// the board works normally afterwards.
/// </summary>
public class ProtocolFuzzTests(ITestOutputHelper output)
{
    private const int Seed = 20240611;
    private const int LinesMin = 100000;
    private const int CommandLinesMin = 40000;

    private static readonly HashSet<string> ErrorNames = Enumerable.Range(1, LinkDictionary.ErrorCount - 1).Select(i => LinkDictionary.ErrorName((LinkError)i)).ToHashSet();

    private static readonly string[] SmallDocuments = ConfigVectors.All.Where(v => v.Document.Length < 200).Select(v => v.Document).ToArray();

    private readonly Random random = new(Seed);
    private readonly RawSample[] pool = SimulatedSamples.Healthy(60);
    private readonly byte[] tx = new byte[LinkHarness.TxBufferBytes];
    private MemoryBytePort port = null!;
    private readonly List<byte> partial = [];
    private readonly Dictionary<string, int> errorCounts = [];
    private BoardLink link = null!;
    private long nowMs;
    private long injectTimeMs;
    private int sequence;
    private int assembling; // bytes of the line the board is assembling (a model of its splitter)
    private int linesSent;
    private int replies;
    private int errors;
    private int boardLines;

    [Fact]
    public void Any_input_gets_one_reply_per_line_and_leaves_a_working_board()
    {
        var monitor = new LeakMonitor();
        port = new MemoryBytePort(LinkHarness.RxBufferBytes, LinkHarness.TxBufferBytes);
        link = new BoardLink(monitor, new JsonConfigReader(), new BoardInfo("fuzz", LinkDictionary.FirmwareVersion, ResetCause.PowerOn), port, null);
        link.Start(0, LinkMode.Replay);
        Take(); // boot lines are no replies
        replies = 0;

        var clock = Stopwatch.StartNew();
        int commandLines = 0;
        int randomChunks = 0;
        int framedCorrectly = 0;
        while (linesSent < LinesMin || commandLines < CommandLinesMin)
        {
            if (random.Next(4) == 0)
            {
                Feed(RandomBytes());
                randomChunks++;
                continue;
            }

            Feed("\r\n"u8.ToArray()); // ends whatever random bytes left open, so the next line stands alone
            string command = ValidCommand();
            byte[] body = Encoding.ASCII.GetBytes(sequence.ToString(CultureInfo.InvariantCulture) + " " + command);
            bool mutate = random.Next(10) < 7;
            bool frameAfter = random.Next(10) < 7;
            byte[] content = frameAfter && mutate ? Mutate(body) : body;
            byte[] line = frameAfter || !mutate
                ? LinkHarness.FrameBody(content)
                : [.. Mutate(LinkHarness.FrameBody(body)[..^2]), (byte)'\r', (byte)'\n'];
            bool checkHolds = (frameAfter || !mutate) && !content.Contains((byte)'\r') && !content.Contains((byte)'\n');
            commandLines++;

            int repliesBefore = replies;
            int linesBefore = linesSent;
            List<BoardLine> answer = Feed(line);
            if (linesSent == linesBefore + 1)
            {
                Assert.True(replies == repliesBefore + 1, $"line {linesSent} got {replies - repliesBefore} replies: {Show(line)}");
                BoardLine reply = answer.Single(l => l.IsReply);
                Assert.True(reply.IsError == (link.LastError != LinkError.None), $"reply {reply} to a line the board judged {link.LastError}");
                Assert.True(!reply.IsError || reply.ErrorCode == LinkDictionary.ErrorName(link.LastError), $"reply {reply} names another error than {link.LastError}");
                if (checkHolds && line.Length - 2 <= LineTransport.LineBytesMax)
                {
                    framedCorrectly++;
                    Assert.True(link.LastError != LinkError.BadChecksum && link.LastError != LinkError.NoChecksum, $"a line with a correct check was refused for its check: {Show(line)}");
                }
            }
        }

        Feed("\r\n"u8.ToArray());
        Assert.Equal(linesSent, link.LinesReceived);
        Assert.Equal(linesSent, replies);
        Assert.Equal(0, link.TxDroppedLines);
        Assert.Equal(0, link.RxOverflowBytes);
        Assert.Empty(partial);
        Assert.False(monitor.HasInvariantFailure);

        // Still a working board.
        Assert.Equal(LinkDictionary.Ok, Command("MODE REPLAY").Type);
        Assert.Equal(LinkDictionary.Ok, Command("CFG DEFAULTS").Type);
        Assert.Equal(LinkDictionary.Hello, Command("HELLO").Type);
        RawSample sample = SimulatedSamples.Copy(pool[0]);
        sample.TimestampMs = 1000;
        Assert.Equal(LinkDictionary.Ok, Command(LinkHarness.InjectBody(sample)).Type);
        Assert.Equal(1, monitor.Telemetry.SampleCount);
        Assert.Equal(1000, monitor.Telemetry.TimestampMs);
        sample.TimestampMs = 1100;
        Assert.Equal(LinkDictionary.Ok, Command(LinkHarness.InjectReducedBody(sample)).Type);
        Assert.Equal(2, monitor.Telemetry.SampleCount);
        Assert.Equal(1100, monitor.Telemetry.TimestampMs);

        clock.Stop();
        output.WriteLine($"{linesSent} lines in {clock.Elapsed.TotalSeconds:F1} s: {commandLines} commands ({framedCorrectly} with a check that holds for what was sent), {randomChunks} random chunks; {replies} replies, {errors} ERR, {boardLines} board lines");
        output.WriteLine(string.Join(", ", errorCounts.OrderByDescending(e => e.Value).Select(e => $"{e.Key} {e.Value}")));
        Assert.True(errorCounts.Count >= 12, "the fuzzer reached only " + string.Join(", ", errorCounts.Keys));
    }

    private BoardLine Command(string command)
    {
        int repliesBefore = replies;
        sequence++;
        List<BoardLine> lines = Feed(Encoding.ASCII.GetBytes(CommandFrame.Frame(sequence, command)));
        Assert.Equal(repliesBefore + 1, replies);
        return LinkHarness.SingleReply(lines, sequence);
    }

    /// <summary>A well-formed command (before mutation) of every kind the host sends.</summary>
    private string ValidCommand()
    {
        sequence++;
        switch (random.Next(16))
        {
            case 0: return "HELLO";
            case 1: return "STATUS";
            case 2: return "ALARMS";
            case 3: return "CFG GET";
            case 4: return "ACK " + random.Next(0, 40).ToString(CultureInfo.InvariantCulture);
            case 5: return "ACK ALL";
            case 6: return "TLM " + random.Next(-10, 5000).ToString(CultureInfo.InvariantCulture);
            case 7: return "RESET DETECTOR";
            case 8: return "CFG SET " + SmallDocuments[random.Next(SmallDocuments.Length)];
            case 9: return random.Next(20) == 0 ? "MODE LIVE" : random.Next(10) == 0 ? "MODE REPLAY" : "CFG DEFAULTS";
            default:
                RawSample sample = pool[random.Next(pool.Length)];
                if (random.Next(4) == 0)
                {
                    sample = SimulatedSamples.Copy(sample);
                    sample.SetFailed((ChannelId)random.Next(Channels.Count), (ReadStatus)random.Next(1, 4));
                }

                injectTimeMs += random.Next(10) == 0 ? -random.Next(0, 500) : random.Next(50, 150);
                long saved = sample.TimestampMs;
                sample.TimestampMs = Math.Max(0, injectTimeMs);
                // Half the samples as INJR, reduced with the default settings (the board's may differ after a CFG SET).
                string body = random.Next(2) == 0 ? LinkHarness.InjectBody(sample) : LinkHarness.InjectReducedBody(sample);
                sample.TimestampMs = saved;
                return body;
        }
    }

    private byte[] Mutate(byte[] line)
    {
        var bytes = new List<byte>(line);
        int mutations = random.Next(1, 4);
        for (int m = 0; m < mutations && bytes.Count > 0; m++)
        {
            int at = random.Next(bytes.Count);
            switch (random.Next(6))
            {
                case 0:
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    bytes[at] = RandomByte();
                    break;
                case 2:
                    bytes.InsertRange(at, Enumerable.Range(0, random.Next(1, 8)).Select(_ => RandomByte()));
                    break;
                case 3:
                    bytes.RemoveRange(at, Math.Min(bytes.Count - at, random.Next(1, 12)));
                    break;
                case 4:
                    bytes.RemoveRange(at, bytes.Count - at); // truncated
                    break;
                default:
                    int length = Math.Min(bytes.Count - at, random.Next(1, 400));
                    bytes.InsertRange(at, bytes.GetRange(at, length)); // duplicated
                    break;
            }
        }

        return [.. bytes];
    }

    private byte RandomByte() => random.Next(12) switch
    {
        0 => (byte)'\r',
        1 => (byte)'\n',
        2 => (byte)'*',
        3 => (byte)' ',
        4 => (byte)random.Next(128, 256),
        5 => (byte)random.Next(0, 32),
        6 => (byte)"0123456789ABCDEF"[random.Next(16)],
        _ => (byte)random.Next(32, 127),
    };

    /// <summary>0..5000 random bytes; how often CR/LF, '*' and non-ASCII turn up differs from chunk to chunk.</summary>
    private byte[] RandomBytes()
    {
        byte[] bytes = new byte[random.Next(0, 5001)];
        int lineEndPerMille = random.Next(3) == 0 ? 0 : random.Next(1, 9);
        int starPerMille = random.Next(0, 50);
        int highPerMille = random.Next(0, 300);
        for (int i = 0; i < bytes.Length; i++)
        {
            int roll = random.Next(1000);
            bytes[i] = roll < lineEndPerMille ? (random.Next(2) == 0 ? (byte)'\r' : (byte)'\n')
                : roll < lineEndPerMille + starPerMille ? (byte)'*'
                : roll < lineEndPerMille + starPerMille + highPerMille ? (byte)random.Next(128, 256)
                : (byte)random.Next(0, 128) is byte b && b != '\r' && b != '\n' ? b : (byte)'x';
        }

        return bytes;
    }

    /// <summary>Feeds bytes the way a host keeping to the flow control does, counts the lines the board will see, and takes its output.</summary>
    private List<BoardLine> Feed(byte[] bytes)
    {
        foreach (byte b in bytes)
        {
            if (b == '\r' || b == '\n')
            {
                linesSent += assembling > 0 ? 1 : 0;
                assembling = 0;
            }
            else
            {
                assembling++;
            }
        }

        var lines = new List<BoardLine>();
        int offset = 0;
        do
        {
            int room = LinkHarness.RxBufferBytes - port.ReceivePendingBytes;
            offset += port.Deliver(bytes, offset, Math.Min(room, bytes.Length - offset));
            int carried;
            do
            {
                nowMs += random.Next(0, 40);
                carried = link.Service(nowMs);
                lines.AddRange(Take());
            }
            while (carried > 0 || port.ReceivePendingBytes > 0);
        }
        while (offset < bytes.Length);

        return lines;
    }

    private List<BoardLine> Take()
    {
        var lines = new List<BoardLine>();
        while (port.TransmitPendingBytes > 0)
        {
            int count = port.TakeTransmitted(tx, 0, tx.Length);
            for (int i = 0; i < count; i++)
            {
                partial.Add(tx[i]);
                int n = partial.Count;
                if (n >= 2 && partial[n - 2] == '\r' && partial[n - 1] == '\n')
                {
                    BoardLine line = LinkHarness.ParseBoardLine([.. partial.GetRange(0, n - 2)]);
                    partial.Clear();
                    boardLines++;
                    lines.Add(line);
                    if (line.IsReply)
                    {
                        replies++;
                    }

                    if (line.IsError)
                    {
                        errors++;
                        Assert.True(line.ErrorCode is not null && ErrorNames.Contains(line.ErrorCode), $"unknown error code: {line}");
                        errorCounts[line.ErrorCode] = errorCounts.GetValueOrDefault(line.ErrorCode) + 1;
                    }
                }
            }
        }

        return lines;
    }

    private static string Show(byte[] line) => Encoding.ASCII.GetString(line.Take(200).Select(b => b is >= 32 and < 127 ? b : (byte)'.').ToArray());
}
