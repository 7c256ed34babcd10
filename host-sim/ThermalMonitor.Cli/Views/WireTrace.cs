using ThermalMonitor.Link;

namespace ThermalMonitor.Cli.Views;

/// <summary>
/// <c>--raw</c>: the protocol lines of a board command as they travel, what was sent prefixed
/// <c>&gt; </c> and what came back <c>&lt; </c> (PROTOCOL.md's own notation), instead of sentences.
/// Lines the board sends unasked meanwhile (telemetry, events) are shown too: they are on the wire.
/// </summary>
public sealed class WireTrace : IDisposable
{
    private static readonly TimeSpan ShownTimeout = TimeSpan.FromSeconds(2);

    private readonly BoardClient client;
    private readonly TextWriter writer;
    private readonly object gate = new();
    private readonly HashSet<BoardLine> shown = new(ReferenceEqualityComparer.Instance);
    private bool closed;

    public WireTrace(BoardClient client, TextWriter writer)
    {
        this.client = client;
        this.writer = writer;
        client.LineSent += Sent;
        client.LineReceived += Received;
    }

    /// <summary>
    /// Waits until <paramref name="reply"/> has been written: the client hands a reply to its
    /// caller before it raises <see cref="BoardClient.LineReceived"/> for it, so without waiting the
    /// command could end before its reply is shown.
    /// </summary>
    public void WaitShown(BoardLine reply)
    {
        lock (gate)
        {
            DateTime deadline = DateTime.UtcNow + ShownTimeout;
            while (!shown.Contains(reply) && DateTime.UtcNow < deadline)
            {
                Monitor.Wait(gate, deadline - DateTime.UtcNow);
            }
        }
    }

    /// <summary>Stops showing lines; a line being written meanwhile is finished first, so none is cut off at exit.</summary>
    public void Dispose()
    {
        client.LineSent -= Sent;
        client.LineReceived -= Received;
        lock (gate)
        {
            closed = true;
        }
    }

    private void Sent(string line) => Write("> " + line, null);

    private void Received(BoardLine line) => Write("< " + line.Text, line);

    private void Write(string text, BoardLine? received)
    {
        lock (gate)
        {
            if (closed)
            {
                return;
            }

            writer.WriteLine(text);
            if (received is not null)
            {
                shown.Add(received);
                Monitor.PulseAll(gate);
            }
        }
    }
}
