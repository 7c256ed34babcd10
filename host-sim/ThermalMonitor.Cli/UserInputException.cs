namespace ThermalMonitor.Cli;

/// <summary>Bad input from the user: reported as one line, exit code <see cref="ExitCodes.BadInput"/>.</summary>
public sealed class UserInputException(string message) : Exception(message);

public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The run worked and found expectations unmet (score).</summary>
    public const int ExpectationsFailed = 1;

    /// <summary>Bad arguments, files, cells or configuration.</summary>
    public const int BadInput = 2;

    /// <summary>
    /// A bug, or input nothing checked: the same code as bad input, since the command did not do its
    /// job either way (1 would read as "ran, expectations unmet"); the line says "internal error".
    /// </summary>
    public const int InternalError = 2;

    /// <summary>Stopped by Ctrl+C (128 + SIGINT, as shells report it), after cleaning up.</summary>
    public const int Interrupted = 130;

    /// <summary>Stopped by SIGHUP (the terminal closed; 128 + 1), after cleaning up.</summary>
    public const int HungUp = 129;

    /// <summary>Stopped by SIGTERM (kill, systemd, docker stop; 128 + 15), after cleaning up.</summary>
    public const int Terminated = 143;
}
