using FsCheck;
using FsCheck.Fluent;
using ThermalMonitor.Core.Acquisition;

namespace ThermalMonitor.Core.Tests.Acquisition;

public class BurstReducerTests
{
    [Fact]
    public void Trimmed_mean_in_q8_drops_the_extremes()
    {
        var reducer = new BurstReducer();
        int[] reads = [100, 101, 102, 103, 4000, 0, 104, 105];
        Assert.True(reducer.Reduce(reads, reads.Length, trimEachSide: 1, outlierBandCounts: 24));
        Assert.Equal((100 + 101 + 102 + 103 + 104 + 105) * 256 / 6, reducer.CountsQ8);
        Assert.Equal(5, reducer.SpreadCounts);
        Assert.Equal(2, reducer.RejectedCount);
    }

    [Fact]
    public void An_outlier_burst_up_to_the_trim_cannot_move_the_result()
    {
        var reducer = new BurstReducer();
        int[] clean = Enumerable.Repeat(2000, 32).ToArray();
        int[] burst = (int[])clean.Clone();
        for (int i = 10; i < 14; i++)
        {
            burst[i] = 4095;
        }

        Assert.True(reducer.Reduce(clean, 32, 4, 24));
        int cleanQ4 = reducer.CountsQ8;
        Assert.True(reducer.Reduce(burst, 32, 4, 24));
        Assert.Equal(cleanQ4, reducer.CountsQ8);
        Assert.Equal(4, reducer.RejectedCount);
    }

    [Theory]
    [InlineData(new[] { 10, 20, -1, 30 })]
    [InlineData(new[] { 10, 4096, 30, 40 })]
    public void Out_of_range_counts_are_a_failed_read(int[] reads) =>
        Assert.False(new BurstReducer().Reduce(reads, reads.Length, 1, 24));

    [Fact]
    public void A_burst_too_short_for_the_trim_is_a_failed_read() =>
        Assert.False(new BurstReducer().Reduce([1, 2, 3, 4], 4, 2, 24));

    [Fact]
    public void Result_is_order_independent_and_within_the_kept_reads() =>
        Prop.ForAll(Gen.ArrayOf(Gen.Choose(0, 4095), 32).ToArbitrary(), Gen.Choose(0, 15).ToArbitrary(), (reads, trim) =>
        {
            var reducer = new BurstReducer();
            reducer.Reduce(reads, 32, trim, 24);
            int forward = reducer.CountsQ8;
            int[] reversed = reads.Reverse().ToArray();
            reducer.Reduce(reversed, 32, trim, 24);
            int[] kept = reads.Order().Skip(trim).Take(32 - 2 * trim).ToArray();
            return forward == reducer.CountsQ8 && forward >= kept.Min() * 256 && forward <= kept.Max() * 256;
        }).QuickCheckThrowOnFailure();
}
