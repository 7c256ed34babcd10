namespace ThermalMonitor.Cli;

/// <summary>
/// Ctrl+C as a cancellation: the first press asks the running command to stop (so it can clean up,
/// e.g. give a board its configuration back); a second press ends the process at once.
/// </summary>
public sealed class StopRequest : IDisposable
{
    private readonly CancellationTokenSource source = new();

    public StopRequest() => Console.CancelKeyPress += OnCancelKeyPress;

    public CancellationToken Token => source.Token;

    public void Dispose()
    {
        Console.CancelKeyPress -= OnCancelKeyPress;
        source.Dispose();
    }

    private void OnCancelKeyPress(object? sender, ConsoleCancelEventArgs e)
    {
        e.Cancel = !source.IsCancellationRequested;
        source.Cancel();
    }
}
