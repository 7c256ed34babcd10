using ThermalMonitor.VirtualBoard;

namespace ThermalMonitor.Cli.Tests;

/// <summary>
/// Issue 12 item 2: <c>board config set @file.json</c>, offered in the help, was expanded by
/// System.CommandLine as a response file (its JSON split into arguments: BAD_JSON, "Unrecognized
/// command or argument", "Response file not found"), and a multi-line document typed inline put a
/// line break on the wire, which the board took as the end of the command (a 5 s timeout).
/// </summary>
public sealed class BoardConfigFileTests
{
    private const string PrettyDocument = "{\n  \"rateLimitPaPerS\": 250,\n  \"limitPersistMs\": 1000\n}\n";

    [Fact]
    public void An_at_file_with_a_pretty_printed_document_is_sent_as_one_line_and_applied()
    {
        string directory = CliRunner.TempDirectory();
        string file = TestFiles.Write(directory, "board.json", PrettyDocument);
        using var board = VirtualBoardProcess.Start(["--link", Path.Combine(directory, "ttyTM")]);
        string target = "serial:" + board.DevicePath;

        var result = CliRunner.Run("board", "config", "set", "@" + file, "--target", target);

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        string config = CliRunner.BoardConfig(target);
        Assert.Contains("\"rateLimitPaPerS\":250,", config, StringComparison.Ordinal);
        Assert.Contains("\"limitPersistMs\":1000,", config, StringComparison.Ordinal);
    }

    [Fact]
    public void The_config_file_option_reads_a_file_with_a_byte_order_mark_and_crlf_line_ends()
    {
        string directory = CliRunner.TempDirectory();
        string file = TestFiles.Write(directory, "board.json", "\uFEFF" + PrettyDocument.Replace("\n", "\r\n", StringComparison.Ordinal));
        using var board = VirtualBoardProcess.Start(["--link", Path.Combine(directory, "ttyTM")]);
        string target = "serial:" + board.DevicePath;

        var result = CliRunner.Run("board", "config", "set", "--config-file", file, "--target", target);

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        Assert.Contains("\"rateLimitPaPerS\":250,", CliRunner.BoardConfig(target), StringComparison.Ordinal);
    }

    [Fact]
    public void A_multi_line_document_given_inline_is_collapsed_to_one_line()
    {
        var result = CliRunner.Run("board", "config", "set", PrettyDocument, "--target", "sil");

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        Assert.Equal(string.Empty, result.Stderr);
    }

    [Fact]
    public void A_missing_file_is_one_line_naming_it()
    {
        string missing = Path.Combine(CliRunner.TempDirectory(), "nope.json");

        var result = CliRunner.Run("board", "config", "set", "@" + missing, "--target", "sil");

        Assert.Equal(2, result.ExitCode);
        string line = Assert.Single(result.StderrLines);
        Assert.StartsWith($"error: {missing}: ", line, StringComparison.Ordinal);
        Assert.DoesNotContain("Response file", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_document_the_board_refuses_is_reported_with_the_file_name()
    {
        string file = TestFiles.Write(CliRunner.TempDirectory(), "bad.json", "{\n  \"redLowPa\": 200000\n}\n");

        var result = CliRunner.Run("board", "config", "set", "--config-file", file, "--target", "sil");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(
            $"error: {file}: the board refused the configuration: redLowPa: the red limit must be below the yellow limit (redLowPa = 200000, yellowLowPa = 70000)",
            Assert.Single(result.StderrLines));
    }

    [Fact]
    public void A_line_break_inside_a_json_string_is_refused_before_anything_is_sent()
    {
        string file = TestFiles.Write(CliRunner.TempDirectory(), "broken.json", "{\"schema\":\"thermal-monitor/\nconfig@1\"}");

        var result = CliRunner.Run("board", "config", "set", "--config-file", file, "--target", "sil");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"error: {file}: line 1: a line break inside a JSON string; the document travels on one line (write \\n for a line break in a string)", Assert.Single(result.StderrLines));
    }

    [Fact]
    public void A_document_and_the_config_file_option_together_are_refused()
    {
        string file = TestFiles.Write(CliRunner.TempDirectory(), "board.json", "{}");

        var result = CliRunner.Run("board", "config", "set", "{}", "--config-file", file, "--target", "sil");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: board config set: give the document once", Assert.Single(result.StderrLines), StringComparison.Ordinal);
    }
}
