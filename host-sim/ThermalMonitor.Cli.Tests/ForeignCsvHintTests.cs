namespace ThermalMonitor.Cli.Tests;

/// <summary>
/// A CSV that is not a Profile CSV v1, given without foreign options, is refused with how to read
/// it: before, a header of time,pressure,temp (the common names the import finds) and a real
/// logger's file both got only "expected header columns time_s, pressure_kpa" and no word of --map.
/// </summary>
public sealed class ForeignCsvHintTests
{
    [Fact]
    public void A_header_with_the_common_names_gets_the_map_that_reads_it_and_the_units_to_give()
    {
        string path = TestFiles.Write(CliRunner.TempDirectory(), "bench.csv", "time,pressure,temp\n0,250,20\n0.1,250,20\n0.2,249.9,20\n");

        var result = CliRunner.Run("replay", path);

        Assert.Equal(2, result.ExitCode);
        string line = Assert.Single(result.StderrLines);
        Assert.StartsWith($"error: '{path}' is not a Profile CSV v1", line, StringComparison.Ordinal);
        Assert.Contains("--map time=time,pressure=pressure,temp=temp", line, StringComparison.Ordinal);
        Assert.Contains("--pressure-unit Pa|kPa|bar|psi", line, StringComparison.Ordinal);

        // ...and that advice works.
        var replayed = CliRunner.Run("replay", path, "--map", "time=time,pressure=pressure,temp=temp", "--pressure-unit", "kPa");
        Assert.True(replayed.ExitCode == 0, replayed.Stderr);
    }

    [Fact]
    public void A_header_without_a_time_column_by_name_is_told_which_names_were_tried()
    {
        string path = TestFiles.Write(CliRunner.TempDirectory(), "valve.csv",
            "datetime;Accelerometer1RMS;Pressure;Temperature\n2020-03-09 10:14:33;0.02;0.05;90.1\n2020-03-09 10:14:34;0.02;0.05;90.1\n");

        var result = CliRunner.Run("replay", path);

        Assert.Equal(2, result.ExitCode);
        string line = Assert.Single(result.StderrLines);
        Assert.Contains("Its header (datetime, Accelerometer1RMS, Pressure, Temperature) has no column named time (time, time_s, timestamp)", line, StringComparison.Ordinal);
        Assert.Contains("--map time=<col>,pressure=<col>", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_declares_the_profile_format_keeps_its_own_error_without_foreign_advice()
    {
        string path = TestFiles.Write(CliRunner.TempDirectory(), "broken.csv",
            "# format: thermal-monitor/profile-csv@1\n# name: broken\ntime_s,pressure_kpa,temp_c\n0.0,250.000\n");

        var result = CliRunner.Run("replay", path);

        Assert.Equal(2, result.ExitCode);
        string line = Assert.Single(result.StderrLines);
        Assert.DoesNotContain("--map", line, StringComparison.Ordinal);
        Assert.Contains("broken.csv:4", line, StringComparison.Ordinal);
    }
}
