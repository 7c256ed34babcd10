using System.Globalization;
using System.Text;
using ThermalMonitor.Core.Dictionary;
using ThermalMonitor.Core.Link;

namespace ThermalMonitor.Cli;

/// <summary>
/// A line a person typed at <c>board console</c>, made ready for the wire (PROTOCOL.md §2, §6). Only
/// what the board cannot be told is refused here: a character outside printable ASCII (the board's
/// answer would name a byte of the framed line, not of what was typed). Everything else is the
/// board's to judge. For convenience the command word and the keywords the command table lists for
/// it (<c>ALL</c>, <c>GET</c>, <c>LIVE</c>, <c>DETECTOR</c>, …) are sent in upper case, so
/// <c>ack all</c> is <c>ACK ALL</c>; any other token, a JSON document included, goes as typed.
/// </summary>
public static class TypedCommand
{
    /// <summary>Why the line cannot be sent, in one sentence naming the 1-based character; null when it can.</summary>
    public static string? Refusal(string line)
    {
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (c is >= ' ' and <= '~')
            {
                continue;
            }

            string code = ((int)c).ToString("X4", CultureInfo.InvariantCulture);
            string what = char.IsControl(c) ? "a control character" : $"'{c}', not ASCII";
            return $"character {i + 1} is U+{code} ({what}); the board takes printable ASCII only, so the line was not sent";
        }

        return null;
    }

    /// <summary>
    /// The command to send for a line <see cref="Refusal"/> passed: trimmed, the command word and its
    /// keywords in upper case. An unknown command word is left as typed, for the board to refuse.
    /// </summary>
    public static string Wire(string line)
    {
        string text = line.Trim(' ');
        int wordEnd = text.IndexOf(' ');
        string word = wordEnd < 0 ? text : text[..wordEnd];
        CommandDefinition? command = Find(word);
        if (command is null)
        {
            return text;
        }

        var wire = new StringBuilder(command.Name, text.Length);
        int position = word.Length;
        while (position < text.Length)
        {
            int start = position;
            while (start < text.Length && text[start] == ' ')
            {
                start++;
            }

            wire.Append(text, position, start - position);
            if (start < text.Length && text[start] == '{')
            {
                // A configuration document runs to the end of the line: its names are case-sensitive.
                wire.Append(text, start, text.Length - start);
                break;
            }

            int end = text.IndexOf(' ', start);
            end = end < 0 ? text.Length : end;
            string token = text[start..end];
            wire.Append(Keyword(command, token) ?? token);
            position = end;
        }

        return wire.ToString();
    }

    /// <summary>The command whose word this is, in any case; null when the board has none by that name.</summary>
    public static CommandDefinition? Find(string word)
    {
        for (int i = 0; i < CommandTable.Count; i++)
        {
            CommandDefinition command = CommandTable.At(i);
            if (string.Equals(command.Name, word, StringComparison.OrdinalIgnoreCase))
            {
                return command;
            }
        }

        return null;
    }

    private static string? Keyword(CommandDefinition command, string token)
    {
        for (int a = 0; a < command.ArgumentCount; a++)
        {
            ArgumentDefinition argument = command.Argument(a);
            for (int c = 0; c < argument.ChoiceCount; c++)
            {
                if (string.Equals(argument.Choice(c), token, StringComparison.OrdinalIgnoreCase))
                {
                    return argument.Choice(c);
                }
            }
        }

        return null;
    }
}
