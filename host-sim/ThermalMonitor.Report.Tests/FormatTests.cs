namespace ThermalMonitor.Report.Tests;

public sealed class FormatTests
{
    [Theory]
    [InlineData(4.2, "+4.2 s after onset")]
    [InlineData(-3, "\u22123.0 s before onset")]
    [InlineData(0.04, "at onset")]
    [InlineData(133.8, "+2 min 13.8 s after onset")]
    [InlineData(3 * 3600 + 5 * 60 + 10, "+3 h 05 min after onset")]
    public void Relative_times_read_naturally(double deltaS, string expected) =>
        Assert.Equal(expected, Format.Relative(deltaS, "onset"));

    [Theory]
    [InlineData(7206.44, "2:00:06.4")]
    [InlineData(0, "0:00:00.0")]
    [InlineData(59.96, "0:01:00.0")]
    [InlineData(48 * 3600 + 1.5, "48:00:01.5")]
    public void Clock_readings(double seconds, string expected) => Assert.Equal(expected, Format.Clock(seconds));

    [Fact]
    public void Numbers_never_print_negative_zero_and_use_a_true_minus()
    {
        Assert.Equal("0.0", Format.Number(-0.04, 1));
        Assert.Equal("\u22120.5", Format.Number(-0.5, 1));
        Assert.Equal("\u2014", Format.DurationOrNone(null));
        Assert.Equal("6.4 s", Format.DurationOrNone(6.44));
        Assert.Equal("6 h 41 min", Format.DurationOrNone(24074.7)); // the score page once printed "24074.7 s"
        Assert.Equal("5.3", Format.RatioOrNone(5.33));
        Assert.Equal("11", Format.RatioOrNone(10.9));
        Assert.Equal("0", Format.PerDay(0));
        Assert.Equal("0.03", Format.PerDay(0.0333));
        Assert.Equal("216\u2009000", Format.Count(216_000));
        Assert.Equal("-3.5", Format.Coord(-3.46));
    }
}
