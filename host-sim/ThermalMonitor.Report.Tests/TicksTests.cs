using System.Globalization;
using ThermalMonitor.Report.Plotting;

namespace ThermalMonitor.Report.Tests;

public sealed class TicksTests
{
    public static TheoryData<double, double, int> Ranges => new()
    {
        { 0.13, 237.3, 5 },
        { 247.1, 253.4, 5 },
        { -0.83, 1.27, 4 },
        { 0, 300, 6 },
        { 1e-4, 3.7e-4, 5 },
        { -12_345, 98_765, 8 },
        { 17.9, 18.1, 5 },
        { 101.325, 101.325, 5 },
    };

    [Theory]
    [MemberData(nameof(Ranges))]
    public void Value_ticks_are_round_multiples_of_a_1_2_5_step_covering_the_range(double min, double max, int target)
    {
        Axis axis = Ticks.ValueAxis(min, max, target);

        double mantissa = axis.Step / Math.Pow(10, Math.Floor(Math.Log10(axis.Step) + 1e-9));
        Assert.Contains(Math.Round(mantissa, 9), new[] { 1.0, 2.0, 5.0 });
        double slack = 1e-9 * axis.Step;
        Assert.True(axis.Min <= min + slack && axis.Max >= max - slack, $"[{axis.Min}, {axis.Max}] does not cover [{min}, {max}]");
        Assert.InRange(axis.Values.Count, 2, (2 * target) + 2);
        foreach (double v in axis.Values)
        {
            double multiple = v / axis.Step;
            Assert.True(Math.Abs(multiple - Math.Round(multiple)) < 1e-6, $"{v} is not a multiple of {axis.Step}");
        }

        // Labels read back as the tick values, with a true minus sign and no superfluous decimals.
        for (int k = 0; k < axis.Values.Count; k++)
        {
            double parsed = double.Parse(axis.Labels[k].Replace('\u2212', '-'), CultureInfo.InvariantCulture);
            Assert.Equal(axis.Values[k], parsed, 1e-9 * Math.Max(1, Math.Abs(axis.Values[k])));
            Assert.DoesNotContain("-", axis.Labels[k], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Pressure_range_gets_fifty_kpa_ticks()
    {
        Axis axis = Ticks.ValueAxis(0.13, 237.3, 5);

        Assert.Equal(50, axis.Step);
        Assert.Equal(["0", "50", "100", "150", "200", "250"], axis.Labels);
    }

    [Fact]
    public void Fractional_steps_print_just_the_needed_decimals()
    {
        Axis axis = Ticks.ValueAxis(-0.83, 1.27, 5);

        Assert.Equal(0.5, axis.Step);
        Assert.Equal(["\u22121.0", "\u22120.5", "0.0", "0.5", "1.0", "1.5"], axis.Labels);
    }

    [Fact]
    public void Six_hour_axis_ticks_every_hour_in_hours()
    {
        Axis axis = Ticks.TimeAxis(0, 6 * 3600, 0, 11, signed: false);

        Assert.Equal(3600, axis.Step);
        Assert.Equal(["0 h", "1 h", "2 h", "3 h", "4 h", "5 h", "6 h"], axis.Labels);
    }

    [Fact]
    public void Two_day_axis_ticks_in_hours_and_a_month_in_days()
    {
        Assert.Equal(["0 h", "6 h", "12 h", "18 h", "24 h", "30 h", "36 h", "42 h", "48 h"], Ticks.TimeAxis(0, 48 * 3600, 0, 11, false).Labels);
        Assert.Equal("30 d", Ticks.TimeAxis(0, 30 * 86400, 0, 11, false).Labels[^1]);
    }

    [Fact]
    public void Short_axes_tick_in_minutes_or_seconds()
    {
        Assert.Equal(["0 min", "5 min", "10 min", "15 min", "20 min", "25 min", "30 min"], Ticks.TimeAxis(0, 1800, 0, 8, false).Labels);
        Assert.Equal(["0.0 s", "0.5 s", "1.0 s", "1.5 s", "2.0 s"], Ticks.TimeAxis(0, 2, 0, 5, false).Labels);
    }

    [Fact]
    public void Close_up_axis_counts_from_the_origin_with_signs()
    {
        Axis axis = Ticks.TimeAxis(7200 - 120, 7206.4 + 180, 7200, 11, signed: true);

        Assert.Equal(30, axis.Step);
        Assert.Equal("\u2212120 s", axis.Labels[0]);
        Assert.Contains("0", axis.Labels);
        Assert.Equal("+180 s", axis.Labels[^1]);
        Assert.Equal(7200 - 120, axis.Values[0]);
    }
}
