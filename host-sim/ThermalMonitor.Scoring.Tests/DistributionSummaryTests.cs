namespace ThermalMonitor.Scoring.Tests;

public sealed class DistributionSummaryTests
{
    [Fact]
    public void Percentiles_InterpolateBetweenOrderStatistics()
    {
        DistributionSummary summary = DistributionSummary.Of([5, 1, 4, 2, 3, 10, 7, 6, 9, 8]);

        Assert.Equal(10, summary.Count);
        Assert.Equal(5.5, summary.Median, 12);
        Assert.Equal(9.1, summary.P90, 12);
        Assert.Equal(10, summary.Worst);
    }

    [Fact]
    public void OneValue_IsEveryPercentile_AndNoneIsNaN()
    {
        Assert.Equal(new DistributionSummary(1, 4, 4, 4), DistributionSummary.Of([4]));
        Assert.True(double.IsNaN(DistributionSummary.Of([]).Median));
    }
}
