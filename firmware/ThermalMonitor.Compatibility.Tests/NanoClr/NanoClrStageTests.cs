using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;
using ThermalMonitor.Compatibility.Tests.Gate;
using Xunit.Abstractions;

namespace ThermalMonitor.Compatibility.Tests.NanoClr;

/// <summary>
/// Compiled in only where a genuine nanoCLR has been built (tools/nanoclr/build.sh; see the project
/// file): the on-device test classes run on the real nanoFramework interpreter under the genuine
/// UnitTestLauncher (tools/nanoclr/run.sh) and every declared case must pass; the board's output on
/// library windows is the host build's byte for byte (fidelity.sh); every shared configuration
/// vector gets the host's reply through nanoFramework.Json (vectors.sh).
/// </summary>
public sealed partial class NanoClrStageTests(ITestOutputHelper output)
{
    private static string NanoClrHome =>
        typeof(NanoClrStageTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "NanoClrHome").Value!;

    [Fact]
    public async Task The_on_device_tests_pass_on_the_genuine_nanoCLR()
    {
        (string log, int exitCode) = await RunScriptAsync("run.sh", freshWorkDirectory: true);

        Match summary = Summary().Match(log);
        Assert.True(summary.Success, "run.sh printed no summary line:\n" + log);
        int passed = int.Parse(summary.Groups["passed"].Value, System.Globalization.CultureInfo.InvariantCulture);
        int declared = int.Parse(summary.Groups["declared"].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("0", summary.Groups["failed"].Value);
        Assert.Equal(declared, passed);
        Assert.True(declared >= 95, $"only {declared} cases declared");
        Assert.Equal(0, exitCode);
    }

    /// <summary>The core's events, telemetry and link bytes on library windows: the nanoCLR's equal the host build's.</summary>
    [Fact]
    public async Task The_board_output_on_the_nanoCLR_is_the_host_builds_byte_for_byte()
    {
        // Its default work directory keeps the compiled line chunks between runs (≈ 1 min instead of ≈ 2.5).
        (string log, int exitCode) = await RunScriptAsync("fidelity.sh", freshWorkDirectory: false);

        Match summary = FidelitySummary().Match(log);
        Assert.True(summary.Success, "fidelity.sh printed no summary line:\n" + log);
        Assert.True(int.Parse(summary.Groups["windows"].Value, System.Globalization.CultureInfo.InvariantCulture) >= 6, "fewer than the six library windows were compared");
        Assert.Equal("all identical, PASS", summary.Groups["verdict"].Value);
        Assert.DoesNotContain("identical: no", log, StringComparison.Ordinal);
        Assert.Equal(0, exitCode);
    }

    /// <summary>Every shared configuration vector gets the same reply from the ESP32's reader on the nanoCLR as from the host twin.</summary>
    [Fact]
    public async Task Every_config_vector_gets_the_host_outcome_through_nanoFramework_Json()
    {
        (string log, int exitCode) = await RunScriptAsync("vectors.sh", freshWorkDirectory: true);

        Match summary = VectorsSummary().Match(log);
        Assert.True(summary.Success, "vectors.sh printed no summary line:\n" + log);
        int identical = int.Parse(summary.Groups["identical"].Value, System.Globalization.CultureInfo.InvariantCulture);
        int total = int.Parse(summary.Groups["total"].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(total, identical);
        Assert.True(total >= 160, $"only {total} vectors were sent");
        Assert.Equal(0, exitCode);
    }

    /// <summary>Runs one of tools/nanoclr's scripts against this build; the whole output goes to the test log.</summary>
    private async Task<(string Log, int ExitCode)> RunScriptAsync(string script, bool freshWorkDirectory)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryLayout.Instance.Root,
        };
        start.ArgumentList.Add(Path.Combine(RepositoryLayout.Instance.Root, "tools", "nanoclr", script));
        start.Environment["NANOCLR_HOME"] = NanoClrHome;
        if (freshWorkDirectory)
        {
            start.Environment["NANOCLR_RUN_DIR"] = Directory.CreateTempSubdirectory("nanoclr-stage-").FullName;
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException("could not start bash");
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        string stdout = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        string log = stdout + await stderr;
        output.WriteLine(log);
        return (log, process.ExitCode);
    }

    [GeneratedRegex(@"nanoCLR device tests: (?<passed>\d+) passed, (?<failed>\d+) failed, (?<skipped>\d+) skipped of \d+ \((?<declared>\d+) declared\)")]
    private static partial Regex Summary();

    [GeneratedRegex(@"nanoCLR fidelity: (?<windows>\d+) windows, .*?; (?<verdict>[^;]*?) in \d+ s")]
    private static partial Regex FidelitySummary();

    [GeneratedRegex(@"nanoCLR config vectors: (?<identical>\d+) of (?<total>\d+) identical")]
    private static partial Regex VectorsSummary();
}
