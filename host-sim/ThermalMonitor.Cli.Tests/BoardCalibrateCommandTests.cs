using System.Text.Json;

namespace ThermalMonitor.Cli.Tests;

/// <summary><c>thermal-sim board calibrate</c> run as a real process (hardware/README.md, per-board calibration).</summary>
public class BoardCalibrateCommandTests
{
    [Fact]
    public void Dry_run_prints_the_cfg_set_document_with_the_knots()
    {
        var result = CliRunner.Run("board", "calibrate", "--point", "150=175", "--point", "2450=2900", "--point", "3150=4095", "--dry-run", "--target", "virtual");

        Assert.True(result.ExitCode == 0, result.Stderr);
        string line = Assert.Single(result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)).Trim();
        Assert.Equal("{\"adcCalCounts\":[175,2900,4095],\"adcCalMicrovolts\":[150000,2450000,3150000]}", line);
        using var json = JsonDocument.Parse(line);
        Assert.Equal(new[] { 175, 2900, 4095 }, json.RootElement.GetProperty("adcCalCounts").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(new[] { 150000, 2450000, 3150000 }, json.RootElement.GetProperty("adcCalMicrovolts").EnumerateArray().Select(e => e.GetInt32()));
    }

    [Fact]
    public void Dry_run_sorts_by_counts_and_rounds_decimal_millivolts_to_microvolts()
    {
        var result = CliRunner.Run("board", "calibrate", "--point", "2449.8004=2895", "--point", "151.2=180", "--point", "1650.0005=1962", "--dry-run", "--target", "virtual");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal("{\"adcCalCounts\":[180,1962,2895],\"adcCalMicrovolts\":[151200,1650001,2449800]}", result.Stdout.Trim());
    }

    [Theory]
    [InlineData(new[] { "--point", "150x175", "--point", "2450=2900" }, "--point '150x175': expected <millivolts>=<counts>")]
    [InlineData(new[] { "--point", "150=17.5", "--point", "2450=2900" }, "--point '150=17.5': expected <millivolts>=<counts>")]
    [InlineData(new[] { "--point", "150=175" }, "give 2 to 8 --point")]
    [InlineData(new[] { "--point", "1=1", "--point", "2=2", "--point", "3=3", "--point", "4=4", "--point", "5=5", "--point", "6=6", "--point", "7=7", "--point", "8=8", "--point", "9=9" }, "give 2 to 8 --point")]
    [InlineData(new[] { "--point", "150=175", "--point", "2450=175" }, "have the same counts 175")]
    [InlineData(new[] { "--point", "150=175", "--point", "2450=2900", "--point", "2000=3500" }, "the voltage must rise with the counts")]
    [InlineData(new[] { "--point", "3400=4000", "--point", "150=175" }, "--point '3400=4000': 3400 mV is outside 0..3300 mV")]
    [InlineData(new[] { "--point", "150=175", "--point", "2450=4096" }, "--point '2450=4096': 4096 counts is outside 0..4095")]
    public void Bad_points_are_one_line_naming_the_problem_and_exit_code_2(string[] points, string expected)
    {
        var result = CliRunner.Run(["board", "calibrate", .. points, "--dry-run", "--target", "virtual"]);

        Assert.Equal(2, result.ExitCode);
        string line = Assert.Single(result.StderrLines);
        Assert.StartsWith("error: ", line);
        Assert.Contains(expected, line);
        Assert.Equal(string.Empty, result.Stdout.Trim());
    }

    [Fact]
    public void A_bad_target_is_refused_before_anything_is_sent()
    {
        var result = CliRunner.Run("board", "calibrate", "--point", "150=175", "--point", "2450=2900", "--target", "usb");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("target 'usb'", Assert.Single(result.StderrLines));
    }

    [Fact]
    public void Calibrating_a_virtual_board_applies_the_knots()
    {
        var result = CliRunner.Run("board", "calibrate", "--point", "151.2=180", "--point", "1650=1962", "--point", "2449.8=2895", "--point", "3100=4000", "--target", "virtual");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("calibration applied", result.Stdout);
        Assert.Contains("2449.800", result.Stdout);
        Assert.Contains("4000", result.Stdout);
    }
}
