using ThermalMonitor.Core.Config;
using ThermalMonitor.Core.Monitoring;

namespace ThermalMonitor.Core.Link
{
    /// <summary>
    /// What a replay borrows from a LIVE board and gives back: its configuration and calibration and
    /// its telemetry period, kept from MODE REPLAY until MODE LIVE — or until the host has been
    /// silent for <see cref="BoardLink.ReplayIdleTimeoutMs"/>, so a host that crashes or is unplugged
    /// mid-replay cannot leave the board blind to its own sensors.
    /// </summary>
    public sealed class ReplaySession
    {
        private readonly MonitorConfig liveConfig = new MonitorConfig();

        /// <summary>True while a replay holds a LIVE board's settings.</summary>
        public bool HoldsLiveSettings { get; private set; }

        public int LiveTelemetryPeriodMs { get; private set; }

        public MonitorConfig LiveConfig => liveConfig;

        public void Borrow(LeakMonitor monitor, int telemetryPeriodMs)
        {
            monitor.CopyConfigTo(liveConfig);
            LiveTelemetryPeriodMs = telemetryPeriodMs;
            HoldsLiveSettings = true;
        }

        public void Return() => HoldsLiveSettings = false;
    }
}
