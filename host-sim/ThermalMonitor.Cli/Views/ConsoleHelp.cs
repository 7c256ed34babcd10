using System.Globalization;
using System.Text;
using ThermalMonitor.Core.Dictionary;
using ThermalMonitor.Core.Link;

namespace ThermalMonitor.Cli.Views;

/// <summary>
/// What <c>help</c> prints in <c>board console</c>: the board's commands from the firmware's own
/// <see cref="CommandTable"/> (the table <c>thermal-sim dictionary</c> exports), so the list cannot
/// fall behind the board, and the console's own words.
/// </summary>
public static class ConsoleHelp
{
    /// <summary>Every command with its forms and what it does, then the console's words.</summary>
    public static string All()
    {
        var text = new StringBuilder();
        text.AppendLine("Board commands (PROTOCOL.md section 6), each sent with the next sequence number and its check:");
        for (int i = 0; i < CommandTable.Count; i++)
        {
            CommandDefinition command = CommandTable.At(i);
            text.AppendLine($"  {command.Syntax}");
            text.AppendLine($"      {command.Meaning}");
        }

        text.AppendLine("Command words and keywords may be typed in lower case (ack all is sent as ACK ALL); a JSON document goes as typed.");
        text.AppendLine("Console: help <COMMAND> shows one command's arguments; quit, exit or end of input (Ctrl+D) leaves; so does Ctrl+C.");
        return text.ToString();
    }

    /// <summary>One command in full: forms, meaning, reply and each argument; null when the board has no such command.</summary>
    public static string? One(string word)
    {
        if (TypedCommand.Find(word) is not { } command)
        {
            return null;
        }

        var text = new StringBuilder();
        text.AppendLine(command.Syntax);
        text.AppendLine($"  {command.Meaning}");
        text.AppendLine($"  reply: {command.Reply}");
        text.AppendLine(command.UncheckedForm.Length == 0
            ? "  changes the board: typed in a serial terminal it needs its check (the console adds it)"
            : $"  read-only: '{command.UncheckedForm}' may also be typed without a check in a serial terminal");
        for (int i = 0; i < command.ArgumentCount; i++)
        {
            ArgumentDefinition argument = command.Argument(i);
            text.AppendLine($"  {argument.Name}: {argument.Meaning}{Range(argument)}{(argument.Condition.Length == 0 ? string.Empty : $" ({argument.Condition})")}");
        }

        return text.ToString();
    }

    private static string Range(ArgumentDefinition argument) => argument.Kind is ArgumentKind.Int or ArgumentKind.Long
        ? $"; {argument.Min.ToString(CultureInfo.InvariantCulture)}..{argument.Max.ToString(CultureInfo.InvariantCulture)}"
        : string.Empty;
}
