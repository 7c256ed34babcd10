using ThermalMonitor.Cli.Dashboard;

namespace ThermalMonitor.Cli.Tests;

/// <summary>
/// What the dashboard keeps for a page that connects later: all telemetry up to its bound, then the
/// whole run at a coarser grain, still starting at the first line and ending at the newest; the
/// newest alarms and events; nothing of the kinds not kept; all in the order published.
/// </summary>
public sealed class PageHistoryTests
{
    private static long lastId;

    private static PageMessage Published(PageHistoryKind kept) =>
        new("line", "{}", kept) { Id = Interlocked.Increment(ref lastId) };

    [Fact]
    public void Up_to_its_bound_every_telemetry_line_is_kept_in_order_and_marked_past()
    {
        var history = new PageHistory();
        PageMessage[] lines = [.. Enumerable.Range(0, PageHistory.TelemetryLines).Select(_ => Published(PageHistoryKind.Telemetry))];
        foreach (PageMessage line in lines)
        {
            history.Add(line);
        }

        List<PageMessage> kept = history.After(0);
        Assert.Equal(lines.Select(l => l.Id), kept.Select(l => l.Id));
        Assert.All(kept, l => Assert.True(l.Past));
    }

    [Theory]
    [InlineData(PageHistory.TelemetryLines + 1)]
    [InlineData(14_400)]   // 48 h of MS-22 at 600×: a line every 12 s of profile
    [InlineData(100_000)]
    public void A_long_run_is_kept_whole_at_a_coarser_grain_within_the_bound(int count)
    {
        var history = new PageHistory();
        PageMessage[] lines = [.. Enumerable.Range(0, count).Select(_ => Published(PageHistoryKind.Telemetry))];
        foreach (PageMessage line in lines)
        {
            history.Add(line);
        }

        long[] kept = [.. history.After(0).Select(l => l.Id)];
        Assert.InRange(kept.Length, PageHistory.TelemetryLines / 2, PageHistory.TelemetryLines + 1);
        Assert.Equal(lines[0].Id, kept[0]);
        Assert.Equal(lines[^1].Id, kept[^1]);
        // Evenly spaced, a power of two apart; only the newest line (kept besides) may come sooner.
        long[] gaps = [.. kept.Zip(kept.Skip(1), (a, b) => b - a)];
        long stride = gaps[0];
        Assert.True(stride > 1 && (stride & (stride - 1)) == 0, $"stride {stride}");
        Assert.All(gaps[..^1], gap => Assert.Equal(stride, gap));
        Assert.InRange(gaps[^1], 1, stride);
    }

    [Fact]
    public void Of_alarms_and_events_the_newest_are_kept_and_merged_with_telemetry_in_the_order_published()
    {
        var history = new PageHistory();
        var published = new List<PageMessage>();
        for (int n = 0; n < PageHistory.NewestLines + 50; n++)
        {
            published.Add(Published(PageHistoryKind.Newest));
            published.Add(Published(PageHistoryKind.Telemetry));
            published.Add(Published(PageHistoryKind.None));
        }

        foreach (PageMessage message in published)
        {
            history.Add(message);
        }

        List<PageMessage> kept = history.After(0);
        Assert.DoesNotContain(kept, m => m.Kept == PageHistoryKind.None);
        Assert.Equal(PageHistory.NewestLines, kept.Count(m => m.Kept == PageHistoryKind.Newest));
        Assert.Equal(published.Where(m => m.Kept == PageHistoryKind.Newest).TakeLast(PageHistory.NewestLines).Select(m => m.Id),
            kept.Where(m => m.Kept == PageHistoryKind.Newest).Select(m => m.Id));
        Assert.Equal(published.Count(m => m.Kept == PageHistoryKind.Telemetry), kept.Count(m => m.Kept == PageHistoryKind.Telemetry));
        Assert.Equal(kept.Select(m => m.Id).Order(), kept.Select(m => m.Id));
    }

    [Fact]
    public void After_an_id_only_later_messages_are_given()
    {
        var history = new PageHistory();
        PageMessage[] lines = [.. Enumerable.Range(0, 20).Select(n => Published(n % 2 == 0 ? PageHistoryKind.Telemetry : PageHistoryKind.Newest))];
        foreach (PageMessage line in lines)
        {
            history.Add(line);
        }

        Assert.Equal(lines.Skip(15).Select(l => l.Id), history.After(lines[14].Id).Select(l => l.Id));
        Assert.Empty(history.After(lines[^1].Id));
    }
}
