using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ThermalMonitor.Core.Link;

namespace ThermalMonitor.Cli.Tests;

/// <summary>
/// Issue 12 item 16: <c>board console</c>, driven as a script drives it, with the commands piped into
/// standard input (not a terminal: no prompt). The board (in-process, or a virtual board) is the
/// judge: a changing command it accepts proves the console numbered and checked it, since the board
/// refuses such a command without its check (NO_CHECKSUM).
/// </summary>
public sealed class BoardConsoleTests
{
    private const string StatusSentence = @"^REPLAY mode, session 1, up \d+\.\d s; loop \d+ us on average";

    [Fact]
    public void Status_is_answered_with_a_sentence_and_no_prompt()
    {
        var result = RunConsole("STATUS\n");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Matches(new Regex(StatusSentence, RegexOptions.Multiline), result.Stdout);
        Assert.DoesNotContain("mode=REPLAY", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("board>", result.Stdout, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Stderr);
    }

    [Fact]
    public void A_telemetry_period_typed_in_lower_case_takes_effect()
    {
        var result = RunConsole("tlm 250\nSTATUS\n");

        Assert.True(result.ExitCode == 0, result.Stderr);
        string[] lines = Lines(result.Stdout);
        Assert.Contains("telemetry every 250 ms of sample time", lines);
        Assert.Matches(new Regex(StatusSentence + ".*; telemetry every 250 ms$", RegexOptions.Multiline), result.Stdout);
    }

    [Fact]
    public void A_configuration_set_is_applied_and_cfg_get_shows_it()
    {
        var result = RunConsole("CFG SET {\"rateLimitPaPerS\":250}\nCFG GET\n");

        Assert.True(result.ExitCode == 0, result.Stderr);
        string[] lines = Lines(result.Stdout);
        int applied = Array.IndexOf(lines, "configuration applied: period 100 ms, burst 32");
        Assert.True(applied >= 0, result.Stdout);

        // The event the board sends after its reply, printed as it came, as a sentence.
        Assert.StartsWith("ADVISORY event CONFIG_CHANGED at board time ", lines[applied + 1], StringComparison.Ordinal);
        Assert.EndsWith(": a configuration was applied", lines[applied + 1], StringComparison.Ordinal);
        Assert.Contains("\"rateLimitPaPerS\":250,", lines[applied + 2], StringComparison.Ordinal);
    }

    [Fact]
    public void Raw_shows_the_line_sent_with_its_number_and_check_and_the_board_s_reply()
    {
        Assert.Equal(0x29B1, Crc16CcittFalse("123456789"));

        var result = RunConsole("TLM 250\n", "--raw");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Match sent = Regex.Match(result.Stdout, @"^> (\d+) TLM 250\*([0-9A-F]{4})$", RegexOptions.Multiline);
        Assert.True(sent.Success, result.Stdout);
        string number = sent.Groups[1].Value;
        Assert.Equal(Crc16CcittFalse($"{number} TLM 250").ToString("X4", CultureInfo.InvariantCulture), sent.Groups[2].Value);
        Assert.Matches(new Regex($@"^< \d+ OK {number} period_ms=250\*[0-9A-F]{{4}}$", RegexOptions.Multiline), result.Stdout);
        Assert.DoesNotContain("telemetry every", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_command_the_board_refuses_is_said_as_a_sentence_and_the_console_goes_on()
    {
        var result = RunConsole("ACK 7\nreboot\ncfg set {\"redLowPa\":200000}\nSTATUS\n");

        Assert.True(result.ExitCode == 0, result.Stderr);
        string[] lines = Lines(result.Stdout);
        int refused = Array.IndexOf(lines, "refused: alarm 7 not found");
        int unknown = Array.IndexOf(lines, "refused: the board does not know the command 'reboot' (help lists the board's commands)");
        int invalid = Array.IndexOf(lines, "the board refused the configuration: redLowPa: the red limit must be below the yellow limit (redLowPa = 200000, yellowLowPa = 70000)");
        int status = Array.FindIndex(lines, l => Regex.IsMatch(l, StatusSentence));
        Assert.True(refused >= 0 && unknown > refused && invalid > unknown && status > invalid, result.Stdout);
    }

    [Fact]
    public void Empty_lines_are_ignored_and_a_line_with_a_control_character_is_refused_here_and_not_sent()
    {
        var result = RunConsole("\n   \nSTA\u0001TUS\nSTATUS\n", "--raw");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal(["error: line 3: character 4 is U+0001 (a control character); the board takes printable ASCII only, so the line was not sent"], result.StderrLines);
        string[] sent = [.. Lines(result.Stdout).Where(l => l.StartsWith("> ", StringComparison.Ordinal))];
        Assert.Single(sent);
        Assert.Matches(@"^> \d+ STATUS\*[0-9A-F]{4}$", sent[0]);

        // Had anything else reached the board, it would have counted it (a refused line too).
        Match status = Regex.Match(result.Stdout, @"^< \d+ STATUS .* rx_lines=(\d+) rx_rejected=(\d+) ", RegexOptions.Multiline);
        Assert.True(status.Success, result.Stdout);
        Assert.Equal("0", status.Groups[2].Value);
    }

    [Fact]
    public void Help_lists_every_command_of_the_board_and_sends_nothing()
    {
        var result = RunConsole("help\nhelp tlm\nhelp reboot\n", "--raw");

        Assert.True(result.ExitCode == 0, result.Stderr);
        for (int i = 0; i < CommandTable.Count; i++)
        {
            Assert.Contains("  " + CommandTable.At(i).Syntax + "\n", result.Stdout, StringComparison.Ordinal);
            Assert.Contains(CommandTable.At(i).Meaning, result.Stdout, StringComparison.Ordinal);
        }

        Assert.Contains("  period_ms: telemetry period, ms of sample time (0 = off); 0..3600000\n", result.Stdout, StringComparison.Ordinal);
        Assert.Equal(["error: line 3: help reboot: the board has no such command; help lists them"], result.StderrLines);
        Assert.DoesNotContain(Lines(result.Stdout), l => l.StartsWith("> ", StringComparison.Ordinal));
    }

    [Fact]
    public void The_end_of_input_ends_the_session_with_exit_code_0_after_a_last_line_without_a_line_end()
    {
        var result = RunConsole("TLM 250\nSTATUS");

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(new Regex(StatusSentence + ".*; telemetry every 250 ms$", RegexOptions.Multiline), result.Stdout);
    }

    [Fact]
    public void Quit_ends_the_session_before_the_lines_after_it()
    {
        var result = RunConsole("TLM 250\nquit\nSTATUS\n");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("telemetry every 250 ms of sample time", Lines(result.Stdout));
        Assert.DoesNotMatch(new Regex(StatusSentence, RegexOptions.Multiline), result.Stdout);
    }

    [Fact]
    public void An_overlong_line_gets_the_board_s_refusal_though_it_names_no_command()
    {
        var result = RunConsole("TLM " + new string('1', 800) + "\nSTATUS\n");

        Assert.True(result.ExitCode == 0, result.Stderr);
        string[] lines = Lines(result.Stdout);
        int refused = Array.FindIndex(lines, l => l.StartsWith("refused: the line is longer than the board takes (768 bytes) and was discarded", StringComparison.Ordinal));
        int status = Array.FindIndex(lines, l => Regex.IsMatch(l, StatusSentence));
        Assert.True(refused >= 0 && status > refused, result.Stdout);
        Assert.Equal(string.Empty, result.Stderr);
    }

    [Fact]
    public void An_alarm_is_printed_as_it_arrives_and_can_be_acknowledged()
    {
        // A pressure channel whose ADC driver fails (!1) for longer than faultPersistMs (300 ms).
        var script = new StringBuilder("TLM 0\n");
        for (int t = 0; t <= 600; t += 100)
        {
            script.Append(CultureInfo.InvariantCulture, $"injr {t} !1 A734000700 7B3A000800\n");
        }

        script.Append("ack 1\n");
        var result = RunConsole(script.ToString());

        Assert.True(result.ExitCode == 0, result.Stderr);
        string[] lines = Lines(result.Stdout);
        int raised = Array.FindIndex(lines, l => l.StartsWith("WARNING SENSOR_FAULT #1 on pressure (READ_FAILED) at board time ", StringComparison.Ordinal));
        int acknowledged = Array.IndexOf(lines, "alarm 1 acknowledged");
        Assert.True(raised >= 0 && acknowledged > raised, result.Stdout);
        Assert.EndsWith("; not acknowledged (ACK 1)", lines[raised], StringComparison.Ordinal);
        Assert.Contains(lines[(acknowledged + 1)..], l => l.StartsWith("WARNING event ALARM_ACKED at board time ", StringComparison.Ordinal) && l.EndsWith(": alarm #1 acknowledged (READ_FAILED)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ctrl_c_ends_a_session_that_waits_for_the_next_line_with_exit_code_0()
    {
        using Process process = CliRunner.StartWithOpenInput("board", "console", "--target", "sil");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            Task<string> errors = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.StandardInput.WriteLineAsync("STATUS");
            await process.StandardInput.FlushAsync(timeout.Token);
            string? line;
            while ((line = await process.StandardOutput.ReadLineAsync(timeout.Token)) is not null && !Regex.IsMatch(line, StatusSentence))
            {
            }

            Assert.True(line is not null, "no STATUS sentence before the output ended");

            // Standard input stays open: only the interrupt can end the session now.
            CliRunner.Interrupt(process.Id);

            await process.WaitForExitAsync(timeout.Token);
            Assert.Equal(0, process.ExitCode);
            Assert.Equal(string.Empty, await errors);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    [Fact]
    public void A_virtual_board_is_talked_to_the_same_way()
    {
        var result = CliRunner.RunWithInput("tlm 250\nSTATUS\n", "board", "console", "--target", "virtual");

        Assert.True(result.ExitCode == 0, result.Stderr);
        // Named once, with its device path.
        Assert.Single(Lines(result.Stdout), l => l.StartsWith("connected to /dev/", StringComparison.Ordinal) && l.Contains(": board virtual, ", StringComparison.Ordinal));
        Assert.DoesNotContain("connected: ", result.Stdout, StringComparison.Ordinal);
        Assert.Matches(new Regex(StatusSentence + ".*; telemetry every 250 ms$", RegexOptions.Multiline), result.Stdout);
    }

    private static CliRunner.Result RunConsole(string input, params string[] options) =>
        CliRunner.RunWithInput(input, ["board", "console", "--target", "sil", .. options]);

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>CRC-16/CCITT-FALSE as PROTOCOL.md §2 defines it, written here from the definition, not taken from the code under test.</summary>
    private static int Crc16CcittFalse(string text)
    {
        int crc = 0xFFFF;
        foreach (byte b in Encoding.ASCII.GetBytes(text))
        {
            crc ^= b << 8;
            for (int bit = 0; bit < 8; bit++)
            {
                crc = (crc & 0x8000) != 0 ? ((crc << 1) ^ 0x1021) & 0xFFFF : (crc << 1) & 0xFFFF;
            }
        }

        return crc;
    }
}
