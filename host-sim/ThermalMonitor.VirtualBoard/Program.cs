using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using ThermalMonitor.Core.Settings;
using ThermalMonitor.Link;
using ThermalMonitor.Profiles;
using ThermalMonitor.Serial;
using ThermalMonitor.VirtualBoard;

// thermal-vboard: the firmware behind a pseudo-terminal. See host-sim/ThermalMonitor.VirtualBoard/README.md.
var live = new Option<string?>("--live") { Description = "Live mode: sample this profile (library name or .csv/.csv.gz path) at real-time pace instead of waiting for injected counts" };
var speed = new Option<double>("--speed") { Description = "Live mode pace relative to real time (e.g. 60 = one profile minute per second)", DefaultValueFactory = _ => 1.0 };
var link = new Option<string?>("--link") { Description = "Also create this symbolic link to the device (a stable name, e.g. /tmp/ttyTM0)" };
var baud = new Option<int>("--baud") { Description = "Pace bytes like a UART at this baud (e.g. 115200, 921600); 0 = unpaced", DefaultValueFactory = _ => 0 };
var library = new Option<string?>("--library") { Description = "Profile library folder for --live names (default: host-sim/profiles)" };
var settingsDir = new Option<string?>("--settings-dir") { Description = "Keep the board's saved configuration and calibration (CFG SAVE) in this directory, so they survive a restart; default: in memory, lost when the board stops" };
var rxBuffer = new Option<int>("--rx-buffer") { Description = "The UART driver's receive buffer in bytes; bytes beyond it are lost and counted, as on the ESP32", DefaultValueFactory = _ => EmulatedUart.Esp32ReceiveBufferBytes };
var lineCost = new Option<int>("--line-cost-us") { Description = "Emulated CPU time per command line, spent after each cycle (0 = the host's own speed); models a slower board's service rate", DefaultValueFactory = _ => 0 };
var exitWithStdin = new Option<bool>("--exit-with-stdin") { Description = "Stop when standard input closes (used by the programs that start a board)", Hidden = true };
var root = new RootCommand("Virtual ThermalMonitor board: the firmware's protocol and detector behind a pseudo-terminal.\n\n" +
    "Examples:\n  thermal-vboard                       # replay mode, prints DEVICE=/dev/pts/N\n" +
    "  thermal-vboard --live soyuz-ms22 --speed 60 --link /tmp/ttyTM0\n  picocom -b 921600 /tmp/ttyTM0        # watch it in a terminal")
{
    live, speed, link, baud, library, settingsDir, rxBuffer, lineCost, exitWithStdin,
};

root.SetAction(parse =>
{
    try
    {
        int baudValue = parse.GetValue(baud);
        if (baudValue < 0)
        {
            throw new FormatException($"--baud {baudValue}: expected 0 (unpaced) or a positive baud rate");
        }

        double speedValue = parse.GetValue(speed);
        if (!(speedValue > 0) || double.IsInfinity(speedValue))
        {
            throw new FormatException($"--speed {speedValue.ToString(CultureInfo.InvariantCulture)}: expected a positive number");
        }

        int rxBufferValue = parse.GetValue(rxBuffer);
        if (rxBufferValue < 64)
        {
            throw new FormatException($"--rx-buffer {rxBufferValue}: expected at least 64 bytes");
        }

        int lineCostValue = parse.GetValue(lineCost);
        if (lineCostValue < 0 || lineCostValue > 1_000_000)
        {
            throw new FormatException($"--line-cost-us {lineCostValue}: expected 0..1000000 microseconds");
        }

        Profile? profile = parse.GetValue(live) is string name ? LoadProfile(name, parse.GetValue(library)) : null;
        ISettingsMedium medium = parse.GetValue(settingsDir) is string directory ? new FileSettingsMedium(directory) : new MemorySettingsMedium();
        var options = new VirtualBoardOptions
        {
            LinkPath = parse.GetValue(link), Baud = baudValue, LiveProfile = profile, Speed = speedValue,
            SettingsMedium = medium, ReceiveBufferBytes = rxBufferValue, LineCostMicroseconds = lineCostValue,
        };
        using var cancellation = new CancellationTokenSource();
        using var board = new VirtualBoard(options);
        using PosixSignalRegistration term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; cancellation.Cancel(); });
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancellation.Cancel(); };
        if (parse.GetValue(exitWithStdin))
        {
            _ = Task.Run(() =>
            {
                while (Console.In.Read() >= 0)
                {
                }

                cancellation.Cancel();
            });
        }

        if (board.SettingsAtBoot != SettingsLoadResult.Loaded)
        {
            Console.WriteLine($"thermal-vboard: settings {board.SettingsAtBoot.ToString().ToLowerInvariant()}, running the defaults");
        }

        string mode = profile is null ? "replay mode (waiting for INJ)" : $"live mode ({profile.Name} at {speedValue.ToString(CultureInfo.InvariantCulture)}x)";
        Console.WriteLine($"thermal-vboard: {mode}, {(baudValue > 0 ? baudValue + " baud" : "unpaced")}, device {board.DevicePath} (pty {board.SlavePath})");
        Console.WriteLine(VirtualBoardProcess.DeviceMarker + board.DevicePath);
        board.Run(cancellation.Token);
        return 0;
    }
    catch (Exception e) when (e is FormatException or IOException or ProfileFormatException or PlatformNotSupportedException or UnauthorizedAccessException)
    {
        Console.Error.WriteLine($"thermal-vboard: {e.Message}");
        return 2;
    }
});

return root.Parse(args).Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });

static Profile LoadProfile(string nameOrPath, string? libraryDirectory)
{
    if (File.Exists(nameOrPath))
    {
        return ProfileCsv.Read(nameOrPath);
    }

    string directory = libraryDirectory ?? ProfileLibrary.FindDefaultDirectory();
    LibraryEntry? entry = ProfileLibrary.Load(directory).FirstOrDefault(e => e.Name == nameOrPath);
    return entry is null
        ? throw new FormatException($"--live '{nameOrPath}': no such file, and no profile of that name in {directory}")
        : ProfileCsv.Read(entry.ProfilePath);
}
