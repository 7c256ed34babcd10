using System.Threading.Channels;

namespace ThermalMonitor.Cli.Dashboard;

/// <summary>
/// Hands every board line (as its JSON text) to each open page. A page that falls behind loses its
/// oldest lines, never the board's link: the reader thread only writes to bounded channels.
/// </summary>
public sealed class LineFanOut
{
    /// <summary>Lines a page may lag behind before its oldest are dropped (about 100 s of 10 Hz telemetry).</summary>
    public const int PerPageBacklogLines = 1024;

    private readonly Lock gate = new();
    private readonly List<Channel<string>> pages = [];

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

    /// <summary>Sends one line to every page.</summary>
    public void Publish(string json)
    {
        lock (gate)
        {
            foreach (Channel<string> page in pages)
            {
                page.Writer.TryWrite(json);
            }
        }
    }

    /// <summary>The lines published from now on, until <paramref name="cancellation"/> (the page went away).</summary>
    public async IAsyncEnumerable<string> Subscribe([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellation)
    {
        Channel<string> page = Channel.CreateBounded<string>(new BoundedChannelOptions(PerPageBacklogLines)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        lock (gate)
        {
            pages.Add(page);
        }

        try
        {
            while (await page.Reader.WaitToReadAsync(cancellation).ConfigureAwait(false))
            {
                while (page.Reader.TryRead(out string? json))
                {
                    yield return json;
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
