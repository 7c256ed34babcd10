using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;
using ThermalMonitor.Compatibility.Tests.Gate;
using Xunit.Abstractions;

namespace ThermalMonitor.Compatibility.Tests.NanoClr;

/// <summary>
/// Compiled in only where a genuine nanoCLR has been built (tools/nanoclr/build.sh; see the project
/// file): the on-device test classes run on the real nanoFramework interpreter under the genuine
/// UnitTestLauncher (tools/nanoclr/run.sh), and every declared case must pass.
/// </summary>
public sealed partial class NanoClrStageTests(ITestOutputHelper output)
{
    private static string NanoClrHome =>
        typeof(NanoClrStageTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "NanoClrHome").Value!;

    [Fact]
    public async Task The_on_device_tests_pass_on_the_genuine_nanoCLR()
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryLayout.Instance.Root,
        };
        start.ArgumentList.Add(Path.Combine(RepositoryLayout.Instance.Root, "tools", "nanoclr", "run.sh"));
        start.Environment["NANOCLR_HOME"] = NanoClrHome;
        start.Environment["NANOCLR_RUN_DIR"] = Directory.CreateTempSubdirectory("nanoclr-stage-").FullName;
        using Process process = Process.Start(start) ?? throw new InvalidOperationException("could not start bash");
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        string stdout = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        string log = stdout + await stderr;
        output.WriteLine(log);

        Match summary = Summary().Match(log);
        Assert.True(summary.Success, "run.sh printed no summary line:\n" + log);
        int passed = int.Parse(summary.Groups["passed"].Value, System.Globalization.CultureInfo.InvariantCulture);
        int declared = int.Parse(summary.Groups["declared"].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("0", summary.Groups["failed"].Value);
        Assert.Equal(declared, passed);
        Assert.True(declared >= 95, $"only {declared} cases declared");
        Assert.Equal(0, process.ExitCode);
    }

    [GeneratedRegex(@"nanoCLR device tests: (?<passed>\d+) passed, (?<failed>\d+) failed, (?<skipped>\d+) skipped of \d+ \((?<declared>\d+) declared\)")]
    private static partial Regex Summary();
}
