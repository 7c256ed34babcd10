using ThermalMonitor.Core.Acquisition;

namespace ThermalMonitor.Core.Tests.Acquisition;

/// <summary>
/// The histogram reducer against the sorting oracle (<see cref="SortingBurstReducer"/>): same
/// return value and same three outputs — also the outputs left unchanged by a refused burst — on
/// random bursts of every length the configuration allows (1..64) with every trim it allows, ties,
/// the rails 0 and 4095, all-equal bursts, outliers, reads at and just past the histogram's edge
/// (the sorting fallback), bursts spread over the whole ADC range, and invalid reads anywhere.
/// </summary>
public class BurstReducerEquivalenceTests
{
    private static readonly int[] Bands = [0, 1, 2, 5, 24, 63, 64, 126, 127, 128, 129, 4095, -1, int.MaxValue];

    private enum Shape
    {
        Gaussian,
        GaussianWithOutliers,
        AllEqual,
        Rails,
        HistogramEdge,
        Uniform,
        OneInvalid,
    }

    [Fact]
    public void Every_length_and_trim_gives_the_sorted_results()
    {
        var random = new Random(20251111);
        var fast = new BurstReducer();
        var oracle = new SortingBurstReducer();
        int[] reads = new int[Channels.BurstLengthMax];
        int cases = 0;
        int sortedFallbacks = 0;
        for (int count = 1; count <= Channels.BurstLengthMax; count++)
        {
            for (int trim = 0; 2 * trim < count; trim++)
            {
                foreach (Shape shape in Enum.GetValues<Shape>())
                {
                    for (int repeat = 0; repeat < 6; repeat++)
                    {
                        Fill(reads, count, shape, random);
                        int band = repeat < 3 ? Bands[random.Next(Bands.Length)] : random.Next(1, 200);
                        bool expected = oracle.Reduce(reads, count, trim, band);
                        bool actual = fast.Reduce(reads, count, trim, band);
                        string context = $"count {count}, trim {trim}, band {band}, {shape}: [{string.Join(", ", reads.Take(count))}]";
                        Assert.True(expected == actual, context);
                        Assert.True(oracle.CountsQ8 == fast.CountsQ8, $"CountsQ8 {fast.CountsQ8} ≠ {oracle.CountsQ8}; {context}");
                        Assert.True(oracle.SpreadCounts == fast.SpreadCounts, $"SpreadCounts {fast.SpreadCounts} ≠ {oracle.SpreadCounts}; {context}");
                        Assert.True(oracle.RejectedCount == fast.RejectedCount, $"RejectedCount {fast.RejectedCount} ≠ {oracle.RejectedCount}; {context}");
                        cases++;
                        if (expected && Spread(reads, count) >= BurstReducer.HistogramBins / 2)
                        {
                            sortedFallbacks++;
                        }
                    }
                }
            }
        }

        Assert.True(cases > 40000, $"{cases} cases");
        Assert.True(sortedFallbacks > 1000, $"only {sortedFallbacks} valid bursts reached past the histogram");
    }

    [Fact]
    public void Refused_parameters_are_refused_alike()
    {
        var fast = new BurstReducer();
        var oracle = new SortingBurstReducer();
        int[] reads = [5, 6, 7, 8];
        foreach ((int count, int trim) in new[] { (0, 0), (4, 2), (4, -1), (65, 0) })
        {
            Assert.Equal(oracle.Reduce(reads, count, trim, 24), fast.Reduce(reads, count, trim, 24));
        }
    }

    private static int Spread(int[] reads, int count)
    {
        int first = reads[0];
        int widest = 0;
        for (int i = 0; i < count; i++)
        {
            widest = Math.Max(widest, Math.Abs(reads[i] - first));
        }

        return widest;
    }

    private static void Fill(int[] reads, int count, Shape shape, Random random)
    {
        int centre = random.Next(0, 4096);
        double sigma = new[] { 0.5, 1, 4, 8, 16 }[random.Next(5)];
        for (int i = 0; i < count; i++)
        {
            reads[i] = shape switch
            {
                Shape.AllEqual => centre,
                Shape.Rails => random.Next(3) switch { 0 => 0, 1 => 4095, _ => Clamp(random.Next(2) == 0 ? random.Next(0, 6) : random.Next(4090, 4096)) },
                Shape.Uniform => random.Next(0, 4096),
                _ => Clamp(centre + (int)Math.Round(sigma * Normal(random))),
            };
        }

        switch (shape)
        {
            case Shape.GaussianWithOutliers:
                for (int outliers = random.Next(1, 4); outliers > 0; outliers--)
                {
                    int magnitude = random.Next(20, 300);
                    reads[random.Next(count)] = Clamp(centre + (random.Next(2) == 0 ? magnitude : -magnitude));
                }

                break;
            case Shape.HistogramEdge:
                // Reads exactly at, and one past, the histogram's reach from the first read.
                int offset = new[] { -65, -64, -63, 62, 63, 64, 65 }[random.Next(7)];
                reads[0] = Math.Clamp(reads[0], 70, 4025);
                reads[random.Next(count)] = reads[0] + offset;
                break;
            case Shape.OneInvalid:
                reads[random.Next(count)] = new[] { -1, 4096, int.MinValue, int.MaxValue, -4096, 8191 }[random.Next(6)];
                break;
        }
    }

    private static int Clamp(int counts) => Math.Clamp(counts, 0, Channels.AdcCountsMax);

    private static double Normal(Random random) =>
        Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2.0 * Math.PI * random.NextDouble());
}
