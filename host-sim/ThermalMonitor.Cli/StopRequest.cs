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
        source.Cancel();
    }

    private void OnSignal(PosixSignalContext context)
    {
        context.Cancel = !source.IsCancellationRequested;
        source.Cancel();
    }
}
