namespace ThermalMonitor.Profiles.Tests;

/// <summary>
/// The replay's median of a streamed profile is chosen in passes over its rows instead of sorting
/// them all in memory; it must be exactly what sorting gives, at every rank.
/// </summary>
public sealed class ExactMedianTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 7)]
    [InlineData(1_000, 0.001)]   // tight values: the first pass leaves one bucket
    [InlineData(5_000, 1e300)]   // values across the whole exponent range
    public void Every_rank_is_what_sorting_gives(int count, double scale)
    {
        var random = new Random(count);
        double[] values = [.. Enumerable.Range(0, count).Select(_ => Math.Round(random.NextDouble() * 20) / 20 * scale)];
        double[] sorted = [.. values.Order()];

        for (int rank = 0; rank < count; rank += Math.Max(1, count / 97))
        {
            Assert.Equal(sorted[rank], ExactMedian.Select(() => values, rank));
        }
    }

    [Fact]
    public void More_candidates_than_it_sorts_at_once_are_narrowed_by_further_passes()
    {
        // 1.5 M values sharing their top 16 bits: the first pass cannot narrow them below the sort limit.
        const int count = 1_500_000;
        IEnumerable<double> Values()
        {
            for (int i = 0; i < count; i++)
            {
                yield return 1.0 + ((i * 7919L % count) / (double)count / 32);
            }
        }

        double[] sorted = [.. Values().Order()];

        foreach (long rank in new long[] { 0, count / 2, count - 1 })
        {
            Assert.Equal(sorted[rank], ExactMedian.Select(Values, rank));
        }
    }

    [Fact]
    public void Zero_and_negative_zero_are_one_value_and_a_negative_one_is_refused()
    {
        Assert.Equal(0.0, ExactMedian.Select(() => [-0.0, 0.0, 1.0], 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ExactMedian.Select(() => [1.0, -1.0], 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ExactMedian.Select(() => [1.0], 1));
    }
}
