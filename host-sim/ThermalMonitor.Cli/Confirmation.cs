namespace ThermalMonitor.Cli;

/// <summary>
/// A yes/no question before something that cannot be undone, asked only of a person at a terminal:
/// from a script or a pipe nobody can answer, so the command needs its <c>--yes</c> there instead.
/// </summary>
public static class Confirmation
{
    /// <summary>Whether someone can answer: standard input is a terminal.</summary>
    public static bool CanAsk => !Console.IsInputRedirected;

    /// <summary>Asks on standard error (standard output may be piped) and reads one line; only y or yes is a yes.</summary>
    public static bool Ask(string question)
    {
        Console.Error.Write($"{question} [y/N] ");
        string answer = (Console.ReadLine() ?? string.Empty).Trim();
        return answer.Equals("y", StringComparison.OrdinalIgnoreCase) || answer.Equals("yes", StringComparison.OrdinalIgnoreCase);
    }
}
