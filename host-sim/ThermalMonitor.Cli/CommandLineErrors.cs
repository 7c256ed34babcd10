using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace ThermalMonitor.Cli;

/// <summary>
/// The first thing wrong on the command line as one line in the user's terms: System.CommandLine's
/// own messages name .NET types ("System.Nullable`1[System.UInt64]") and report an unknown command
/// as a missing one.
/// </summary>
public static class CommandLineErrors
{
    public static string Describe(ParseResult parsed)
    {
        Command command = parsed.CommandResult.Command;
        if (command.Subcommands.Count > 0 && command.Action is null)
        {
            string commands = string.Join(", ", command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name));
            string prefix = command is RootCommand ? string.Empty : command.Name + ": ";
            return parsed.UnmatchedTokens.FirstOrDefault(t => !t.StartsWith('-')) is { } unknown
                ? $"{prefix}unknown command '{unknown}'; commands: {commands}"
                : $"{prefix}no command given; commands: {commands}";
        }

        foreach (ParseError error in parsed.Errors)
        {
            if (Unconvertible(error) is { } message)
            {
                return message;
            }
        }

        return parsed.Errors[0].Message;
    }

    /// <summary>A value that is not of its option's type, said with the range the option takes.</summary>
    private static string? Unconvertible(ParseError error)
    {
        OptionResult? result = error.SymbolResult as OptionResult ?? error.SymbolResult?.Parent as OptionResult;
        if (result is null || result.Tokens.Count == 0 || Expected(result.Option.ValueType) is not { } expected)
        {
            return null;
        }

        return $"{result.Option.Name}: expected {expected}, got '{result.Tokens[^1].Value}'";
    }

    private static string? Expected(Type valueType)
    {
        Type type = Nullable.GetUnderlyingType(valueType) ?? valueType;
        return type == typeof(ulong) ? Whole(ulong.MinValue, ulong.MaxValue)
            : type == typeof(long) ? Whole(long.MinValue, long.MaxValue)
            : type == typeof(int) ? Whole(int.MinValue, int.MaxValue)
            : type == typeof(double) ? "a number (e.g. 2.5)"
            : type == typeof(bool) ? "true or false"
            : null;
    }

    private static string Whole<T>(T min, T max) where T : IFormattable =>
        string.Create(CultureInfo.InvariantCulture, $"a whole number from {min} to {max}");
}
