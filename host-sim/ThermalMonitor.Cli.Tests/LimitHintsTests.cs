using ThermalMonitor.Core.Config;
using ThermalMonitor.Link;
using ThermalMonitor.Profiles;

namespace ThermalMonitor.Cli.Tests;

/// <summary>Hints for recordings that start beyond the limits in force, read from the configuration given.</summary>
public sealed class LimitHintsTests
{
    private static readonly MonitorConfig Limits = ConfigJson.Read(
        """{"redLowPa":120000,"yellowLowPa":180000,"tempYellowHighMilliC":40000,"tempRedHighMilliC":50000}""");

    [Theory]
    [InlineData(101.3, "below the red low limit (redLowPa = 120000 Pa): RED_LOW_LIMIT from the start")]
    [InlineData(150.0, "below the yellow low limit (yellowLowPa = 180000 Pa): YELLOW_LOW_LIMIT from the start")]
    public void A_recording_starting_below_a_low_limit_gets_one_hint(double pressureKpa, string expected)
    {
        Profile profile = Flat(pressureKpa, 20.0);

        string hint = Assert.Single(LimitHints.For(profile, Limits, "loop.csv"));

        Assert.StartsWith($"hint: loop.csv reads {pressureKpa:0.0} kPa in its first 10 s, ", hint, StringComparison.Ordinal);
        Assert.Contains(expected, hint, StringComparison.Ordinal);
    }

    [Fact]
    public void The_limits_come_from_the_configuration_given()
    {
        Profile profile = Flat(101.3, 20.0);

        Assert.Empty(LimitHints.For(profile, ConfigJson.Read("""{"redLowPa":50000,"yellowLowPa":90000}"""), "loop.csv"));
        Assert.Contains("redLowPa = 130000 Pa", Assert.Single(LimitHints.For(profile, ConfigJson.Read("""{"redLowPa":130000,"yellowLowPa":190000}"""), "loop.csv")), StringComparison.Ordinal);
    }

    [Fact]
    public void The_example_in_the_hint_is_a_valid_document_that_clears_the_limit()
    {
        Profile profile = Flat(101.3, 55.0);

        IReadOnlyList<string> hints = LimitHints.For(profile, Limits, "loop.csv");

        Assert.Equal(2, hints.Count);
        Assert.Contains("above the red high limit (tempRedHighMilliC = 50000 milli-C): RED_HIGH_LIMIT from the start", hints[1], StringComparison.Ordinal);
        Assert.Equal([hints[1]], LimitHints.For(profile, ConfigJson.Read(Example(hints[0]), Limits), "loop.csv"));
        Assert.Equal([hints[0]], LimitHints.For(profile, ConfigJson.Read(Example(hints[1]), Limits), "loop.csv"));
        MonitorConfig both = ConfigJson.Read(Example(hints[1]), ConfigJson.Read(Example(hints[0]), Limits));
        Assert.Empty(LimitHints.For(profile, both, "loop.csv"));
    }

    [Fact]
    public void Only_the_first_ten_seconds_count_and_impossible_readings_in_them_do_not()
    {
        Profile dropsLater = new("p", new Dictionary<string, string>(),
            [new ProfileRow(0, 250, 20), new ProfileRow(10, 250, 20), new ProfileRow(11, 100, 20), new ProfileRow(60, 100, 20)]);
        Profile glitchy = new("p", new Dictionary<string, string>(),
            [new ProfileRow(0, 250, 20), new ProfileRow(1, -50, double.NaN), new ProfileRow(2, double.NaN, -300), new ProfileRow(3, 250, 20)]);

        Assert.Empty(LimitHints.For(dropsLater, Limits, "loop.csv"));
        Assert.Empty(LimitHints.For(glitchy, Limits, "loop.csv"));
    }

    [Fact]
    public void A_pressure_only_recording_gets_no_temperature_hint()
    {
        Profile pressureOnly = new("p", new Dictionary<string, string>(),
            [new ProfileRow(0, 250, double.NaN), new ProfileRow(60, 250, double.NaN)], coolantTemperatureRecorded: false);

        Assert.Empty(LimitHints.For(pressureOnly, ConfigJson.Read("""{"tempYellowHighMilliC":0,"tempRedHighMilliC":1000}"""), "loop.csv"));
    }

    private static string Example(string hint) => hint[(hint.IndexOf("e.g. ", StringComparison.Ordinal) + 5)..];

    private static Profile Flat(double pressureKpa, double tempC) => new(
        "flat", new Dictionary<string, string>(), [new ProfileRow(0, pressureKpa, tempC), new ProfileRow(60, pressureKpa, tempC)]);
}
