using System.Threading.Channels;

namespace ThermalMonitor.Cli.Dashboard;

/// <summary>
/// Hands every message (a board line, the board link's state, a replay's progress) to each open page. A page that falls behind loses its
/// oldest lines, never the board's link: the reader thread only writes to bounded channels.
/// </summary>
public sealed class PageFanOut
{
    /// <summary>Lines a page may lag behind before its oldest are dropped (about 100 s of 10 Hz telemetry).</summary>
    public const int PerPageBacklogLines = 1024;

    private readonly Lock gate = new();
    private readonly List<Channel<PageMessage>> pages = [];
    private bool closed;

    /// <summary>Pages connected now.</summary>
    public int PageCount
    {
        get
        {
            lock (gate)
            {
                return pages.Count;
            }
        }
    }

    /// <summary>Sends one message to every page.</summary>
    public void Publish(PageMessage message)
    {
        lock (gate)
        {
            foreach (Channel<PageMessage> page in pages)
            {
                page.Writer.TryWrite(message);
            }
        }
    }

    /// <summary>Ends every page's messages after those already waiting, and those of pages that subscribe later at once: the server is stopping.</summary>
    public void Close()
    {
        lock (gate)
        {
            closed = true;
            foreach (Channel<PageMessage> page in pages)
            {
                page.Writer.TryComplete();
            }
        }
    }

    /// <summary>The messages published from now on, until <paramref name="cancellation"/> (the page went away) or <see cref="Close"/>.</summary>
    public async IAsyncEnumerable<PageMessage> Subscribe([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellation)
    {
        Channel<PageMessage> page = Channel.CreateBounded<PageMessage>(new BoundedChannelOptions(PerPageBacklogLines)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        lock (gate)
        {
            pages.Add(page);
            if (closed)
            {
                page.Writer.TryComplete();
            }
        }

        try
        {
            while (await page.Reader.WaitToReadAsync(cancellation).ConfigureAwait(false))
            {
                while (page.Reader.TryRead(out PageMessage? message))
                {
                    yield return message;
                }
            }
        }
        finally
        {
            lock (gate)
            {
                pages.Remove(page);
            }
        }
    }
}
