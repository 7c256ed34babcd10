using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ThermalMonitor.Core.Alarms;
using ThermalMonitor.Core.Link;
using ThermalMonitor.Link;

namespace ThermalMonitor.Core.Tests.Link;

/// <summary>
/// PROTOCOL.md cannot drift from the code: every example line in its code blocks carries a correct
/// check (and every line marked as corrupted does not), every board line splits like a real one,
/// the worked CRC example is right byte by byte, and the numbers and names it states are the
/// code's.
/// </summary>
public partial class ProtocolDocumentTests
{
    private static readonly string[] Document = File.ReadAllLines(RepositoryFiles.PathOf("PROTOCOL.md"));

    /// <summary>A protocol line: sequence number (or a deliberately bad one), a word, anything, "*" and four hex digits.</summary>
    [GeneratedRegex(@"^-?\d+ [A-Za-z]*.*\*[0-9A-Fa-f]{4}$")]
    private static partial Regex ProtocolLine();

    [GeneratedRegex(@"`(\d+ [A-Z]+[^`]*\*[0-9A-Fa-f]{4})`")]
    private static partial Regex InlineProtocolLine();

    /// <summary>(line number, marker, text) of every line inside a fenced code block.</summary>
    private static List<(int Number, string Marker, string Text)> CodeBlockLines()
    {
        var lines = new List<(int, string, string)>();
        bool inBlock = false;
        for (int i = 0; i < Document.Length; i++)
        {
            string line = Document[i];
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                inBlock = !inBlock;
                continue;
            }

            if (!inBlock)
            {
                continue;
            }

            string marker = line.StartsWith(">! ", StringComparison.Ordinal) ? ">!"
                : line.StartsWith("> ", StringComparison.Ordinal) ? ">"
                : line.StartsWith("< ", StringComparison.Ordinal) ? "<"
                : string.Empty;
            lines.Add((i + 1, marker, marker.Length == 0 ? line : line[(marker.Length + 1)..]));
        }

        Assert.False(inBlock, "PROTOCOL.md ends inside a code block");
        return lines;
    }

    private static bool CheckHolds(string line)
    {
        int star = line.LastIndexOf('*');
        byte[] content = Encoding.ASCII.GetBytes(line[..star]);
        return int.Parse(line.AsSpan(star + 1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture) == LineCrc.Compute(content, 0, content.Length);
    }

    [Fact]
    public void Every_example_line_carries_a_correct_check()
    {
        int host = 0;
        int board = 0;
        foreach ((int number, string marker, string text) in CodeBlockLines())
        {
            bool looksLikeALine = ProtocolLine().IsMatch(text);
            if (marker == ">!")
            {
                Assert.False(looksLikeALine && CheckHolds(text), $"PROTOCOL.md:{number} is marked corrupted but its check holds: {text}");
                continue;
            }

            if (marker.Length > 0 && !string.IsNullOrWhiteSpace(text))
            {
                Assert.True(looksLikeALine, $"PROTOCOL.md:{number}: a {(marker == ">" ? "host" : "board")} line without '*XXXX': {text}");
            }

            if (!looksLikeALine)
            {
                continue;
            }

            Assert.True(CheckHolds(text), $"PROTOCOL.md:{number}: wrong check on {text}");
            Assert.True(text.All(c => c >= ' ' && c <= '~'), $"PROTOCOL.md:{number}: not printable ASCII: {text}");
            if (marker == "<")
            {
                Assert.True(BoardLine.TryParse(text, out BoardLine? line, out string error), $"PROTOCOL.md:{number}: {error}: {text}");
                Assert.Contains(line!.Type, (string[])[LinkDictionary.Hello, LinkDictionary.Ok, LinkDictionary.Err, LinkDictionary.Alarm, LinkDictionary.Clear, LinkDictionary.Event, LinkDictionary.Telemetry, LinkDictionary.Status, LinkDictionary.Config]);
                if (line.IsError)
                {
                    Assert.Contains(line.ErrorCode, Enumerable.Range(1, LinkDictionary.ErrorCount - 1).Select(e => LinkDictionary.ErrorName((LinkError)e)));
                }

                board++;
            }
            else
            {
                host++;
            }
        }

        Assert.True(host >= 25 && board >= 40, $"only {host} host and {board} board example lines checked");
    }

    [Fact]
    public void Inline_example_lines_carry_a_correct_check_too()
    {
        int checkedLines = 0;
        foreach (string line in Document)
        {
            foreach (Match match in InlineProtocolLine().Matches(line))
            {
                Assert.True(CheckHolds(match.Groups[1].Value), $"wrong check on `{match.Groups[1].Value}`");
                checkedLines++;
            }
        }

        Assert.True(checkedLines >= 1);
    }

    [Fact]
    public void The_worked_example_is_right_byte_by_byte()
    {
        byte[] content = Encoding.ASCII.GetBytes("1 HELLO");
        Assert.Equal(0x7DF0, LineCrc.Compute(content, 0, content.Length));
        Assert.Equal("1 HELLO*7DF0\r\n", CommandFrame.Frame(1, "HELLO"));

        string row = Assert.Single(Document, l => l.StartsWith("| CRC after it |", StringComparison.Ordinal));
        string[] documented = row.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[1..];
        Assert.Equal(content.Length, documented.Length);
        int crc = LineCrc.Initial;
        for (int i = 0; i < content.Length; i++)
        {
            crc = LineCrc.Update(crc, content[i]);
            Assert.Equal(crc.ToString("X4", CultureInfo.InvariantCulture), documented[i]);
        }

        Assert.Contains(Document, l => l.Contains("check value 0x29B1 for `123456789`", StringComparison.Ordinal));
    }

    [Fact]
    public void The_limits_and_names_it_states_are_the_code_s()
    {
        string text = string.Join("\n", Document);
        string[] stated =
        [
            $"| line length | {LineTransport.LineBytesMax} bytes",
            $"| board line length | {LineTransport.OutgoingLineBytesMax} bytes",
            $"| commands per service point | {BoardLink.LinesPerServiceMax} |",
            $"| replay host silence | {BoardLink.ReplayIdleTimeoutMs} ms",
            $"| alarm journal | {AlarmJournal.Capacity} entries",
            $"Every {BoardLink.AlarmResendIntervalMs} ms",
            $"0..{BoardLink.TelemetryPeriodMaxMs} ms",
            $"(default {BoardLink.TelemetryPeriodDefaultMs} ms of sample time;",
            $"`proto={LinkDictionary.ProtocolVersion}`",
            $"`\"{LinkDictionary.ConfigSchema}\"`",
            $"0..{long.MaxValue / 2}",
        ];
        foreach (string statement in stated)
        {
            Assert.Contains(statement, text, StringComparison.Ordinal);
        }

        for (int i = 1; i < LinkDictionary.ErrorCount; i++)
        {
            Assert.Contains($"| `{LinkDictionary.ErrorName((LinkError)i)}` |", text, StringComparison.Ordinal);
        }

        foreach (string command in (string[])["### HELLO", "### STATUS", "### ACK <n> | ACK ALL", "### ALARMS", "### CFG GET | CFG SET <document> | CFG DEFAULTS | CFG STAGE <document> | CFG COMMIT | CFG SAVE", "### TLM <period_ms>", "### MODE LIVE | MODE REPLAY", "### INJ <time_ms> <pressure> <temp> <supply>", "### RESET DETECTOR"])
        {
            Assert.Contains(command + "\n", text, StringComparison.Ordinal);
        }

        for (int id = 1; id <= MonitorDictionary.EventIdMax; id++)
        {
            var eventId = (EventId)id;
            if (!LinkDictionary.IsAlarmEvent(eventId))
            {
                Assert.Contains($"| `{MonitorDictionary.EventName(eventId)}` |", text, StringComparison.Ordinal);
            }
        }

        foreach (ResetCause cause in Enum.GetValues<ResetCause>())
        {
            Assert.Contains($"`{LinkDictionary.ResetCauseName(cause)}`", text, StringComparison.Ordinal);
        }
    }
}
