using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ThermalMonitor.Cli.Tests;

/// <summary>
/// Issue 12 item 5: <c>replay gap.csv</c> with a time jump from 49.9 s to 10⁹ s crashed, and a
/// one-year gap silently expanded to ~315 M samples. A stall longer than the sample gap is now
/// replayed as one time jump and said so; <c>--max-gap</c> sets the gap.
/// </summary>
public sealed class ReplayGapTests
{
    [Fact]
    public void A_recording_that_stops_for_31_years_replays_its_rows_with_one_time_jump_and_says_so()
    {
        string path = GapProfile(1_000_000_000);

        var result = CliRunner.Run("replay", path, "--json", "-");

        Assert.True(result.ExitCode == 0, result.Stderr);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(550, json.RootElement.GetProperty("samples").GetInt64());
        Assert.Equal(1, json.RootElement.GetProperty("sample_gaps").GetInt32());
        Assert.Contains("1 time gaps longer than --max-gap", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("from 49.9 s to 1000000000 s at data row 501", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Max_gap_decides_what_is_a_stall()
    {
        // Rows 20 minutes apart, as a person writes a slow ramp: interpolated unless told otherwise.
        string path = TestFiles.Write(CliRunner.TempDirectory(), "ramp.csv", "time_s,pressure_kpa,temp_c\n0,250,15\n1200,240,15\n2400,230,15\n");

        var interpolated = CliRunner.Run("replay", path, "--json", "-");
        var cut = CliRunner.Run("replay", path, "--json", "-", "--max-gap", "10m");

        Assert.True(interpolated.ExitCode == 0, interpolated.Stderr);
        Assert.True(cut.ExitCode == 0, cut.Stderr);
        using var whole = JsonDocument.Parse(interpolated.Stdout);
        using var jumps = JsonDocument.Parse(cut.Stdout);
        Assert.Equal(24_001, whole.RootElement.GetProperty("samples").GetInt64());
        Assert.False(whole.RootElement.TryGetProperty("sample_gaps", out _));
        Assert.Equal(3, jumps.RootElement.GetProperty("samples").GetInt64());
        Assert.Equal(2, jumps.RootElement.GetProperty("sample_gaps").GetInt32());
    }

    [Theory]
    [InlineData("soon", "error: --max-gap 'soon': expected auto or a duration (seconds, 10m, 2h, 1d or h:mm:ss)")]
    [InlineData("0.5", "error: --max-gap '0.5': expected from 1 s to 366 days, got 0.5 s")]
    [InlineData("1", "error: --max-gap 1: expected at least three sample periods (3 s at samplePeriodMs 1000), so that the firmware sees a sample on both sides of a gap")]
    public void A_max_gap_that_cannot_be_used_is_one_error_line(string maxGap, string expected)
    {
        string directory = CliRunner.TempDirectory();
        string path = GapProfile(100);
        string config = TestFiles.Write(directory, "slow.json", """{"schema":"thermal-monitor/config@1","samplePeriodMs":1000}""");

        var result = CliRunner.Run("replay", path, "--max-gap", maxGap, "--config", config);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(expected, Assert.Single(result.StderrLines));
    }

    // 500 rows at 10 Hz, then 50 more starting at resumeS.
    private static string GapProfile(double resumeS)
    {
        var text = new StringBuilder("time_s,pressure_kpa,temp_c\n");
        for (int i = 0; i < 500; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{i / 10.0:0.0},250.0,15.0\n");
        }

        for (int i = 0; i < 50; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{resumeS + (i / 10.0):0.0},250.0,15.0\n");
        }

        return TestFiles.Write(CliRunner.TempDirectory(), "gap.csv", text.ToString());
    }
}
