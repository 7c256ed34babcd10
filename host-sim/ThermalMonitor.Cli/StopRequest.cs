using System.Runtime.InteropServices;

namespace ThermalMonitor.Cli;

/// <summary>
/// Ctrl+C as a cancellation: the first press asks the running command to stop (so it can clean up,
/// e.g. give a board its configuration back, remove a virtual board's link); a second press ends
/// the process at once. SIGTERM (kill, systemd, docker stop) and SIGHUP (the terminal closed) ask
/// the same way, or the process would die without its cleanup.
/// </summary>
public sealed class StopRequest : IDisposable
{
    private readonly CancellationTokenSource source = new();
    private readonly PosixSignalRegistration[] signals;

    public StopRequest()
    {
        Console.CancelKeyPress += OnCancelKeyPress;
        signals = OperatingSystem.IsWindows()
            ? []
            : [PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal), PosixSignalRegistration.Create(PosixSignal.SIGHUP, OnSignal)];
    }

    public CancellationToken Token => source.Token;

    /// <summary>What asked the command to stop, as a person knows it: "Ctrl+C", "SIGTERM" or "SIGHUP"; null until then.</summary>
    public string? Reason { get; private set; }

    /// <summary>The exit code for a run this request stopped: 128 + the signal's number, as shells report it.</summary>
    public int ExitCode => Reason switch
    {
        "SIGTERM" => ExitCodes.Terminated,
        "SIGHUP" => ExitCodes.HungUp,
        _ => ExitCodes.Interrupted,
    };

    public void Dispose()
    {
        Console.CancelKeyPress -= OnCancelKeyPress;
        foreach (PosixSignalRegistration signal in signals)
        {
            signal.Dispose();
        }

        source.Dispose();
    }

    private void OnCancelKeyPress(object? sender, ConsoleCancelEventArgs e)
    {
        e.Cancel = !source.IsCancellationRequested;
        Stop("Ctrl+C");
    }

    private void OnSignal(PosixSignalContext context)
    {
        context.Cancel = !source.IsCancellationRequested;
        Stop(context.Signal == PosixSignal.SIGTERM ? "SIGTERM" : "SIGHUP");
    }

    private void Stop(string reason)
    {
        // The first request names the stop; a second one only ends the process.
        Reason ??= reason;
        source.Cancel();
    }
}
