using ThermalMonitor.Core.Acquisition;
using ThermalMonitor.Core.Alarms;
using ThermalMonitor.Core.Config;
using ThermalMonitor.Core.Link;
using ThermalMonitor.Core.Monitoring;
using ThermalMonitor.Core.Settings;

namespace ThermalMonitor.Core.Board
{
    /// <summary>
    /// The board's loop, the same on the ESP32, the virtual board and the in-process board; each
    /// owns only its seams (port, sample source, clock, alarm outputs, memory gauge, settings
    /// medium). One cycle: the link's one service point (at most
    /// <see cref="BoardLink.LinesPerServiceMax"/> commands, taken from the port's driver buffer),
    /// then in LIVE one sample from the source, then the alarm outputs, then the cycle's work time
    /// for STATUS. LIVE cycles run once per sample period; REPLAY cycles run back to back, because
    /// injected samples carry their own time, and only wait when there was nothing to do.
    /// Everything is allocated by the constructor and <see cref="Start"/>.
    /// </summary>
    public sealed class BoardLoop
    {
        /// <summary>Free memory is measured this often (a GC run costs time; not every cycle).</summary>
        public const int FreeMemoryEveryCycles = 600;

        /// <summary>An idle REPLAY cycle waits this long (or until bytes arrive) before polling again, so a board with nothing to do does not spin.</summary>
        public const int ReplayIdleWaitMs = 1;

        private readonly BoardInfo board;
        private readonly IBoardClock clock;
        private readonly IBytePort port;
        private readonly ISampleSource source;
        private readonly IAlarmOutputs outputs;
        private readonly IMemoryGauge memory;
        private readonly LeakMonitor monitor;
        private readonly BoardLink link;
        private readonly SettingsStore settings;
        private readonly MonitorConfig fixedConfig;
        private readonly ConfigErrors bootErrors = new ConfigErrors();

        private long nextCycleUs;
        private int cycles;
        private int stopRequested;

        /// <param name="source">LIVE samples; null on a board that only replays.</param>
        /// <param name="outputs">Alarm lamps; null when the board has none.</param>
        /// <param name="memory">Free-heap gauge; null when the board cannot tell (STATUS then says "-").</param>
        /// <param name="medium">Settings storage; null when the board keeps nothing across resets.</param>
        /// <param name="fixedConfig">A configuration to run instead of the stored one (a host-started board told what to run); null = the stored settings or the defaults.</param>
        public BoardLoop(BoardInfo board, IBoardClock clock, IBytePort port, IConfigDocumentReader configReader, ISampleSource source, IAlarmOutputs outputs, IMemoryGauge memory, ISettingsMedium medium, MonitorConfig fixedConfig)
        {
            if (board == null || clock == null || port == null || configReader == null)
            {
                throw new System.ArgumentNullException(board == null ? "board" : clock == null ? "clock" : port == null ? "port" : "configReader");
            }

            this.board = board;
            this.clock = clock;
            this.port = port;
            this.source = source;
            this.outputs = outputs;
            this.memory = memory;
            this.fixedConfig = fixedConfig;
            FixedConfig = fixedConfig != null;
            monitor = new LeakMonitor();
            link = new BoardLink(monitor, configReader, board, port, medium);
            settings = link.Settings;
        }

        public BoardLink Link => link;

        public LeakMonitor Monitor => monitor;

        public BoardInfo Board => board;

        /// <summary>True when the board runs a configuration it was given rather than its stored settings.</summary>
        public bool FixedConfig { get; }

        /// <summary>What boot found in storage (Missing when the board has no medium or was given a fixed configuration).</summary>
        public SettingsLoadResult SettingsAtBoot { get; private set; }

        public long NowMs => clock.Microseconds / 1000;

        /// <summary>
        /// Power-on: the stored settings (or the fixed configuration, or the defaults), then HELLO and
        /// the BOOT event, then what became of the settings (SETTINGS_LOADED or SETTINGS_DEFAULTED).
        /// </summary>
        public void Start(LinkMode initialMode)
        {
            long nowMs = NowMs;
            SettingsAtBoot = SettingsLoadResult.Missing;
            if (!FixedConfig && settings != null)
            {
                MonitorConfig stored = link.WorkConfig;
                SettingsAtBoot = settings.Load(stored);
                if (SettingsAtBoot == SettingsLoadResult.Loaded && !monitor.Configure(stored, bootErrors, nowMs))
                {
                    SettingsAtBoot = SettingsLoadResult.Invalid;
                }
            }
            else if (FixedConfig && !monitor.Configure(fixedConfig, bootErrors, nowMs))
            {
                throw new System.ArgumentException("the fixed configuration is invalid: " + bootErrors[0].ToString());
            }

            // The configuration applied at boot is not news: power-on state starts here.
            monitor.Restart();
            link.Start(nowMs, initialMode);
            if (!FixedConfig && settings != null)
            {
                if (SettingsAtBoot == SettingsLoadResult.Loaded)
                {
                    link.ReportBoardEvent(EventId.SettingsLoaded, settings.Generation, 0);
                }
                else
                {
                    link.ReportBoardEvent(EventId.SettingsDefaulted, (int)SettingsAtBoot, 0);
                }
            }

            nextCycleUs = clock.Microseconds;
        }

        /// <summary>One cycle of the loop without its wait; returns the commands it carried out.</summary>
        public int RunCycle()
        {
            long startUs = clock.Microseconds;
            long nowMs = startUs / 1000;
            int lines = link.Service(nowMs);
            if (link.Mode == LinkMode.Live && source != null && source.TrySample(link.Sample, monitor.Derived.BurstLength, nowMs))
            {
                link.StepLive(link.Sample);
            }

            if (outputs != null)
            {
                outputs.Show(monitor.Alarms);
            }

            long workUs = clock.Microseconds - startUs;
            link.RecordCycle(workUs > int.MaxValue ? int.MaxValue : (int)workUs);
            cycles = cycles == int.MaxValue ? 0 : cycles + 1;
            if (memory != null && cycles % FreeMemoryEveryCycles == 1)
            {
                board.FreeMemoryBytes = memory.FreeBytes();
            }

            return lines;
        }

        /// <summary>Waits until the next cycle is due: the next period in LIVE; in REPLAY only when the last cycle was idle.</summary>
        public void WaitForNextCycle(int linesLastCycle)
        {
            long nowUs = clock.Microseconds;
            if (link.Mode != LinkMode.Live)
            {
                nextCycleUs = nowUs;
                if (linesLastCycle == 0)
                {
                    port.WaitForInput(ReplayIdleWaitMs);
                }

                return;
            }

            nextCycleUs += (long)monitor.Derived.SamplePeriodMs * 1000;
            long sleepUs = nextCycleUs - nowUs;
            if (sleepUs >= 1000)
            {
                clock.Sleep((int)(sleepUs / 1000));
            }
            else if (sleepUs < 0)
            {
                // Behind schedule: start again from now rather than bursting to catch up.
                nextCycleUs = nowUs;
            }
        }

        /// <summary>Runs cycles until <see cref="Stop"/> (on the ESP32: for ever).</summary>
        public void Run()
        {
            // Interlocked: Stop comes from another thread on host boards.
            while (System.Threading.Interlocked.CompareExchange(ref stopRequested, 0, 0) == 0)
            {
                WaitForNextCycle(RunCycle());
            }
        }

        /// <summary>Ends <see cref="Run"/> after the cycle in progress (host boards; the ESP32 never stops).</summary>
        public void Stop() => System.Threading.Interlocked.Exchange(ref stopRequested, 1);
    }
}
