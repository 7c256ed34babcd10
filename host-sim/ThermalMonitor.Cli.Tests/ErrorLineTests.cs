using System.Globalization;
using System.Text;

namespace ThermalMonitor.Cli.Tests;

/// <summary>
/// Bad input is one line, <c>error: &lt;what and where&gt;</c>, on standard error with exit code 2:
/// never a .NET stack trace (exit 134), a .NET type name or a " (Parameter 'x')".
/// </summary>
public sealed class ErrorLineTests
{
    [Fact]
    public void A_time_jump_beyond_any_replay_names_the_file_the_jump_and_the_row()
    {
        // Two rows a billion seconds apart: no stall in a recording, a grid of 10^10 samples.
        string path = TestFiles.Write(CliRunner.TempDirectory(), "jump.csv", "time_s,pressure_kpa,temp_c\n0,250.0,15.0\n1000000000,250.0,15.0\n");

        var result = CliRunner.Run("replay", path);

        AssertOneErrorLine(result, $"error: {path}: runs from 0 s to 1000000000 s, 11574.1 days of samples: longer than the longest replayable profile (366 days); replay a stretch of it with --window");
    }

    [Fact]
    public void A_malformed_column_map_is_one_line_without_the_parameter_name()
    {
        string path = TestFiles.Write(CliRunner.TempDirectory(), "good.csv", "time_s,pressure_kpa\n0,250\n1,250\n");

        var result = CliRunner.Run("replay", path, "--map", "garbage");

        AssertOneErrorLine(result, "error: --map entry 'garbage' must be key=column (e.g. time=1 or pressure=\"P (bar)\"); the map was 'garbage'.");
    }

    [Fact]
    public void Generate_into_a_missing_directory_names_the_directory_and_writes_nothing()
    {
        string missing = Path.Combine(CliRunner.TempDirectory(), "no-such-dir");

        var result = CliRunner.Run("generate", "--preset", "soyuz-ms22", "--out", Path.Combine(missing, "x.csv.gz"));

        AssertOneErrorLine(result, $"error: --out '{missing}/x.csv.gz': the directory '{missing}' does not exist");
        Assert.False(Directory.Exists(missing));
    }

    [Theory]
    [InlineData(new[] { "replay", "progress-ms21", "--seed", "-5" }, "error: --seed: expected a whole number from 0 to 18446744073709551615, got '-5' (see 'thermal-sim --help')")]
    [InlineData(new[] { "replay", "progress-ms21", "--speed", "fast" }, "error: --speed: expected a number (e.g. 2.5), got 'fast' (see 'thermal-sim --help')")]
    [InlineData(new[] { "frobnicate" }, "error: unknown command 'frobnicate'; commands: profiles, generate, replay, score, campaign, report, board, dashboard, dictionary (see 'thermal-sim --help')")]
    [InlineData(new[] { "board", "frob" }, "error: board: unknown command 'frob'; commands: status, config, mode, ack, monitor, ports, virtual, calibrate, console (see 'thermal-sim --help')")]
    [InlineData(new[] { "generate", "--hole-mm", "0", "--out", "/tmp/never-written.csv" }, "error: --hole-mm 0: expected a diameter greater than 0 and at most 50 mm")]
    [InlineData(new[] { "board", "status", "--target", "serial:/dev/no-such-tty" }, "error: target serial:/dev/no-such-tty@921600: cannot open serial device '/dev/no-such-tty': No such file or directory (ENOENT); is the board plugged in? list candidates with 'thermal-sim board ports'")]
    public void Messages_speak_the_users_terms(string[] args, string expected)
    {
        AssertOneErrorLine(CliRunner.Run(args), expected);
    }

    [Fact]
    public void An_unsupported_baud_lists_the_supported_ones_without_the_parameter_name()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // macOS takes any positive rate.
        }

        var result = CliRunner.Run("board", "status", "--target", "virtual@12345");

        string line = AssertOneErrorLine(result);
        Assert.StartsWith("error: target virtual@12345: baud 12345 is not supported on Linux; supported: 1200, ", line);
        Assert.EndsWith(", 921600, 1000000, 1152000, 1500000, 2000000, 2500000, 3000000, 3500000, 4000000", line);
    }

    [Theory]
    [InlineData("replay")]
    [InlineData("score")]
    [InlineData("campaign")]
    public void Two_outputs_naming_one_file_are_refused_before_anything_is_written(string command)
    {
        string directory = CliRunner.TempDirectory();
        string json = Path.Combine(directory, "k.json");
        string[] args = command == "replay" ? ["replay", "progress-ms21"] : command == "score" ? ["score", "--only", "progress-ms21"] : ["campaign", "--loops", "1"];

        // The same file spelt two ways.
        var result = CliRunner.Run([.. args, "--json", json, "--report", Path.Combine(directory, ".", "k.json")]);

        AssertOneErrorLine(result, $"error: --json and --report both name '{Path.Combine(directory, ".", "k.json")}': give them different files");
        Assert.False(File.Exists(json));
    }

    [Fact]
    public void Generate_keeps_an_existing_profile_unless_forced()
    {
        string directory = CliRunner.TempDirectory();
        string path = TestFiles.Write(directory, "mine.csv", "precious\n");

        var refused = CliRunner.Run("generate", "--preset", "progress-ms21", "--duration-h", "0.1", "--out", path);
        AssertOneErrorLine(refused, $"error: --out '{path}': the file exists; add --force to overwrite it");
        Assert.Equal("precious\n", File.ReadAllText(path));

        var forced = CliRunner.Run("generate", "--preset", "progress-ms21", "--duration-h", "0.1", "--out", path, "--force");
        Assert.True(forced.ExitCode == 0, forced.Stderr);
        Assert.Contains("time_s", File.ReadAllText(path), StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_help_documents_force()
    {
        var result = CliRunner.Run("generate", "--help");

        Assert.Contains("--force", result.Stdout);
    }

    // Fault rows closer than a sample period: a glitch and an open window land on the same sample,
    // which the sensor simulation refuses with an exception nothing above it turns into bad input yet.
    private const string OverlappingFaults = "time_s,pressure_kpa,temp_c,fault_pressure\n0.0,250,15,\n0.01,250,15,glitch\n0.02,250,15,open\n0.2,250,15,\n1.0,250,15,\n";

    [Fact]
    public void An_unexpected_exception_is_one_internal_error_line_without_a_stack_trace()
    {
        string path = TestFiles.Write(CliRunner.TempDirectory(), "faults.csv", OverlappingFaults);

        var result = CliRunner.Run("replay", path);

        Assert.Equal(2, result.ExitCode);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        Assert.Matches(@"^error: internal error: ArgumentException: .+ \(please report it with the command line; THERMAL_SIM_DEBUG=1 shows where it happened\)$", Assert.Single(result.StderrLines));
    }

    [Fact]
    public void Thermal_sim_debug_shows_the_stack_trace_of_an_internal_error()
    {
        string path = TestFiles.Write(CliRunner.TempDirectory(), "faults.csv", OverlappingFaults);

        var result = CliRunner.RunWith(new Dictionary<string, string> { ["THERMAL_SIM_DEBUG"] = "1" }, "replay", path);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: internal error: System.ArgumentException: ", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("   at ", result.Stderr, StringComparison.Ordinal);
    }

    private static string AssertOneErrorLine(CliRunner.Result result, string? expected = null)
    {
        Assert.True(result.ExitCode == 2, $"exit code {result.ExitCode}; stderr: {result.Stderr}");
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("(Parameter '", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", result.Stderr, StringComparison.Ordinal);
        string line = Assert.Single(result.StderrLines);
        if (expected is not null)
        {
            Assert.Equal(expected, line);
        }

        return line;
    }
}
