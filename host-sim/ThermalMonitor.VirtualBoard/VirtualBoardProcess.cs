using System.Diagnostics;
using System.Runtime.InteropServices;

namespace ThermalMonitor.VirtualBoard;

/// <summary>
/// Starts a virtual board as its own process (what <c>--target virtual</c> and the HIL suite do)
/// and stops it on dispose. The board prints "DEVICE=&lt;path&gt;" once its pty is ready; closing
/// its standard input ends it, so a crashed host leaves no board behind.
/// </summary>
public sealed class VirtualBoardProcess : IDisposable
{
    public const string DeviceMarker = "DEVICE=";

    private readonly Process process;

    private VirtualBoardProcess(Process process, string devicePath)
    {
        this.process = process;
        DevicePath = devicePath;
    }

    public string DevicePath { get; }

    public int ProcessId => process.Id;

    /// <summary>Starts a board with the given thermal-vboard arguments and waits for its device path.</summary>
    public static VirtualBoardProcess Start(IEnumerable<string> arguments, int startTimeoutMs = 30000)
    {
        string boardDll = typeof(VirtualBoardProcess).Assembly.Location;
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(boardDll);
        start.ArgumentList.Add("--exit-with-stdin");
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new IOException($"could not start the virtual board ({boardDll})");
        var stderr = new System.Text.StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (stderr)
                {
                    stderr.AppendLine(e.Data);
                }
            }
        };
        process.BeginErrorReadLine();
        Task<string?> deviceLine = Task.Run(() =>
        {
            string? line;
            while ((line = process.StandardOutput.ReadLine()) is not null)
            {
                if (line.StartsWith(DeviceMarker, StringComparison.Ordinal))
                {
                    return line[DeviceMarker.Length..];
                }
            }

            return null;
        });
        if (!deviceLine.Wait(startTimeoutMs) || deviceLine.Result is null)
        {
            string errors;
            lock (stderr)
            {
                errors = stderr.ToString().Trim();
            }

            Kill(process);
            throw new IOException($"the virtual board did not report its device path within {startTimeoutMs} ms{(errors.Length > 0 ? ": " + errors : string.Empty)}");
        }

        // Keep draining stdout so the board never blocks on a full pipe.
        _ = Task.Run(() =>
        {
            try
            {
                while (process.StandardOutput.ReadLine() is not null)
                {
                }
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
            {
            }
        });
        return new VirtualBoardProcess(process, deviceLine.Result);
    }

    public void Dispose()
    {
        try
        {
            process.StandardInput.Close();
            if (!process.WaitForExit(3000))
            {
                Kill(process);
            }
        }
        catch (Exception e) when (e is InvalidOperationException or IOException)
        {
            Kill(process);
        }

        process.Dispose();
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(3000);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    /// <summary>The dotnet host running this process's runtime (…/dotnet/shared/Microsoft.NETCore.App/&lt;v&gt;/ → …/dotnet/dotnet).</summary>
    private static string DotnetHost()
    {
        string? fromEnvironment = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(fromEnvironment) && File.Exists(fromEnvironment))
        {
            return fromEnvironment;
        }

        string runtimeDirectory = RuntimeEnvironment.GetRuntimeDirectory();
        string root = Path.GetFullPath(Path.Combine(runtimeDirectory, "..", "..", ".."));
        string candidate = Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
        return File.Exists(candidate) ? candidate : "dotnet";
    }
}
