using ThermalMonitor.Cli.Dashboard;

namespace ThermalMonitor.Cli.Tests;

/// <summary>
/// The dashboard's hand-out of messages to pages: every page gets every message, a slow page loses
/// its oldest, and a closing server ends every page's stream after what was already waiting.
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
            await foreach (PageMessage message in fanOut.Subscribe(guard.Token))
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
        await foreach (PageMessage message in fanOut.Subscribe(guard.Token))
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
        await using IAsyncEnumerator<PageMessage> page = fanOut.Subscribe(guard.Token).GetAsyncEnumerator(guard.Token);
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
}
