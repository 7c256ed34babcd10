namespace ThermalMonitor.Cli.Tests;

public class ReplayWindowTests
{
    [Theory]
    [InlineData("9000..10800", 9000, 10800)]
    [InlineData("150m..3h", 9000, 10800)]
    [InlineData("2:30:00..3:00:00.5", 9000, 10800.5)]
    [InlineData("onset-90m..onset+30m", 7800, 15000)]
    [InlineData("onset..end", 13200, 172800)]
    [InlineData("start+1h..end-1d", 3600, 86400)]
    [InlineData(" ONSET - 1.5h .. onset ", 7800, 13200)]
    public void Ends_resolve_to_profile_seconds(string text, double fromS, double toS)
    {
        (double from, double to) = ReplayWindow.Parse(text).Resolve(0, 172800, onsetS: 13200);
        Assert.Equal(fromS, from, 6);
        Assert.Equal(toS, to, 6);
    }

    [Theory]
    [InlineData("9000", "expected FROM..TO")]
    [InlineData("1:60:00..2h", "'1:60:00' is not a duration")]
    [InlineData("onset*2..end", "expected onset+DURATION")]
    [InlineData("..end", "'' is not a duration")]
    [InlineData("2h..1h", "not after its start at 2:00:00")]
    public void Bad_windows_say_what_is_wrong(string text, string expected)
    {
        var error = Assert.Throws<UserInputException>(() => ReplayWindow.Parse(text).Resolve(0, 172800, onsetS: 13200));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_onset_of_a_profile_without_one_is_an_error_not_zero()
    {
        var error = Assert.Throws<UserInputException>(() => ReplayWindow.Parse("onset-1h..end").Resolve(0, 172800, onsetS: null));
        Assert.Contains("no known leak onset", error.Message, StringComparison.Ordinal);
    }
}
