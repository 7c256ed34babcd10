namespace ThermalMonitor.Scoring;

/// <summary>
/// A distribution in three numbers: median, 90th percentile (both by linear interpolation between
/// order statistics, Hyndman–Fan type 7) and the worst (largest) value; NaN when empty.
/// </summary>
/// <param name="Count">Values summarized.</param>
/// <param name="Median">50th percentile.</param>
/// <param name="P90">90th percentile.</param>
/// <param name="Worst">Largest value.</param>
public sealed record DistributionSummary(int Count, double Median, double P90, double Worst)
{
    /// <summary>The summary of <paramref name="values"/>.</summary>
    public static DistributionSummary Of(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        double[] sorted = [.. values.Order()];
        return sorted.Length == 0
            ? new DistributionSummary(0, double.NaN, double.NaN, double.NaN)
            : new DistributionSummary(sorted.Length, Percentile(sorted, 0.5), Percentile(sorted, 0.9), sorted[^1]);
    }

    /// <summary>The <paramref name="p"/> quantile (0…1) of ascending <paramref name="sorted"/>, type 7.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double p)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0)
        {
            return double.NaN;
        }

        double position = p * (sorted.Count - 1);
        int below = (int)Math.Floor(position);
        int above = Math.Min(below + 1, sorted.Count - 1);
        return sorted[below] + ((position - below) * (sorted[above] - sorted[below]));
    }
}
