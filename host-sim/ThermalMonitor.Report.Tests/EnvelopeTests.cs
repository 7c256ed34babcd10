using ThermalMonitor.Report.Plotting;

namespace ThermalMonitor.Report.Tests;

public sealed class EnvelopeTests
{
    private const int Columns = 1000;

    private static double[] Times(int n) => [.. Enumerable.Range(0, n).Select(i => i * 0.1)];

    [Fact]
    public void Two_million_samples_decimate_to_two_points_per_column_and_keep_a_one_sample_spike()
    {
        const int n = 2_000_000;
        double[] t = Times(n);
        double[] v = [.. t.Select(x => 250 + Math.Sin(x / 900))];
        v[1_234_567] = 400; // one-sample spike
        v[765_432] = 100;   // one-sample dip

        var envelope = Envelope.Build(t, v, t[0], t[^1], Columns);

        Assert.InRange(envelope.PointCount, Columns, 2 * Columns);
        Assert.Single(envelope.Segments);
        var points = envelope.Segments.SelectMany(s => s).ToList();
        Assert.Equal(400, points.Max(p => p.Value));
        Assert.Equal(100, points.Min(p => p.Value));
        Assert.Contains(points, p => p.Value == 400 && p.TimeS == t[1_234_567]);
        Assert.Equal(400, envelope.Max);
        Assert.Equal(100, envelope.Min);
        // Time order is preserved within the polyline.
        Assert.True(points.Zip(points.Skip(1)).All(pair => pair.First.TimeS <= pair.Second.TimeS));
    }

    [Fact]
    public void Nan_everywhere_in_between_still_bounds_points_per_column()
    {
        const int n = 2_000_000;
        double[] t = Times(n);
        double[] v = [.. Enumerable.Range(0, n).Select(i => i % 3 == 0 ? double.NaN : Math.Sin(i))];

        var envelope = Envelope.Build(t, v, t[0], t[^1], Columns);

        Assert.InRange(envelope.PointCount, 1, Envelope.PointsPerColumnMax * Columns);
        Assert.InRange(envelope.Segments.Count, 1, 3 * Columns);
    }

    [Fact]
    public void Each_nan_run_starts_a_new_segment_when_gaps_are_wider_than_a_column()
    {
        double[] t = Times(1000);
        double[] v = [.. Enumerable.Range(0, 1000).Select(i => i is >= 300 and < 350 or >= 700 and < 720 ? double.NaN : i)];

        var envelope = Envelope.Build(t, v, t[0], t[^1], 100);

        Assert.Equal(3, envelope.Segments.Count);
        Assert.Equal(299, envelope.Segments[0][^1].Value);
        Assert.Equal(350, envelope.Segments[1][0].Value);
        Assert.Equal(720, envelope.Segments[2][0].Value);
    }

    [Fact]
    public void A_single_nan_sample_inside_a_crowded_column_still_breaks_the_line()
    {
        double[] t = Times(100_000);
        double[] v = [.. Enumerable.Repeat(1.0, 100_000)];
        v[50_000] = double.NaN;

        var envelope = Envelope.Build(t, v, t[0], t[^1], 100);

        Assert.Equal(2, envelope.Segments.Count);
    }

    [Fact]
    public void Sparse_samples_keep_their_exact_values_and_times()
    {
        double[] t = [0, 10, 20, 30];
        double[] v = [1, 5, 2, 8];

        var envelope = Envelope.Build(t, v, 0, 30, 1000);

        Assert.Equal([new PlotPoint(0, 1), new PlotPoint(10, 5), new PlotPoint(20, 2), new PlotPoint(30, 8)], envelope.Segments.Single());
    }

    [Fact]
    public void A_window_keeps_one_neighbour_each_side_but_scales_on_the_inside_only()
    {
        double[] t = Times(1000); // 0 … 99.9 s
        double[] v = [.. Enumerable.Range(0, 1000).Select(i => (double)i)];

        var envelope = Envelope.Build(t, v, 10.05, 20.05, 50);

        var points = envelope.Segments.Single();
        Assert.Equal(100, points[0].Value);   // the sample at 10.0 s, just before the window
        Assert.Equal(201, points[^1].Value);  // the sample at 20.1 s, just after it
        Assert.Equal(101, envelope.Min);
        Assert.Equal(200, envelope.Max);
    }

    [Fact]
    public void All_nan_window_has_no_data()
    {
        double[] t = Times(10);
        var envelope = Envelope.Build(t, [.. Enumerable.Repeat(double.NaN, 10)], 0, 0.9, 10);

        Assert.False(envelope.HasData);
        Assert.Empty(envelope.Segments);
    }
}
