using System.Text.Json;

namespace ThermalMonitor.Cli.Tests;

public class ReplayCommandTests
{
    [Fact]
    public void The_readme_command_replays_ms21_and_prints_depressurization_with_its_delay()
    {
        var result = CliRunner.Run("replay", "progress-ms21");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("DEPRESSURIZATION", result.Stdout);
        Assert.Matches(@"DEPRESSURIZATION\s+\S*\s*raised [0-9.]+ s after leak onset", result.Stdout);
    }

    [Fact]
    public void Json_to_stdout_follows_the_replay_result_contract()
    {
        var result = CliRunner.Run("replay", "progress-ms21", "--json", "-");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        JsonElement root = json.RootElement;
        Assert.Equal("thermal-monitor/replay-result@1", root.GetProperty("schema").GetString());
        Assert.Equal("progress-ms21", root.GetProperty("profile").GetString());
        Assert.Equal("sil", root.GetProperty("target").GetString());
        Assert.True(root.GetProperty("samples").GetInt64() > 0);
        Assert.True(root.GetProperty("duration_s").GetDouble() > 0);
        JsonElement first = root.GetProperty("alarms")[0];
        foreach (string property in new[] { "seq", "type", "severity", "channel", "time_s", "cleared_time_s" })
        {
            Assert.True(first.TryGetProperty(property, out _), $"alarm lacks '{property}'");
        }

        Assert.Equal("DEPRESSURIZATION", first.GetProperty("type").GetString());
    }

    [Fact]
    public void A_window_around_the_onset_replays_only_it_and_raises_the_same_first_alarm_at_the_same_profile_time()
    {
        var whole = CliRunner.Run("replay", "progress-ms21", "--json", "-");
        var window = CliRunner.Run("replay", "progress-ms21", "--window", "onset-10m..onset+5m", "--json", "-");

        Assert.Equal(0, window.ExitCode);
        using var wholeJson = JsonDocument.Parse(whole.Stdout);
        using var windowJson = JsonDocument.Parse(window.Stdout);
        Assert.Equal(9001, windowJson.RootElement.GetProperty("samples").GetInt64()); // 15 min at 100 ms, both ends included
        Assert.True(wholeJson.RootElement.GetProperty("samples").GetInt64() > 9001);
        JsonElement first = windowJson.RootElement.GetProperty("alarms")[0];
        JsonElement expected = wholeJson.RootElement.GetProperty("alarms")[0];
        Assert.Equal(expected.GetProperty("type").GetString(), first.GetProperty("type").GetString());
        Assert.Equal(expected.GetProperty("severity").GetString(), first.GetProperty("severity").GetString());
        Assert.Equal(expected.GetProperty("time_s").GetDouble(), first.GetProperty("time_s").GetDouble(), 0.5);
    }

    [Theory]
    [InlineData(new[] { "replay", "no-such-profile" }, "no profile named 'no-such-profile'")]
    [InlineData(new[] { "replay", "progress-ms21", "--target", "usb" }, "target 'usb': expected sil, virtual[@<baud>] or serial")]
    [InlineData(new[] { "replay", "progress-ms21", "--target", "serial:/dev/ttyUSB0@fast" }, "baud 'fast'")]
    [InlineData(new[] { "replay", "progress-ms21", "--target", "virtual@0" }, "baud '0'")]
    [InlineData(new[] { "replay", "progress-ms21", "--target", "serial:/dev/no-such-tty" }, "cannot open serial device '/dev/no-such-tty'")]
    [InlineData(new[] { "replay", "progress-ms21", "--serial-transport", "usb" }, "--serial-transport 'usb': expected termios or ports")]
    [InlineData(new[] { "board", "status", "--target", "serial:/dev/no-such-tty", "--serial-transport", "ports" }, "cannot open serial device '/dev/no-such-tty'")]
    [InlineData(new[] { "board", "config", "set", "--target", "virtual" }, "give the JSON document")]
    [InlineData(new[] { "board", "ack", "seven", "--target", "virtual" }, "board ack 'seven'")]
    [InlineData(new[] { "replay", "progress-ms21", "--speed", "-2" }, "--speed -2")]
    [InlineData(new[] { "replay", "/nonexistent/x.csv" }, "'/nonexistent/x.csv' does not exist")]
    [InlineData(new[] { "replay" }, "error:")]
    [InlineData(new[] { "replay", "progress-ms21", "--pressure-unit", "atm", "--map", "time=1,pressure=2,temp=3" }, "--pressure-unit 'atm'")]
    [InlineData(new[] { "replay", "progress-ms21", "--window", "10m" }, "--window '10m': expected FROM..TO")]
    [InlineData(new[] { "replay", "progress-ms21", "--window", "onset-1x..end" }, "'1x' is not a duration")]
    [InlineData(new[] { "replay", "progress-ms21", "--window", "onset+5m..onset" }, "not after its start at 1:05:00")]
    [InlineData(new[] { "replay", "progress-ms21", "--window", "20h..21h" }, "holds 0 row(s) of progress-ms21")]
    [InlineData(new[] { "replay", "fault-pressure-open", "--window", "onset..end" }, "has no known leak onset")]
    public void Bad_input_is_one_specific_line_and_exit_code_2(string[] args, string expected)
    {
        var result = CliRunner.Run(args);

        Assert.Equal(2, result.ExitCode);
        string line = Assert.Single(result.StderrLines);
        Assert.StartsWith("error: ", line);
        Assert.Contains(expected, line);
    }

    [Fact]
    public void Replay_on_the_virtual_board_gives_the_same_alarms_as_on_the_in_process_board_and_reports_them()
    {
        string report = Path.Combine(CliRunner.TempDirectory(), "virtual.html");
        var sil = CliRunner.Run("replay", "progress-ms21", "--json", "-");
        var wire = CliRunner.Run("replay", "progress-ms21", "--target", "virtual", "--json", "-", "--report", report);

        Assert.Equal(0, wire.ExitCode);
        using var silJson = JsonDocument.Parse(sil.Stdout);
        using var wireJson = JsonDocument.Parse(wire.Stdout);
        Assert.Equal("sil", silJson.RootElement.GetProperty("target").GetString());
        Assert.Equal("virtual", wireJson.RootElement.GetProperty("target").GetString());
        Assert.Equal(silJson.RootElement.GetProperty("samples").GetInt64(), wireJson.RootElement.GetProperty("samples").GetInt64());
        Assert.Equal(silJson.RootElement.GetProperty("alarms").GetRawText(), wireJson.RootElement.GetProperty("alarms").GetRawText());

        // The per-sample series come from the core run directly on the same counts; the page names
        // the target and draws its alarms, and no warning says the two disagree.
        string page = File.ReadAllText(report);
        Assert.Contains("<code class=\"target\">virtual</code>", page, StringComparison.Ordinal);
        Assert.Contains("RATE_OF_DROP", page, StringComparison.Ordinal);
        Assert.DoesNotContain("warning:", wire.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Board_config_get_on_a_virtual_board_prints_the_json_document()
    {
        var result = CliRunner.Run("board", "config", "get", "--target", "virtual");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout.Trim());
        Assert.Equal("thermal-monitor/config@1", json.RootElement.GetProperty("schema").GetString());
        Assert.Equal(100, json.RootElement.GetProperty("samplePeriodMs").GetInt32());
    }

    [Fact]
    public void A_bad_cell_in_a_profile_is_reported_with_file_line_and_column()
    {
        string directory = CliRunner.TempDirectory();
        string path = Path.Combine(directory, "broken.csv");
        File.WriteAllText(path, "time_s,pressure_kpa,temp_c\n0.0,250.0,15.0\n0.1,2x0.0,15.0\n");

        var result = CliRunner.Run("replay", path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"{path}:3:2", Assert.Single(result.StderrLines));
    }

    [Fact]
    public void A_foreign_csv_replays_with_a_column_map_and_units()
    {
        string directory = CliRunner.TempDirectory();
        string path = Path.Combine(directory, "bench.csv");
        using (var writer = new StreamWriter(path))
        {
            writer.WriteLine("Timestamp;P1 [bar];T1 [F]");
            var start = new DateTime(2026, 3, 16, 13, 0, 0);
            for (int i = 0; i < 1200; i++)
            {
                double bar = i < 900 ? 1.5 : 0.05; // gauge: 2.5 bar absolute, then a sudden loss
                writer.WriteLine($"{start.AddSeconds(i):yyyy-MM-dd HH:mm:ss};{bar.ToString(System.Globalization.CultureInfo.InvariantCulture)};59.0");
            }
        }

        var result = CliRunner.Run("replay", path, "--map", "time=Timestamp,pressure=P1 [bar],temp=T1 [F]", "--pressure-unit", "bar", "--gauge", "--temp-unit", "F", "--json", "-");

        Assert.True(result.ExitCode == 0, result.Stderr);
        using var json = JsonDocument.Parse(result.Stdout);
        var alarms = json.RootElement.GetProperty("alarms").EnumerateArray().ToList();
        Assert.Contains(alarms, a => a.GetProperty("type").GetString() == "DEPRESSURIZATION" && a.GetProperty("time_s").GetDouble() >= 900);
    }

    [Theory]
    [InlineData("replay")]
    [InlineData("score")]
    [InlineData("report")]
    [InlineData("generate")]
    [InlineData("profiles")]
    public void Every_command_has_help_with_an_example(string command)
    {
        var result = CliRunner.Run(command, "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Example: thermal-sim", result.Stdout);
    }
}
