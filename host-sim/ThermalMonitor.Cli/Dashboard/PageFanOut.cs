using System.Threading.Channels;

namespace ThermalMonitor.Cli.Dashboard;

/// <summary>
/// Hands every message (a board line, the board link's state, a replay's progress) to each open page. A page that falls behind loses its
/// oldest lines, never the board's link: the reader thread only writes to bounded channels. A page that connects later is
/// first given the <see cref="PageHistory"/>, taken under the same lock as it joins, so nothing is given twice or missed.
/// </summary>
public sealed class PageFanOut
{
    /// <summary>Lines a page may lag behind before its oldest are dropped (about 100 s of 10 Hz telemetry).</summary>
    public const int PerPageBacklogLines = 1024;

    private readonly Lock gate = new();
    private readonly List<Channel<PageMessage>> pages = [];
    private readonly PageHistory history = new();
    private long lastId;
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

    /// <summary>Sends one message to every page (numbered: its <see cref="PageMessage.Id"/>) and keeps it for later pages as its kind says.</summary>
    public void Publish(PageMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        lock (gate)
        {
            message = message with { Id = ++lastId };
            history.Add(message);
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

    /// <summary>
    /// What the history kept of the messages after <paramref name="afterId"/> (marked <see cref="PageMessage.Past"/>), then the
    /// messages published from now on, until <paramref name="cancellation"/> (the page went away) or <see cref="Close"/>.
    /// </summary>
    /// <param name="afterId">The last message the page already has (its SSE <c>Last-Event-ID</c> when it reconnects); 0: none.</param>
    /// <param name="cancellation">Ends the page's messages.</param>
    public async IAsyncEnumerable<PageMessage> Subscribe(long afterId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellation)
    {
        List<PageMessage> past;
        Channel<PageMessage> page = Channel.CreateBounded<PageMessage>(new BoundedChannelOptions(PerPageBacklogLines)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        lock (gate)
        {
            past = history.After(afterId);
            pages.Add(page);
            if (closed)
            {
                page.Writer.TryComplete();
            }
        }

        try
        {
            foreach (PageMessage message in past)
            {
                yield return message;
            }

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
