using System.Text;
using ThermalMonitor.Core.Acquisition;
using ThermalMonitor.Core.Dictionary;
using ThermalMonitor.Core.Link;
using ThermalMonitor.Link;

namespace ThermalMonitor.Link.Tests;

/// <summary>
/// The declared protocol is the one <see cref="BoardLink"/> speaks: every message carries exactly
/// the fields <see cref="MessageTable"/> lists for it, in that order, and every field it lists
/// shows up; every command of <see cref="CommandTable"/> is dispatched, asks for its arguments by
/// their declared names, and refuses numbers just outside the declared ranges.
/// </summary>
public class WireDictionaryTests
{
    /// <summary>The keys of a board line's key=value fields, in order (the msg= text counts as one).</summary>
    private static List<string> Keys(BoardLine line)
    {
        MessageDefinition definition = MessageTable.Find(line.Type) ?? throw new Xunit.Sdk.XunitException($"{line.Type} is not in MessageTable: {line}");
        string content = line.Text[..line.Text.LastIndexOf('*')];
        string[] tokens = content.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        int skip = 2 + (definition.IsReply ? 1 : 0) + (line.IsError ? 1 : 0);
        var keys = new List<string>();
        foreach (string token in tokens.Skip(skip))
        {
            int equals = token.IndexOf('=');
            if (equals > 0)
            {
                keys.Add(token[..equals]);
                if (token[..equals] == WireField.Message)
                {
                    break;
                }
            }
        }

        return keys;
    }

    private static IEnumerable<FieldDefinition> Fields(MessageDefinition definition) => Enumerable.Range(0, definition.FieldCount).Select(definition.Field);

    /// <summary>Everything a session can make the board say: every message type, every error with fields, every kind of OK.</summary>
    private static List<BoardLine> Conversation()
    {
        var board = new LinkHarness(settings: new MemorySettingsMedium());
        var lines = new List<BoardLine>(board.Boot);
        void Say(string command) => lines.AddRange(board.Send(command, out _));

        Say("TLM 1000");
        RawSample[] samples = SimulatedSamples.Healthy(9.5);
        foreach (RawSample sample in samples)
        {
            double t = sample.TimestampMs / 1000.0;
            if (t >= 2.0 && t < 2.6)
            {
                sample.SetFailed(ChannelId.Pressure, ReadStatus.DriverError);
            }

            Say(LinkHarness.InjectBody(sample));
        }

        lines.AddRange(board.Service(2500));
        Say("ALARMS");
        Say("ACK 1");
        Say("ACK ALL");
        Say("HELLO");
        Say("STATUS");
        Say("CFG GET");
        Say("CFG SET {\"limitPersistMs\":1000}");
        Say("CFG SET {\"redLowPa\":200000}");
        Say("CFG STAGE {\"limitPersistMs\":900}");
        Say("CFG COMMIT");
        Say("CFG SAVE");
        Say("MODE REPLAY");
        Say("RESET DETECTOR");
        Say("TLM");
        Say("TLM fast");
        Say("TLM 5000000");
        Say("STATUS now");
        Say("ACK 99");
        Say("REBOOT");
        Say("INJ 0 000 - -");
        lines.AddRange(board.SendText("1 STATUS*0000\r\n"));
        lines.AddRange(board.SendText("1 STATUS\r\n"));
        lines.AddRange(board.SendBytes(LinkHarness.Frame(2, [.. Encoding.ASCII.GetBytes("TLM 5"), 0xB0])));
        lines.AddRange(board.SendText(new string('1', LineTransport.LineBytesMax + 10) + "\r\n"));
        byte[] flood = Encoding.ASCII.GetBytes(new string('1', LinkHarness.RxBufferBytes + 10));
        board.Port.Deliver(flood, 0, flood.Length);
        lines.AddRange(board.Service(3000));
        lines.AddRange(board.SendText("\r\n"));

        var live = new LinkHarness(LinkMode.Live);
        lines.AddRange(live.Send("INJ 0 - - -", out _));
        lines.AddRange(live.Send("CFG SAVE", out _)); // no storage: STORAGE_FAILED storage=none
        return lines;
    }

    [Fact]
    public void Every_message_carries_exactly_its_declared_fields_in_order()
    {
        List<BoardLine> lines = Conversation();
        var seen = new Dictionary<string, HashSet<string>>();
        foreach (BoardLine line in lines)
        {
            MessageDefinition? definition = MessageTable.Find(line.Type);
            Assert.True(definition is not null, $"{line.Type} is not in MessageTable: {line}");
            List<string> keys = Keys(line);
            bool allOptional = Fields(definition).All(f => f.Optional);
            if (allOptional)
            {
                Assert.All(keys, key => Assert.Contains(key, Fields(definition).Select(f => f.Key)));
                Assert.Equal(keys.Count, keys.Distinct().Count());
            }
            else
            {
                var expected = Fields(definition).Where(f => !f.Optional || keys.Contains(f.Key)).Select(f => f.Key).ToList();
                Assert.True(expected.SequenceEqual(keys), $"{line.Type} fields are [{string.Join(" ", keys)}], MessageTable says [{string.Join(" ", expected)}]: {line}");
            }

            Assert.Equal(definition.IsReply, line.IsReply);
            Assert.Equal(definition.Payload.Length > 0, line.Payload is not null && line.Type == LinkDictionary.Config);
            if (!seen.TryGetValue(line.Type, out HashSet<string>? set))
            {
                seen[line.Type] = set = [];
            }

            set.UnionWith(keys);
        }

        for (int i = 0; i < MessageTable.Count; i++)
        {
            MessageDefinition definition = MessageTable.At(i);
            Assert.True(seen.ContainsKey(definition.Type), $"the conversation never produced {definition.Type}");
            Assert.Equal(Fields(definition).Select(f => f.Key).Order(StringComparer.Ordinal), seen[definition.Type].Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void Fields_are_declared_once_per_message_and_enums_name_a_table()
    {
        string[] tables = typeof(DictionaryTables).GetFields().Select(f => (string)f.GetValue(null)!).ToArray();
        for (int i = 0; i < MessageTable.Count; i++)
        {
            MessageDefinition definition = MessageTable.At(i);
            var keys = Fields(definition).Select(f => f.Key).ToList();
            Assert.Equal(keys.Count, keys.Distinct(StringComparer.Ordinal).Count());
            foreach (FieldDefinition field in Fields(definition))
            {
                Assert.Equal(field.Type == FieldType.Enum, field.EnumTable.Length > 0);
                if (field.Type == FieldType.Enum)
                {
                    Assert.Contains(field.EnumTable, tables);
                }

                Assert.False(string.IsNullOrWhiteSpace(field.Meaning), $"{definition.Type} {field.Key}");
            }

            Assert.True(Fields(definition).Count(f => f.Type == FieldType.Text) <= 1);
        }
    }

    /// <summary>A token the board accepts for <paramref name="argument"/> (SET for CFG's keyword: the only one followed by another argument).</summary>
    private static string ValidToken(ArgumentDefinition argument) => argument.Kind switch
    {
        ArgumentKind.Int or ArgumentKind.Long => argument.Min.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ArgumentKind.Keyword => Enumerable.Range(0, argument.ChoiceCount).Select(argument.Choice).Contains(LinkDictionary.Set) ? LinkDictionary.Set : argument.Choice(0),
        ArgumentKind.Reads or ArgumentKind.Reduced => LinkDictionary.NotRead,
        _ => "{}",
    };

    [Fact]
    public void Every_command_asks_for_its_arguments_by_their_declared_names()
    {
        var names = Enumerable.Range(0, CommandTable.Count).Select(i => CommandTable.At(i).Name).ToList();
        Assert.Equal(names.Count, names.Distinct().Count());
        for (int i = 0; i < CommandTable.Count; i++)
        {
            CommandDefinition command = CommandTable.At(i);
            Assert.StartsWith(command.Name, command.Syntax, StringComparison.Ordinal);
            var prefix = new List<string> { command.Name };
            for (int k = 0; k < command.ArgumentCount; k++)
            {
                ArgumentDefinition argument = command.Argument(k);
                BoardLine reply = new LinkHarness().Command(string.Join(' ', prefix));
                Assert.True(reply.ErrorCode == "MISSING_ARGUMENT", $"{string.Join(' ', prefix)}: {reply}");
                Assert.Equal(argument.Name, reply.Field(WireField.Expected));
                prefix.Add(ValidToken(argument));
            }

            BoardLine complete = new LinkHarness().Command(string.Join(' ', prefix) + " extra");
            Assert.True(complete.ErrorCode is "TOO_MANY_ARGUMENTS" or "BAD_JSON", $"{command.Name} takes more than {command.ArgumentCount} arguments: {complete}");
        }
    }

    [Fact]
    public void Numbers_just_outside_the_declared_ranges_are_refused_and_keywords_are_checked()
    {
        for (int i = 0; i < CommandTable.Count; i++)
        {
            CommandDefinition command = CommandTable.At(i);
            for (int k = 0; k < command.ArgumentCount; k++)
            {
                ArgumentDefinition argument = command.Argument(k);
                string prefix = string.Join(' ', new[] { command.Name }.Concat(Enumerable.Range(0, k).Select(j => ValidToken(command.Argument(j)))));
                var refused = new List<string>();
                if (argument.Kind is ArgumentKind.Int or ArgumentKind.Long)
                {
                    refused.Add(((Int128)argument.Min - 1).ToString());
                    refused.Add(((Int128)argument.Max + 1).ToString());
                    string accepted = $"{prefix} {argument.Max}";
                    BoardLine reply = new LinkHarness().Command(accepted);
                    Assert.False(reply.Fields.TryGetValue(WireField.Argument, out string? arg) && arg == argument.Name, $"{accepted}: {reply}");
                }
                else if (argument.Kind == ArgumentKind.Keyword)
                {
                    refused.Add("BOGUS");
                    for (int c = 0; c < argument.ChoiceCount; c++)
                    {
                        BoardLine reply = new LinkHarness().Command($"{prefix} {argument.Choice(c)}");
                        Assert.NotEqual("BAD_ARGUMENT", reply.ErrorCode);
                    }
                }

                foreach (string token in refused)
                {
                    BoardLine reply = new LinkHarness().Command($"{prefix} {token}");
                    Assert.True(reply.ErrorCode is "BAD_ARGUMENT" or "OUT_OF_RANGE", $"{prefix} {token}: {reply}");
                    Assert.Equal(argument.Name, reply.Field(WireField.Argument));
                }
            }
        }
    }
}
