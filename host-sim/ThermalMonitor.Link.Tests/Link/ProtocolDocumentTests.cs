using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ThermalMonitor.Core.Alarms;
using ThermalMonitor.Core.Dictionary;
using ThermalMonitor.Core.Link;
using ThermalMonitor.Link;

namespace ThermalMonitor.Link.Tests;

/// <summary>
/// PROTOCOL.md cannot drift from the code: every example line in its code blocks carries a correct
/// check (and every line marked as corrupted does not), every board line splits like a real one,
/// the worked CRC example is right byte by byte, the numbers and names it states are the
/// code's, and its tables of events, errors, commands and message fields are the dictionary's
/// (<see cref="MonitorDictionary"/>, <see cref="LinkDictionary"/>, <see cref="CommandTable"/>,
/// <see cref="MessageTable"/>), both ways.
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
                : line.StartsWith(">~ ", StringComparison.Ordinal) ? ">~"
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

            if (marker == ">~")
            {
                Assert.DoesNotContain('*', text);
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

    /// <summary>
    /// Every line typed without a check (">~") gets, from a board fresh from power-on in LIVE mode,
    /// the reply the document shows after it: same type, reference, error and fields (board line
    /// numbers aside, which depend on what came before).
    /// </summary>
    [Fact]
    public void Every_typed_example_gets_the_reply_shown()
    {
        List<(int Number, string Marker, string Text)> lines = CodeBlockLines();
        int typed = 0;
        for (int i = 0; i < lines.Count; i++)
        {
            if (lines[i].Marker != ">~")
            {
                continue;
            }

            (int number, _, string text) = lines[i];
            Assert.True(i + 1 < lines.Count && lines[i + 1].Marker == "<", $"PROTOCOL.md:{number}: a typed line not followed by the board's reply");
            Assert.True(BoardLine.TryParse(lines[i + 1].Text, out BoardLine? shown, out string error), error);
            var board = new LinkHarness(LinkMode.Live);
            BoardLine reply = board.SendText(text + "\r").First(l => l.IsReply);
            Assert.Equal((shown!.Type, shown.Reference, shown.ErrorCode, shown.Payload), (reply.Type, reply.Reference, reply.ErrorCode, reply.Payload));
            Assert.Equal(shown.Fields.OrderBy(f => f.Key, StringComparer.Ordinal), reply.Fields.OrderBy(f => f.Key, StringComparer.Ordinal));
            typed++;
        }

        Assert.True(typed >= 3, $"only {typed} typed example lines");
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

    /// <summary>The lines of the section that <paramref name="heading"/> starts, up to the next heading of the same or a higher level.</summary>
    private static List<string> Section(string heading)
    {
        int start = Array.IndexOf(Document, heading);
        Assert.True(start >= 0, $"PROTOCOL.md has no heading '{heading}'");
        int level = heading.TakeWhile(c => c == '#').Count();
        var lines = new List<string>();
        bool inBlock = false;
        for (int i = start + 1; i < Document.Length; i++)
        {
            inBlock ^= Document[i].StartsWith("```", StringComparison.Ordinal);
            int depth = Document[i].TakeWhile(c => c == '#').Count();
            if (!inBlock && depth > 0 && depth <= level && Document[i].Length > depth && Document[i][depth] == ' ')
            {
                break;
            }

            lines.Add(Document[i]);
        }

        return lines;
    }

    /// <summary>The cells of the rows of the table headed <paramref name="header"/> within <paramref name="lines"/>.</summary>
    private static List<string[]> TableRows(IReadOnlyList<string> lines, string header)
    {
        int start = lines.ToList().IndexOf(header);
        Assert.True(start >= 0, $"PROTOCOL.md has no table '{header}' there");
        return lines.Skip(start + 2).TakeWhile(l => l.StartsWith('|'))
            .Select(l => l.Trim('|').Split(" | ").Select(c => c.Trim()).ToArray()).ToList();
    }

    [GeneratedRegex("`([a-z_]+)`")]
    private static partial Regex QuotedKey();

    [GeneratedRegex("^`([A-Z_]+)`$")]
    private static partial Regex QuotedName();

    private static string NameCell(string cell)
    {
        Match match = QuotedName().Match(cell);
        Assert.True(match.Success, $"PROTOCOL.md: '{cell}' is not one `NAME`");
        return match.Groups[1].Value;
    }

    [Fact]
    public void The_event_table_is_the_dictionary_s_events_that_travel_as_EVT()
    {
        List<string[]> rows = TableRows(Section("### EVT"), "| `id` | meaning |");
        var documented = rows.Select(r => NameCell(r[0])).ToList();
        var declared = Enumerable.Range(0, MonitorDictionary.EventCount).Select(MonitorDictionary.EventAt)
            .Where(e => !LinkDictionary.IsAlarmEvent(e.Id)).ToDictionary(e => e.Name);
        Assert.Equal(documented.Count, documented.Distinct().Count());
        Assert.Empty(documented.Except(declared.Keys));
        Assert.Empty(declared.Keys.Except(documented));

        foreach (string[] row in rows)
        {
            EventDefinition definition = declared[NameCell(row[0])];
            string meaning = row[1];
            Assert.True(definition.CodeMeaning.Length > 0 == meaning.Contains("`code`", StringComparison.Ordinal),
                $"PROTOCOL.md, EVT {definition.Name}: the dictionary says code is '{definition.CodeMeaning}', the document: {meaning}");
            Assert.True(definition.ValueMeaning.Length > 0 == meaning.Contains("`value`", StringComparison.Ordinal),
                $"PROTOCOL.md, EVT {definition.Name}: the dictionary says value is '{definition.ValueMeaning}', the document: {meaning}");
            string throttle = $"(at most {definition.ThrottleCount} per hour)";
            Assert.True(definition.ThrottleCount > 0 == meaning.Contains("per hour)", StringComparison.Ordinal)
                && (definition.ThrottleCount == 0 || meaning.Contains(throttle, StringComparison.Ordinal)),
                $"PROTOCOL.md, EVT {definition.Name}: the dictionary throttles it to {definition.ThrottleCount} per window, the document: {meaning}");
        }

        Assert.Equal(3_600_000, MonitorDictionary.ThrottleWindowMs); // "per hour"
    }

    [Fact]
    public void The_error_table_is_the_dictionary_s_error_codes()
    {
        var documented = TableRows(Section("## 7. Error codes"), "| code | when |").Select(r => NameCell(r[0])).ToList();
        var declared = Enumerable.Range(1, LinkDictionary.ErrorCount - 1).Select(i => LinkDictionary.Errors.At(i).Name).ToList();
        Assert.Equal(documented.Count, documented.Distinct().Count());
        Assert.Empty(documented.Except(declared));
        Assert.Empty(declared.Except(documented));
    }

    [Fact]
    public void The_command_headings_are_the_dictionary_s_commands_in_order()
    {
        var headings = Section("## 6. Host → board commands").Where(l => l.StartsWith("### ", StringComparison.Ordinal)).Select(l => l[4..]).ToList();
        Assert.Equal(Enumerable.Range(0, CommandTable.Count).Select(i => CommandTable.At(i).Syntax), headings);
        for (int i = 0; i < CommandTable.Count; i++)
        {
            CommandDefinition command = CommandTable.At(i);
            var placeholders = Regex.Matches(command.Syntax, "<([a-z_]+)>").Select(m => m.Groups[1].Value);
            var names = Enumerable.Range(0, command.ArgumentCount).Select(k => command.Argument(k).Name);
            Assert.Empty(placeholders.Except(names));
        }
    }

    /// <summary>Where each message's fields are documented: the heading of its section.</summary>
    private static readonly Dictionary<string, string> MessageSections = new()
    {
        [LinkDictionary.Hello] = "## 4. The HELLO line",
        [LinkDictionary.Err] = "### ERR",
        [LinkDictionary.Alarm] = "### ALARM",
        [LinkDictionary.Event] = "### EVT",
        [LinkDictionary.Telemetry] = "### TLM",
        [LinkDictionary.Status] = "### STATUS",
    };

    [Fact]
    public void Every_message_s_documented_fields_are_its_declared_fields()
    {
        // Documented: the keys of the field table in the message's section, and of every example line of that type.
        var documented = new Dictionary<string, HashSet<string>>();
        for (int i = 0; i < MessageTable.Count; i++)
        {
            documented[MessageTable.At(i).Type] = [];
        }

        foreach ((string type, string heading) in MessageSections)
        {
            foreach (string[] row in TableRows(Section(heading), "| field | meaning |"))
            {
                documented[type].UnionWith(QuotedKey().Matches(row[0]).Select(m => m.Groups[1].Value));
            }
        }

        foreach ((int number, string marker, string text) in CodeBlockLines().Where(l => l.Marker == "<"))
        {
            Assert.True(BoardLine.TryParse(text, out BoardLine? line, out string error), $"PROTOCOL.md:{number}: {error}");
            Assert.True(documented.ContainsKey(line!.Type), $"PROTOCOL.md:{number}: {line.Type} is not in MessageTable");
            documented[line.Type].UnionWith(line.Fields.Keys);
        }

        for (int i = 0; i < MessageTable.Count; i++)
        {
            MessageDefinition message = MessageTable.At(i);
            var declared = Enumerable.Range(0, message.FieldCount).Select(f => message.Field(f).Key).ToList();
            Assert.True(documented[message.Type].SetEquals(declared),
                $"PROTOCOL.md documents {message.Type} with [{string.Join(" ", documented[message.Type].Order())}], MessageTable declares [{string.Join(" ", declared.Order())}]");
        }
    }
}
