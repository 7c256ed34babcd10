using System.Text.Json;

namespace ThermalMonitor.Cli.Tests;

/// <summary>
/// Real recordings replay to the end: impossible readings (below vacuum, NaN, empty cells) reach the
/// firmware as reading errors — a sensor fault or a rejected glitch, never a depressurization — and
/// the replay counts them, per channel and kind, on the console and in the result JSON.
/// </summary>
public sealed class ImpossibleReadingCommandTests
{
    // Limits well below the recording's ~1 bar, given explicitly so the test does not depend on the defaults.
    private const string OneBarLoop = """{"redLowPa":60000,"yellowLowPa":80000,"tempYellowHighMilliC":60000,"tempRedHighMilliC":70000}""";

    [Theory]
    [InlineData("sil")]
    [InlineData("virtual")]
    public void A_glitchy_coarse_recording_replays_to_the_end_with_exact_counts_and_no_depressurization(string target)
    {
        string directory = CliRunner.TempDirectory();
        // Deep below vacuum: the transducer's output is at (or next to) its 0 V rail, out of any live band.
        GlitchyRecording recording = GlitchyRecording.Write(directory, rows: 1800, -2.5, -1.0, -0.5);
        string config = TestFiles.Write(directory, "one-bar-loop.json", OneBarLoop);

        var result = CliRunner.Run(["replay", recording.Path, .. GlitchyRecording.ImportOptions, "--config", config, "--target", target, "--json", "-"]);

        Assert.True(result.ExitCode == 0, result.Stderr);
        using var json = JsonDocument.Parse(result.Stdout);
        JsonElement root = json.RootElement;
        Assert.Equal(17_991, root.GetProperty("samples").GetInt64()); // 0 … 1799 s at 100 ms: to the last row
        JsonElement readings = root.GetProperty("impossible_readings");
        Assert.Equal(recording.PressureBelowVacuum, readings.GetProperty("pressure").GetProperty("below_vacuum").GetInt32());
        Assert.Equal(0, readings.GetProperty("pressure").GetProperty("beyond_range").GetInt32());
        Assert.Equal(recording.PressureMissing, readings.GetProperty("pressure").GetProperty("missing").GetInt32());
        Assert.Equal(0, readings.GetProperty("temp").GetProperty("below_absolute_zero").GetInt32());
        Assert.Equal(recording.TempMissing, readings.GetProperty("temp").GetProperty("missing").GetInt32());
        Assert.True(recording.PressureBelowVacuum > 10 && recording.PressureMissing > 10 && recording.TempMissing > 10);
        List<string> types = [.. root.GetProperty("alarms").EnumerateArray().Select(a => a.GetProperty("type").GetString()!)];
        Assert.DoesNotContain("DEPRESSURIZATION", types);
        Assert.DoesNotContain("OVERTEMP", types);

        string summary = Assert.Single(result.StderrLines, l => l.StartsWith("impossible readings", StringComparison.Ordinal));
        Assert.Equal(
            $"impossible readings in {recording.Path}, fed to the firmware as reading errors: "
            + $"pressure {recording.PressureBelowVacuum} below vacuum, {recording.PressureMissing} missing; temp {recording.TempMissing} missing",
            summary);
    }

    [Fact]
    public void Readings_just_below_vacuum_are_out_of_band_with_a_live_band_that_starts_above_them()
    {
        // −20 kPa gives 6.8 % of supply at the transducer; a live band from 9 % rejects it.
        string directory = CliRunner.TempDirectory();
        GlitchyRecording recording = GlitchyRecording.Write(directory, rows: 1200, -0.20);
        string config = TestFiles.Write(directory, "tight-band.json", OneBarLoop.Replace("{", "{\"pressureLiveMinPpm\":90000,", StringComparison.Ordinal));

        var result = CliRunner.Run(["replay", recording.Path, .. GlitchyRecording.ImportOptions, "--config", config, "--json", "-"]);

        Assert.True(result.ExitCode == 0, result.Stderr);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(11_991, json.RootElement.GetProperty("samples").GetInt64());
        Assert.Equal(recording.PressureBelowVacuum, json.RootElement.GetProperty("impossible_readings").GetProperty("pressure").GetProperty("below_vacuum").GetInt32());
        Assert.DoesNotContain(json.RootElement.GetProperty("alarms").EnumerateArray(), a => a.GetProperty("type").GetString() == "DEPRESSURIZATION");
        Assert.Equal(90000, json.RootElement.GetProperty("config").GetProperty("pressureLiveMinPpm").GetInt32());
    }

    [Fact]
    public void A_recording_without_impossible_readings_prints_no_summary_line()
    {
        string directory = CliRunner.TempDirectory();
        string path = TestFiles.Write(directory, "clean.csv", "time_s,pressure_kpa,temp_c\n0,250,20\n60,250,20\n");

        var result = CliRunner.Run("replay", path, "--config", TestFiles.Write(directory, "c.json", OneBarLoop));

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("impossible readings", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pressure_only_recording_replays_with_the_slow_path_off_and_says_so_once()
    {
        string directory = CliRunner.TempDirectory();
        string path = TestFiles.Write(directory, "pressure-only.csv", "t;p\n" + string.Concat(Enumerable.Range(0, 600).Select(i => $"{i};{(i % 2 == 0 ? "1,01" : "1,03")}\n")));

        var result = CliRunner.Run("replay", path, "--map", "time=t,pressure=p", "--pressure-unit", "bar", "--config", TestFiles.Write(directory, "c.json", OneBarLoop), "--json", "-");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal(
            $"no coolant temperature in {path}: the thermal-compensated slow path is off for this replay",
            Assert.Single(result.StderrLines, l => l.Contains("coolant temperature", StringComparison.Ordinal)));
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(5_991, json.RootElement.GetProperty("samples").GetInt64());
        Assert.Equal(0, json.RootElement.GetProperty("config").GetProperty("slowPathEnabled").GetInt32());
        Assert.Equal(0, json.RootElement.GetProperty("impossible_readings").GetProperty("temp").GetProperty("missing").GetInt32());
        Assert.Empty(json.RootElement.GetProperty("alarms").EnumerateArray());
    }

    [Fact]
    public void A_recording_with_temperature_keeps_the_slow_path_as_configured()
    {
        string directory = CliRunner.TempDirectory();
        string path = TestFiles.Write(directory, "with-temp.csv", "time_s,pressure_kpa,temp_c\n0,250,20\n60,250,20\n");

        var result = CliRunner.Run("replay", path, "--config", TestFiles.Write(directory, "c.json", OneBarLoop), "--json", "-");

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("coolant temperature", result.Stderr, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(1, json.RootElement.GetProperty("config").GetProperty("slowPathEnabled").GetInt32());
    }

    [Fact]
    public void A_recording_that_starts_below_the_red_limit_gets_one_hint_naming_value_limit_and_remedy()
    {
        string directory = CliRunner.TempDirectory();
        GlitchyRecording recording = GlitchyRecording.Write(directory, rows: 120, -1.0);
        // Limits above the loop's ~1 bar, as a configuration for a 2.5 bar loop would have them.
        string config = TestFiles.Write(directory, "high.json", """{"redLowPa":150000,"yellowLowPa":200000}""");

        var result = CliRunner.Run(["replay", recording.Path, .. GlitchyRecording.ImportOptions, "--config", config, "--json", "-"]);

        Assert.Equal(0, result.ExitCode);
        string hint = Assert.Single(result.StderrLines, l => l.StartsWith("hint:", StringComparison.Ordinal));
        Assert.Contains($"hint: {recording.Path} reads ", hint, StringComparison.Ordinal);
        Assert.Contains("kPa in its first 10 s, below the red low limit (redLowPa = 150000 Pa): RED_LOW_LIMIT from the start.", hint, StringComparison.Ordinal);
        Assert.Contains("--config <file.json>, e.g. {\"redLowPa\":", hint, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Contains(json.RootElement.GetProperty("alarms").EnumerateArray(), a => a.GetProperty("cause").GetString() == "RED_LOW_LIMIT");

        // The hint's own example, given as --config, silences the limits.
        string example = hint[(hint.IndexOf("e.g. ", StringComparison.Ordinal) + 5)..];
        var followed = CliRunner.Run(["replay", recording.Path, .. GlitchyRecording.ImportOptions, "--config", TestFiles.Write(directory, "example.json", example), "--json", "-"]);
        Assert.Equal(0, followed.ExitCode);
        Assert.DoesNotContain(followed.StderrLines, l => l.StartsWith("hint:", StringComparison.Ordinal));
        using var after = JsonDocument.Parse(followed.Stdout);
        Assert.DoesNotContain(after.RootElement.GetProperty("alarms").EnumerateArray(), a => a.GetProperty("type").GetString() == "DEPRESSURIZATION");
    }
}
