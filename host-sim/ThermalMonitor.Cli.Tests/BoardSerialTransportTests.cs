namespace ThermalMonitor.Cli.Tests;

/// <summary>--serial-transport and THERMAL_SERIAL_TRANSPORT end to end: a virtual board's pty reached through each transport.</summary>
public sealed class BoardSerialTransportTests
{
    [Theory]
    [InlineData("ports")]
    [InlineData("termios")]
    public void A_virtual_board_answers_hello_and_status_over_either_transport(string transport)
    {
        var result = CliRunner.Run("board", "status", "--target", "virtual", "--serial-transport", transport);

        Assert.True(result.ExitCode == 0, result.Stderr + result.Stdout);
        string connected = Assert.Single(result.Stdout.Split('\n'), line => line.StartsWith("connected to", StringComparison.Ordinal));
        Assert.Contains("board virtual, firmware ", connected, StringComparison.Ordinal);
        Assert.Contains("cycles", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void The_environment_variable_picks_the_transport_when_the_option_is_absent()
    {
        var result = CliRunner.RunWith(new Dictionary<string, string> { ["THERMAL_SERIAL_TRANSPORT"] = "ports" }, "board", "status", "--target", "virtual");

        Assert.True(result.ExitCode == 0, result.Stderr + result.Stdout);
        Assert.Contains("connected to ", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_environment_variable_is_one_line_naming_it_and_exit_code_2()
    {
        var result = CliRunner.RunWith(new Dictionary<string, string> { ["THERMAL_SERIAL_TRANSPORT"] = "com" }, "board", "status", "--target", "sil");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("error: THERMAL_SERIAL_TRANSPORT 'com': expected termios or ports", Assert.Single(result.StderrLines));
    }

    [Fact]
    public void The_option_is_described_in_the_help()
    {
        var result = CliRunner.Run("board", "status", "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("--serial-transport", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("System.IO.Ports", result.Stdout, StringComparison.Ordinal);
    }
}
