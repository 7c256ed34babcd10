namespace ThermalMonitor.Cli.Tests;

/// <summary>
/// Output piped to a file or another program is not wrapped: at the 120 columns once assumed when
/// COLUMNS is not set, the score table broke cells mid-word ("fault-pre│ssure-noi│se") over several
/// lines, which broke grep and log parsers. (The other CLI tests set COLUMNS=200, which hid it.)
/// </summary>
public sealed class PipedOutputTests
{
    [Fact]
    public void A_piped_table_without_COLUMNS_keeps_every_cell_on_one_line()
    {
        var result = CliRunner.RunWith(new Dictionary<string, string> { ["COLUMNS"] = string.Empty }, "score", "--only", "fault-pressure-noise");

        Assert.Equal(0, result.ExitCode);
        string[] lines = result.Stdout.Split('\n');
        string row = Assert.Single(lines, l => l.Contains("│ fault-pressure-noise ", StringComparison.Ordinal));
        Assert.Contains("SENSOR_FAULT pressure NOISY", row, StringComparison.Ordinal);
        Assert.DoesNotContain(lines, l => l.Contains("│ fault-pre │", StringComparison.Ordinal));
    }
}
