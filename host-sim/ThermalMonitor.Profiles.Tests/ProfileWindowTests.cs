using ThermalMonitor.Profiles;

namespace ThermalMonitor.Profiles.Tests;

public class ProfileWindowTests
{
    private static readonly Profile TenSeconds = new(
        "ten",
        new Dictionary<string, string> { ["period_ms"] = "1000" },
        Enumerable.Range(0, 11).Select(i => new ProfileRow(i, 200 - i, 20 + (0.1 * i))));

    [Fact]
    public void A_window_keeps_the_rows_between_its_ends_inclusive_at_their_own_times()
    {
        Profile cut = ProfileWindow.Cut(TenSeconds, 2.5, 6);

        Assert.Equal([3.0, 4.0, 5.0, 6.0], cut.Rows.Select(r => r.TimeS));
        Assert.Equal(197.0, cut.Rows[0].PressureKpa);
        Assert.Equal(TenSeconds.Name, cut.Name);
        Assert.Equal(TenSeconds.Metadata, cut.Metadata);
        Assert.Equal(3.0, cut.DurationS);
    }

    [Theory]
    [InlineData(6, 6, "must end after it starts")]
    [InlineData(7, 2, "must end after it starts")]
    [InlineData(3.2, 3.9, "holds 0 row(s) of ten, which runs from 0 s to 10 s")]
    [InlineData(10, 20, "holds 1 row(s)")]
    [InlineData(double.NaN, 2, "must end after it starts")]
    public void An_empty_inverted_or_one_row_window_is_refused(double fromS, double toS, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => ProfileWindow.Cut(TenSeconds, fromS, toS));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
