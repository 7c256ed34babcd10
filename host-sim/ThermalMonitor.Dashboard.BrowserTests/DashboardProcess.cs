using System.Diagnostics;
using System.Globalization;

namespace ThermalMonitor.Dashboard.BrowserTests;

/// <summary>
/// <c>thermal-sim dashboard</c>, or <c>thermal-sim replay … --dashboard</c>, as a real process on a
/// port the system chooses; stopped with Ctrl+C (SIGINT).
/// </summary>
public sealed class DashboardProcess : IDisposable
{
    private readonly Process process;
    private readonly Task<string> stderr;

    private DashboardProcess(Process process, Uri address, Task<string> stderr)
    {
        this.process = process;
        Address = address;
        this.stderr = stderr;
    }

    /// <summary>The page's address, as the command printed it.</summary>
    public Uri Address { get; }

    /// <summary><c>thermal-sim dashboard</c> with <paramref name="options"/>.</summary>
    public static DashboardProcess Start(params string[] options) => Run(["dashboard", "--listen", "127.0.0.1:0", .. options]);

    /// <summary><c>thermal-sim replay</c> with <paramref name="arguments"/> and its page.</summary>
    public static DashboardProcess Replay(params string[] arguments) => Run(["replay", .. arguments, "--dashboard=127.0.0.1:0"]);

    private static DashboardProcess Run(string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (string argument in (string[])[Path.Combine(AppContext.BaseDirectory, "thermal-sim.dll"), .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["NO_COLOR"] = "1";
        var process = Process.Start(start)!;
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        string? line;
        while ((line = process.StandardOutput.ReadLine()) is not null)
        {
            if (line.StartsWith("dashboard: ", StringComparison.Ordinal))
            {
                _ = process.StandardOutput.ReadToEndAsync();
                return new DashboardProcess(process, new Uri(line["dashboard: ".Length..]), stderr);
            }
        }

        process.WaitForExit();
        throw new InvalidOperationException($"thermal-sim {arguments[0]} ended without serving (exit {process.ExitCode}): {stderr.Result}");
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            using var kill = Process.Start("kill", ["-INT", process.Id.ToString(CultureInfo.InvariantCulture)]);
            kill.WaitForExit();
            if (!process.WaitForExit(TimeSpan.FromSeconds(20)))
            {
                process.Kill(entireProcessTree: true);
            }
        }

        process.Dispose();
    }

    /// <summary>What the command wrote on standard error (after it ended).</summary>
    public string Errors => process.HasExited ? stderr.Result : string.Empty;
}
