using System.Globalization;
using ThermalMonitor.Report.Plotting;

namespace ThermalMonitor.Report.Tests;

public sealed class LogTicksTests
{
    [Theory]
    [InlineData(0.05, 12.0, new[] { 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20 })]
    [InlineData(0.3, 7.0, new[] { 0.2, 0.5, 1, 2, 5, 10 })]
    [InlineData(0.08, 4000.0, new[] { 0.01, 0.1, 1, 10, 100, 1000, 10000 })]
    [InlineData(3.0, 3.0, new[] { 2, 5.0 })]
    public void Log_ticks_are_1_2_5_over_short_spans_and_decades_beyond_covering_the_data(double min, double max, double[] expected)
    {
        Axis axis = Ticks.LogAxis(min, max);

        Assert.Equal(expected, axis.Values.Select(v => Math.Round(v, 12)));
        Assert.True(axis.Min <= min && axis.Max >= max);
    }

    [Fact]
    public void Log_labels_read_back_and_use_powers_of_ten_for_large_decades()
    {
        Axis axis = Ticks.LogAxis(0.01, 1e6);

        Assert.Equal(["0.01", "0.1", "1", "10", "100", "1000", "10000", "10⁵", "10⁶"], axis.Labels);
        Assert.Equal(0.05, double.Parse(Ticks.LogLabel(0.05), CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Non_positive_ranges_fall_back_to_one_decade()
    {
        Axis axis = Ticks.LogAxis(0, -3);

        Assert.Equal(1, axis.Min);
        Assert.Equal(10, axis.Max);
    }
}
