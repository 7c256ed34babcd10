using Spectre.Console;
using ThermalMonitor.Cli.Views;
using ThermalMonitor.Link;
using ThermalMonitor.Serial;
using ThermalMonitor.Targets;

namespace ThermalMonitor.Cli;

/// <summary>Connects to a board target for a command, turning connection failures into one-line user errors.</summary>
public static class BoardTargets
{
    public static TargetConnection Open(IAnsiConsole console, TargetSpec target, SerialTransport transport, bool acknowledgeAlarms = true)
    {
        if (target.Kind == TargetKind.Virtual)
        {
            console.MarkupLine("[grey]starting a virtual board...[/]");
        }

        try
        {
            TargetConnection connection = TargetConnection.Open(target.ToString(), acknowledgeAlarms: acknowledgeAlarms, serialTransport: transport);
            if (connection.BoardDevicePath is { } path)
            {
                string board = connection.Client.Hello is { } hello ? BoardReplyText.Describe(hello) : "board";
                Consoles.OneLine(console, $"connected to {path}: {board}", "grey");
            }

            return connection;
        }
        catch (ArgumentException e)
        {
            // An unsupported baud: the message lists the ones this OS takes.
            throw new UserInputException($"target {target}: {ArgumentExceptionText.WithoutParameterName(e)}");
        }
        catch (Exception e) when (e is IOException or TimeoutException or BoardProtocolException or PlatformNotSupportedException)
        {
            throw new UserInputException($"target {target}: {e.Message}");
        }
    }
}
