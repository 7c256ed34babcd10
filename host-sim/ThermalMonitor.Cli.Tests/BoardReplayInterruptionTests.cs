using System.Text.RegularExpressions;
using ThermalMonitor.Targets;
using ThermalMonitor.VirtualBoard;

namespace ThermalMonitor.Cli.Tests;

/// <summary>
/// A replay on a board that does not finish: stopped with Ctrl+C, the board still gets its own
/// configuration back; when the board goes away, the error line says its configuration was not
/// restored and where its own document is kept.
/// </summary>
public sealed class BoardReplayInterruptionTests
{
    private const string HighLimits = """{"redLowPa":400000,"yellowLowPa":450000}""";

    [Fact]
    public void Ctrl_c_stops_the_replay_with_exit_code_130_and_the_board_has_its_configuration_back()
    {
        string directory = CliRunner.TempDirectory();
        using var board = VirtualBoardProcess.Start(["--link", Path.Combine(directory, "ttyTM")]);
        string target = "serial:" + board.DevicePath;
        Assert.Equal(0, CliRunner.Run("board", "config", "set", """{"rateLimitPaPerS":250}""", "--target", target).ExitCode);
        string before = CliRunner.BoardConfig(target);

        var result = CliRunner.RunAndThen(
            line => line.StartsWith("connected to", StringComparison.Ordinal),
            CliRunner.Interrupt,
            "replay", LongFlatProfile(directory), "--config", TestFiles.Write(directory, "high.json", HighLimits), "--target", target, "--speed", "1");

        Assert.Equal(130, result.ExitCode);
        Assert.Matches(@"replay stopped \(Ctrl\+C\) (at profile time \d+:\d\d:\d\d\.\d \([\d,]+ of 6,001 samples, \d+%\)|before the first sample): no alarm raised until then; the board has its own configuration back", result.Stdout);
        Assert.Equal(before, CliRunner.BoardConfig(target));
    }

    [Fact]
    public void A_board_that_goes_away_is_reported_not_restored_with_its_own_configuration_saved()
    {
        string directory = CliRunner.TempDirectory();
        // Behind a link of its own: once the board is gone, the replay's reconnection attempts find
        // nothing there, not another test's board on a reused /dev/pts number.
        var board = VirtualBoardProcess.Start(["--link", Path.Combine(directory, "ttyTM")]);
        string target = "serial:" + board.DevicePath;
        Assert.Equal(0, CliRunner.Run("board", "config", "set", """{"rateLimitPaPerS":250}""", "--target", target).ExitCode);
        string before = CliRunner.BoardConfig(target);

        var result = CliRunner.RunAndThen(
            line => line.StartsWith("connected to", StringComparison.Ordinal),
            _ =>
            {
                // Connected; give the replay a moment to borrow the board (it takes milliseconds), then unplug it.
                Thread.Sleep(2000);
                board.Dispose();
            },
            "replay", LongFlatProfile(directory), "--config", TestFiles.Write(directory, "high.json", HighLimits), "--target", target, "--speed", "1");

        Assert.True(result.ExitCode == 2, result.Stdout + result.Stderr);
        string line = Assert.Single(result.StderrLines);
        Assert.StartsWith($"error: target {target}@921600: the replay stopped (", line, StringComparison.Ordinal);
        Assert.Contains("), and the board's own configuration was not restored (", line, StringComparison.Ordinal);
        Match saved = Regex.Match(line, @"its own configuration is saved in (\S+): put it back with 'thermal-sim board config set @\1 --target ");
        Assert.True(saved.Success, line);
        Assert.Equal(before, File.ReadAllText(saved.Groups[1].Value).Trim());
        File.Delete(saved.Groups[1].Value);
    }

    private static string LongFlatProfile(string directory) =>
        TestFiles.Write(directory, "flat-10min.csv", "time_s,pressure_kpa,temp_c\n0,250,20\n600,250,20\n");
}
