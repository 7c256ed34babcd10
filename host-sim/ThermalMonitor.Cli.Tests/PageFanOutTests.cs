using ThermalMonitor.Cli.Dashboard;

namespace ThermalMonitor.Cli.Tests;

/// <summary>
/// The dashboard's hand-out of messages to pages: every page gets every message, a slow page loses
/// its oldest, a closing server ends every page's stream after what was already waiting, and a page
/// that connects later is given the history first, each message exactly once.
/// </summary>
public sealed class PageFanOutTests
{
    private static PageMessage Message(int n) => new("line", $"{{\"n\":{n}}}");

    [Fact]
    public async Task Close_ends_each_pages_stream_after_the_messages_already_waiting()
    {
        var fanOut = new PageFanOut();
        var received = new List<string>();
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        Task reading = Task.Run(async () =>
        {
            await foreach (PageMessage message in fanOut.Subscribe(0, guard.Token))
            {
                received.Add(message.Json);
            }
        });
        SpinWait.SpinUntil(() => fanOut.PageCount == 1, TimeSpan.FromSeconds(10));

        fanOut.Publish(Message(1));
        fanOut.Publish(Message(2));
        fanOut.Close();
        await reading;

        Assert.False(guard.IsCancellationRequested);
        Assert.Equal(["{\"n\":1}", "{\"n\":2}"], received);
        Assert.Equal(0, fanOut.PageCount);
    }

    [Fact]
    public async Task A_page_that_connects_after_close_ends_at_once()
    {
        var fanOut = new PageFanOut();
        fanOut.Close();
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        int count = 0;
        await foreach (PageMessage message in fanOut.Subscribe(0, guard.Token))
        {
            count++;
        }

        Assert.False(guard.IsCancellationRequested);
        Assert.Equal(0, count);
    }

    [Fact]
    public async Task A_page_that_falls_behind_loses_its_oldest_messages_and_keeps_the_newest()
    {
        var fanOut = new PageFanOut();
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using IAsyncEnumerator<PageMessage> page = fanOut.Subscribe(0, guard.Token).GetAsyncEnumerator(guard.Token);
        Task<bool> first = page.MoveNextAsync().AsTask();   // subscribes, then waits
        SpinWait.SpinUntil(() => fanOut.PageCount == 1, TimeSpan.FromSeconds(10));
        int published = PageFanOut.PerPageBacklogLines + 100;
        for (int n = 1; n <= published; n++)
        {
            fanOut.Publish(Message(n));
        }

        fanOut.Close();
        var received = new List<string>();
        for (bool more = await first; more; more = await page.MoveNextAsync())
        {
            received.Add(page.Current.Json);
        }

        Assert.InRange(received.Count, PageFanOut.PerPageBacklogLines, PageFanOut.PerPageBacklogLines + 1);
        Assert.Equal($"{{\"n\":{published}}}", received[^1]);
    }

    private static PageMessage Telemetry(int n) => new("line", $"{{\"tlm\":{n}}}", PageHistoryKind.Telemetry);

    private static async Task<List<PageMessage>> ReadUntilClosed(IAsyncEnumerable<PageMessage> page)
    {
        var received = new List<PageMessage>();
        await foreach (PageMessage message in page)
        {
            received.Add(message);
        }

        return received;
    }

    [Fact]
    public async Task A_page_that_connects_later_gets_the_kept_messages_first_then_the_live_ones_each_once()
    {
        var fanOut = new PageFanOut();
        fanOut.Publish(Telemetry(1));
        fanOut.Publish(Message(2) with { Kept = PageHistoryKind.Newest });
        fanOut.Publish(new PageMessage("replay", "{}"));    // state: the server gives its newest itself
        fanOut.Publish(Telemetry(3));
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        Task<List<PageMessage>> reading = Task.Run(() => ReadUntilClosed(fanOut.Subscribe(0, guard.Token)));
        SpinWait.SpinUntil(() => fanOut.PageCount == 1, TimeSpan.FromSeconds(10));
        fanOut.Publish(Telemetry(5));
        fanOut.Close();
        List<PageMessage> received = await reading;

        Assert.Equal(["{\"tlm\":1}", "{\"n\":2}", "{\"tlm\":3}", "{\"tlm\":5}"], received.Select(m => m.Json));
        Assert.Equal([true, true, true, false], received.Select(m => m.Past));
        Assert.Equal([1L, 2L, 4L, 5L], received.Select(m => m.Id));
    }

    [Fact]
    public async Task A_page_that_reconnects_gets_only_what_came_after_the_last_message_it_had()
    {
        var fanOut = new PageFanOut();
        for (int n = 1; n <= 10; n++)
        {
            fanOut.Publish(Telemetry(n));
        }

        fanOut.Close();
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        List<PageMessage> received = await ReadUntilClosed(fanOut.Subscribe(7, guard.Token));

        Assert.Equal([8L, 9L, 10L], received.Select(m => m.Id));
    }

    // Publishing from another thread while pages join: each page's ids must run on without a gap or a
    // repeat from its first past message to the last message published (all telemetry, none thinned).
    [Fact]
    public async Task Pages_joining_while_messages_are_published_miss_none_and_get_none_twice()
    {
        var fanOut = new PageFanOut();
        const int published = 1500;   // fewer than the history keeps, and than a page's backlog
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var readers = new List<Task<List<PageMessage>>>();
        Task publishing = Task.Run(() =>
        {
            for (int n = 1; n <= published; n++)
            {
                fanOut.Publish(Telemetry(n));
                if (n % 100 == 0)
                {
                    Thread.Yield();
                }
            }
        });
        for (int page = 0; page < 8; page++)
        {
            readers.Add(Task.Run(() => ReadUntilClosed(fanOut.Subscribe(0, guard.Token))));
            await Task.Delay(1);
        }

        await publishing;
        SpinWait.SpinUntil(() => fanOut.PageCount == readers.Count, TimeSpan.FromSeconds(10));
        fanOut.Close();
        foreach (Task<List<PageMessage>> reader in readers)
        {
            long[] ids = [.. (await reader).Select(m => m.Id)];
            Assert.Equal(Enumerable.Range(1, published).Select(n => (long)n), ids);
        }
    }
}
