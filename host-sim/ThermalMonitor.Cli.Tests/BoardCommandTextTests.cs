using System.Text.RegularExpressions;
using ThermalMonitor.VirtualBoard;

namespace ThermalMonitor.Cli.Tests;

/// <summary>
/// Issue 12 item 6: board commands printed raw protocol lines (<c>1122 OK 2 period_ms=100
/// burst=32*C721</c>, <c>335 ERR 2 NOT_FOUND alarm=7*731B</c>) and <c>config defaults</c> reset the
/// whole board without asking. Now a sentence, <c>--raw</c> for the wire, and a question or <c>--yes</c>.
/// </summary>
public sealed class BoardCommandTextTests
{
    [Fact]
    public void Config_set_says_what_was_applied()
    {
        var result = CliRunner.Run("board", "config", "set", """{"rateLimitPaPerS":250}""", "--target", "sil");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal("configuration applied: period 100 ms, burst 32", result.Stdout.Trim());
    }

    [Fact]
    public void Acknowledging_an_unknown_alarm_is_one_error_line_in_words_and_exit_code_2()
    {
        var result = CliRunner.Run("board", "ack", "7", "--target", "sil");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("error: alarm 7 not found", Assert.Single(result.StderrLines));
        Assert.DoesNotContain("NOT_FOUND", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Acknowledging_all_says_how_many()
    {
        var result = CliRunner.Run("board", "ack", "all", "--target", "sil");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal("no alarm was waiting to be acknowledged", result.Stdout.Trim());
    }

    [Fact]
    public void Switching_mode_names_the_mode_and_the_new_session()
    {
        var result = CliRunner.Run("board", "mode", "live", "--target", "sil");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal("board now in LIVE mode, session 2", result.Stdout.Trim());
    }

    [Fact]
    public void Raw_prints_the_wire_lines_both_ways()
    {
        var result = CliRunner.Run("board", "ack", "7", "--target", "sil", "--raw");

        Assert.Equal(2, result.ExitCode);
        Assert.Matches(new Regex(@"^> \d+ ACK 7\*[0-9A-F]{4}$", RegexOptions.Multiline), result.Stdout.Replace("\r", string.Empty, StringComparison.Ordinal));
        Assert.Matches(new Regex(@"^< \d+ ERR \d+ NOT_FOUND alarm=7\*[0-9A-F]{4}$", RegexOptions.Multiline), result.Stdout.Replace("\r", string.Empty, StringComparison.Ordinal));
        Assert.Equal("error: alarm 7 not found", Assert.Single(result.StderrLines));
    }

    [Fact]
    public void Raw_config_set_shows_the_document_on_one_line()
    {
        var result = CliRunner.Run("board", "config", "set", "{\n  \"rateLimitPaPerS\": 250\n}", "--target", "sil", "--raw");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Matches(new Regex("""^> \d+ CFG SET \{"rateLimitPaPerS":250\}\*[0-9A-F]{4}$""", RegexOptions.Multiline), result.Stdout.Replace("\r", string.Empty, StringComparison.Ordinal));
        Assert.Matches(new Regex(@"^< \d+ OK \d+ period_ms=100 burst=32\*[0-9A-F]{4}$", RegexOptions.Multiline), result.Stdout.Replace("\r", string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public void Config_defaults_without_a_terminal_and_without_yes_is_refused_and_changes_nothing()
    {
        string directory = CliRunner.TempDirectory();
        using var board = VirtualBoardProcess.Start(["--link", Path.Combine(directory, "ttyTM")]);
        string target = "serial:" + board.DevicePath;
        Assert.Equal(0, CliRunner.Run("board", "config", "set", """{"rateLimitPaPerS":250}""", "--target", target).ExitCode);

        // A "y" piped in is no answer: nobody saw a question.
        var result = CliRunner.RunWithInput("y\n", "board", "config", "defaults", "--target", target, "--raw");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(
            "error: board config defaults resets every parameter and the ADC calibration of the board to the built-in defaults; add --yes to do it without a terminal to confirm on",
            Assert.Single(result.StderrLines));
        Assert.DoesNotContain("CFG DEFAULTS", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"rateLimitPaPerS\":250,", CliRunner.BoardConfig(target), StringComparison.Ordinal);

        var confirmed = CliRunner.Run("board", "config", "defaults", "-y", "--target", target);

        Assert.True(confirmed.ExitCode == 0, confirmed.Stderr);
        Assert.Contains("\"rateLimitPaPerS\":200,", CliRunner.BoardConfig(target), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("n", 2, "error: board config defaults: not confirmed; the configuration of sil is unchanged")]
    [InlineData("", 2, "error: board config defaults: not confirmed; the configuration of sil is unchanged")]
    [InlineData("y", 0, "default configuration applied: period 100 ms, burst 32")]
    public void At_a_terminal_config_defaults_asks_first(string answer, int exitCode, string outcome)
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // util-linux script(1) below; macOS's takes other options.
        }

        // script(1) gives the command a pseudo-terminal for its input, as a person's shell would.
        string dll = Path.Combine(AppContext.BaseDirectory, "thermal-sim.dll");
        var start = new System.Diagnostics.ProcessStartInfo("script")
        {
            ArgumentList = { "-qec", $"dotnet '{dll}' board config defaults --target sil", "/dev/null" },
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
            Environment = { ["NO_COLOR"] = "1" },
        };
        using var process = System.Diagnostics.Process.Start(start)!;
        process.StandardInput.Write(answer + "\n");
        process.StandardInput.Close();
        string terminal = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(1)), terminal);

        Assert.Equal(exitCode, process.ExitCode);
        Assert.Contains("reset the whole configuration of sil to defaults? [y/N] ", terminal, StringComparison.Ordinal);
        Assert.Contains(outcome, terminal, StringComparison.Ordinal);
    }

    [Fact]
    public void Yes_on_a_config_verb_that_asks_nothing_is_refused()
    {
        var result = CliRunner.Run("board", "config", "get", "--yes", "--target", "sil");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("error: board config get: --yes is for defaults only (nothing else asks)", Assert.Single(result.StderrLines));
        Assert.Equal(string.Empty, result.Stdout);
    }

    [Fact]
    public void Config_get_still_prints_the_json_document_and_raw_shows_it_on_the_wire()
    {
        var plain = CliRunner.Run("board", "config", "get", "--target", "sil");
        var raw = CliRunner.Run("board", "config", "get", "--target", "sil", "--raw");

        Assert.True(plain.ExitCode == 0, plain.Stderr);
        using (var json = System.Text.Json.JsonDocument.Parse(plain.Stdout))
        {
            Assert.Equal(200, json.RootElement.GetProperty("rateLimitPaPerS").GetInt32());
        }

        Assert.True(raw.ExitCode == 0, raw.Stderr);
        string[] lines = raw.Stdout.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Matches(@"^> \d+ CFG GET\*[0-9A-F]{4}$", lines[0]);
        Assert.Matches("""^< \d+ CFG \d+ \{"schema":"thermal-monitor/config@1",.*\}\*[0-9A-F]{4}$""", lines[1]);
    }

    [Fact]
    public void Raw_status_is_the_wire_lines_instead_of_the_table()
    {
        var result = CliRunner.Run("board", "status", "--target", "sil", "--raw");

        Assert.True(result.ExitCode == 0, result.Stderr);
        string[] lines = result.Stdout.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Matches(@"^> \d+ STATUS\*[0-9A-F]{4}$", lines[0]);
        Assert.Matches(@"^< \d+ STATUS \d+ mode=REPLAY .* cycles=\d+ .*\*[0-9A-F]{4}$", lines[1]);
    }

    [Fact]
    public void Config_defaults_with_yes_applies_them_and_says_so()
    {
        var result = CliRunner.Run("board", "config", "defaults", "--yes", "--target", "sil");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal("default configuration applied: period 100 ms, burst 32", result.Stdout.Trim());
    }
}
