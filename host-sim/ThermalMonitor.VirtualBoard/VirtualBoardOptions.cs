using ThermalMonitor.Core.Config;
using ThermalMonitor.Core.Settings;
using ThermalMonitor.Profiles;

namespace ThermalMonitor.VirtualBoard;

/// <summary>How a virtual board runs.</summary>
public sealed record VirtualBoardOptions
{
    /// <summary>A stable symbolic link to the pty's device (e.g. /tmp/ttyTM0); null = only the /dev/pts path.</summary>
    public string? LinkPath { get; init; }

    /// <summary>Emulated UART speed: bytes are paced at baud/10 per second both ways; 0 = as fast as the pty goes.</summary>
    public int Baud { get; init; }

    /// <summary>Live mode: sample this profile at real-time pace (times <see cref="Speed"/>); null = replay mode, waiting for INJ.</summary>
    public Profile? LiveProfile { get; init; }

    /// <summary>Live mode pace relative to real time.</summary>
    public double Speed { get; init; } = 1.0;

    /// <summary>Live mode sensor-noise seed; null = the profile's recorded seed.</summary>
    public ulong? SensorSeed { get; init; }

    /// <summary>A configuration to run instead of the stored settings; null = the settings in <see cref="SettingsMedium"/>, or the defaults.</summary>
    public MonitorConfig? Config { get; init; }

    /// <summary>The UART driver's receive buffer; the ESP32 app's by default, so HIL on the virtual board meets the board's limits.</summary>
    public int ReceiveBufferBytes { get; init; } = EmulatedUart.Esp32ReceiveBufferBytes;

    /// <summary>
    /// Emulated CPU time per command line, spent after each cycle: a slower board services its
    /// buffer less often, which is what a host's flow control must survive. 0 = the host's speed.
    /// </summary>
    public int LineCostMicroseconds { get; init; }

    /// <summary>Where configuration and calibration persist across restarts (CFG SAVE); null = in memory, lost with the board.</summary>
    public ISettingsMedium? SettingsMedium { get; init; }
}
