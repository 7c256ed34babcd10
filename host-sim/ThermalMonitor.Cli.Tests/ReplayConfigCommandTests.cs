using System.Text.Json;
using ThermalMonitor.Targets;
using ThermalMonitor.VirtualBoard;

namespace ThermalMonitor.Cli.Tests;

/// <summary>
/// <c>replay --config &lt;file.json&gt;</c>: the document of <c>CFG SET</c>, judged before anything runs,
/// applied on every target, recorded in the result, and on a board given back afterwards.
/// </summary>
public sealed class ReplayConfigCommandTests
{
    // Both limits given, so neither result depends on the defaults: below and above the profile's 250 kPa.
    private const string LowLimits = """{"redLowPa":100000,"yellowLowPa":150000}""";
    private const string HighLimits = """{"redLowPa":400000,"yellowLowPa":450000}""";

    [Theory]
    [InlineData("sil")]
    [InlineData("virtual")]
    public void A_red_limit_above_the_profiles_pressure_raises_red_low_limit_and_the_result_records_the_configuration(string target)
    {
        string directory = CliRunner.TempDirectory();
        string profile = TestFiles.Write(directory, "flat.csv", "time_s,pressure_kpa,temp_c\n0,250,20\n120,250,20\n");

        var low = CliRunner.Run("replay", profile, "--config", TestFiles.Write(directory, "low.json", LowLimits), "--target", target, "--json", "-");
        var high = CliRunner.Run("replay", profile, "--config", TestFiles.Write(directory, "high.json", HighLimits), "--target", target, "--json", "-");

        Assert.True(low.ExitCode == 0, low.Stderr);
        Assert.True(high.ExitCode == 0, high.Stderr);
        using var lowJson = JsonDocument.Parse(low.Stdout);
        using var highJson = JsonDocument.Parse(high.Stdout);
        Assert.Empty(lowJson.RootElement.GetProperty("alarms").EnumerateArray());
        List<JsonElement> alarms = [.. highJson.RootElement.GetProperty("alarms").EnumerateArray()];
        JsonElement red = Assert.Single(alarms, a => a.GetProperty("cause").GetString() == "RED_LOW_LIMIT");
        Assert.Equal("DEPRESSURIZATION", red.GetProperty("type").GetString());
        Assert.True(red.GetProperty("time_s").GetDouble() < 5.0);
        Assert.Contains(alarms, a => a.GetProperty("cause").GetString() == "YELLOW_LOW_LIMIT");

        // The whole configuration, every parameter, as CFG GET writes it.
        JsonElement config = highJson.RootElement.GetProperty("config");
        Assert.Equal("thermal-monitor/config@1", config.GetProperty("schema").GetString());
        Assert.Equal(400000, config.GetProperty("redLowPa").GetInt32());
        Assert.Equal(450000, config.GetProperty("yellowLowPa").GetInt32());
        Assert.True(config.EnumerateObject().Count() > 60);
        Assert.Equal(
            lowJson.RootElement.GetProperty("config").EnumerateObject().Select(p => p.Name),
            config.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Members_not_given_keep_the_defaults()
    {
        string directory = CliRunner.TempDirectory();
        string profile = TestFiles.Write(directory, "flat.csv", "time_s,pressure_kpa,temp_c\n0,250,20\n10,250,20\n");

        var defaults = CliRunner.Run("replay", profile, "--json", "-");
        var partial = CliRunner.Run("replay", profile, "--config", TestFiles.Write(directory, "p.json", """{"rateLimitPaPerS":251}"""), "--json", "-");

        using var defaultsJson = JsonDocument.Parse(defaults.Stdout);
        using var partialJson = JsonDocument.Parse(partial.Stdout);
        var expected = defaultsJson.RootElement.GetProperty("config").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetRawText());
        var actual = partialJson.RootElement.GetProperty("config").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetRawText());
        Assert.NotEqual("251", expected["rateLimitPaPerS"]);
        expected["rateLimitPaPerS"] = "251";
        Assert.Equal(expected, actual);
    }

    public static TheoryData<string, string, string> BadDocuments() => new()
    {
        { """{"redLowPa":200000,"yellowLowPa":150000}""", "redLowPa", "the red limit must be below the yellow limit" },
        { """{"noSuchParameter":1}""", "noSuchParameter", "unknown parameter" },
        { """{"redLowPa":"100000"}""", "redLowPa", "must be a whole number, got a string" },
        { """{"redLowPa":1.5e5}""", "redLowPa", "must be a whole number, got a number with a fraction or exponent" },
        { """{"samplePeriodMs":5}""", "samplePeriodMs", "must be" },
        { """{"redLowPa":100000,"redLowPa":100000}""", "redLowPa", "given twice" },
        { "{\n  \"redLowPa\": 100000,\n}\n", "json", "(at line 3, byte 0)" },
        { "[1, 2]", "json", "expected a JSON object" },
        { "", "json", "" },
        { """{"schema":"thermal-monitor/config@2"}""", "schema", "must be \"thermal-monitor/config@1\"" },
    };

    [Theory]
    [MemberData(nameof(BadDocuments))]
    public void A_bad_configuration_is_one_line_naming_file_and_field_exit_code_2_and_nothing_runs(string document, string field, string problem)
    {
        string directory = CliRunner.TempDirectory();
        string config = TestFiles.Write(directory, "bad.json", document);

        var result = CliRunner.Run("replay", "progress-ms21", "--config", config);

        Assert.Equal(2, result.ExitCode);
        string line = Assert.Single(result.StderrLines);
        Assert.StartsWith($"error: {config}: {field}: ", line, StringComparison.Ordinal);
        Assert.Contains(problem, line, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Stdout);
    }

    [Fact]
    public void A_bad_configuration_stops_a_board_replay_before_any_board_is_started()
    {
        string directory = CliRunner.TempDirectory();
        string config = TestFiles.Write(directory, "bad.json", """{"redLowPa":-1}""");

        var result = CliRunner.Run("replay", "progress-ms21", "--config", config, "--target", "virtual");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"error: {config}: redLowPa: must be ", Assert.Single(result.StderrLines), StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Stdout);
    }

    [Theory]
    [InlineData("missing.json")]
    [InlineData("")]
    public void An_unreadable_configuration_file_is_one_line_and_exit_code_2(string name)
    {
        string directory = CliRunner.TempDirectory();
        string path = Path.Combine(directory, name); // "" is the directory itself

        var result = CliRunner.Run("replay", "progress-ms21", "--config", path);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"error: {path}: cannot be read: ", Assert.Single(result.StderrLines), StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Stdout);
    }

    [Fact]
    public void An_empty_configuration_argument_is_one_line_and_exit_code_2()
    {
        var result = CliRunner.Run("replay", "progress-ms21", "--config", "");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: --config '': expected a JSON file", Assert.Single(result.StderrLines), StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Stdout);
    }

    [Fact]
    public void A_replay_on_a_board_gives_back_its_configuration_telemetry_period_and_live_mode()
    {
        string directory = CliRunner.TempDirectory();
        string profile = TestFiles.Write(directory, "flat.csv", "time_s,pressure_kpa,temp_c\n0,250,20\n120,250,20\n");
        using var board = VirtualBoardProcess.Start(["--live", "progress-ms21", "--speed", "1", "--link", Path.Combine(directory, "ttyTM")]);
        string target = "serial:" + board.DevicePath;
        Assert.Equal(0, CliRunner.Run("board", "config", "set", """{"rateLimitPaPerS":250}""", "--target", target).ExitCode);
        string before = CliRunner.BoardConfig(target);
        Assert.Contains("\"rateLimitPaPerS\":250,", before, StringComparison.Ordinal);
        string statusBefore = CliRunner.Run("board", "status", "--target", target).Stdout;
        Assert.Matches(@"│ mode\s+│ LIVE", statusBefore);

        var replay = CliRunner.Run("replay", profile, "--config", TestFiles.Write(directory, "high.json", HighLimits), "--target", target, "--json", "-");

        Assert.True(replay.ExitCode == 0, replay.Stderr);
        using var json = JsonDocument.Parse(replay.Stdout);
        Assert.Equal(400000, json.RootElement.GetProperty("config").GetProperty("redLowPa").GetInt32());
        Assert.Contains(json.RootElement.GetProperty("alarms").EnumerateArray(), a => a.GetProperty("cause").GetString() == "RED_LOW_LIMIT");
        Assert.Equal(before, CliRunner.BoardConfig(target));
        string status = CliRunner.Run("board", "status", "--target", target).Stdout;
        Assert.Matches(@"│ mode\s+│ LIVE", status);
        Assert.Equal(Field(statusBefore, "tlm_ms"), Field(status, "tlm_ms"));
    }

    private static string Field(string statusTable, string name) =>
        System.Text.RegularExpressions.Regex.Match(statusTable, $@"│ {name}\s+│ (\S+)").Groups[1].Value is { Length: > 0 } value
            ? value
            : throw new Xunit.Sdk.XunitException($"no {name} in the status table:\n{statusTable}");
}
