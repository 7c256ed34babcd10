using ThermalMonitor.Core.Acquisition;
using ThermalMonitor.Core.Alarms;
using ThermalMonitor.Core.Board;
using ThermalMonitor.Core.Config;
using ThermalMonitor.Core.Monitoring;
using ThermalMonitor.Core.Settings;

namespace ThermalMonitor.Core.Link
{
    /// <summary>
    /// The board's end of the serial protocol (PROTOCOL.md), identical on the ESP32, the virtual
    /// board and the in-process board. <see cref="Service"/> is the loop's one point where the
    /// outside world gets in: it takes complete lines from the <see cref="LineTransport"/>, has the
    /// <see cref="CommandDispatcher"/> carry them out, and forwards the monitor's events — after
    /// every command and every sample, so no caller drains them by hand. Bad input is answered with
    /// a specific ERR line and changes nothing. Every buffer is allocated at construction.
    /// </summary>
    public sealed class BoardLink
    {
        /// <summary>Commands executed per <see cref="Service"/> call: bounds the time one call can take.</summary>
        public const int LinesPerServiceMax = 16;

        /// <summary>Unacknowledged alarms are sent again this often (board clock).</summary>
        public const int AlarmResendIntervalMs = 2000;

        public const int TelemetryPeriodDefaultMs = 1000;

        public const int TelemetryPeriodMaxMs = 3600000;

        /// <summary>A replay that borrowed a LIVE board's settings gives them back after this long without a line from the host.</summary>
        public const int ReplayIdleTimeoutMs = 60000;

        private readonly LeakMonitor monitor;
        private readonly BoardInfo board;
        private readonly LineTransport transport;
        private readonly LineCursor cursor = new LineCursor();
        private readonly Replies replies;
        private readonly CommandDispatcher dispatcher;
        private readonly AlarmDelivery alarms;
        private readonly ReplaySession replay = new ReplaySession();
        private readonly MonitorEvent drained = new MonitorEvent();
        private readonly RawSample sample = new RawSample();
        private readonly MonitorConfig workConfig = new MonitorConfig();
        private readonly ConfigErrors scratchErrors = new ConfigErrors();

        private LinkMode mode;
        private int session;
        private int telemetryPeriodMs = TelemetryPeriodDefaultMs;
        private bool telemetryDue = true;
        private long nextTelemetryMs;
        private long nowMs;
        private long lastLineMs;

        /// <param name="settingsMedium">Where CFG SAVE writes; null on a board without storage (CFG SAVE then fails with STORAGE_FAILED).</param>
        public BoardLink(LeakMonitor monitor, IConfigDocumentReader configReader, BoardInfo board, IBytePort port, ISettingsMedium settingsMedium)
        {
            if (monitor == null || configReader == null || board == null || port == null)
            {
                throw new System.ArgumentNullException(monitor == null ? "monitor" : configReader == null ? "configReader" : board == null ? "board" : "port");
            }

            this.monitor = monitor;
            this.board = board;
            transport = new LineTransport(port);

            // The image is read at boot and written during CFG SAVE, when no received line needs
            // the line buffer any more: it lends its bytes instead of the heap holding both.
            Settings = settingsMedium == null ? null : new SettingsStore(settingsMedium, transport.Line);
            replies = new Replies(transport, cursor);
            alarms = new AlarmDelivery(transport, monitor.Alarms.Journal);
            dispatcher = new CommandDispatcher(configReader, workConfig);
        }

        public LeakMonitor Monitor => monitor;

        public BoardInfo Board => board;

        public LineTransport Transport => transport;

        public AlarmJournal Journal => monitor.Alarms.Journal;

        public LinkMode Mode => mode;

        /// <summary>Increments on every MODE command: alarm sequence numbers are unique within a session.</summary>
        public int Session => session;

        public int TelemetryPeriodMs => telemetryPeriodMs;

        /// <summary>True while a replay holds the LIVE settings it will give back.</summary>
        public bool HoldsLiveSettings => replay.HoldsLiveSettings;

        public SettingsStore Settings { get; }

        public int LinesReceived { get; private set; }

        public int LinesRejected => replies.Rejected;

        public long RxOverflowBytes => transport.RxLostBytes;

        public int TxDroppedLines => transport.TxDroppedLines;

        public long SamplesInjected { get; private set; }

        public long SamplesLive { get; private set; }

        /// <summary>Last error replied (None if the last line was good): lets tests and fuzzers check each line's fate.</summary>
        public LinkError LastError => replies.LastError;

        /// <summary>Board time now: uptime in LIVE, the last injected sample's time in REPLAY.</summary>
        public long LinkTimeMs => mode == LinkMode.Replay ? monitor.Telemetry.TimestampMs : nowMs;

        public long UptimeMs => nowMs;

        /// <summary>
        /// One configuration's worth of scratch, shared by everything that stages a configuration
        /// before applying it (CFG commands, the settings read at boot): they never overlap, and
        /// each copy costs about 470 bytes of the ESP32's heap.
        /// </summary>
        public MonitorConfig WorkConfig => workConfig;

        /// <summary>
        /// The one sample buffer of the board: LIVE samples from the board's source and INJ samples
        /// never overlap (INJ is refused in LIVE), and each buffer costs about 900 bytes of heap.
        /// </summary>
        public RawSample Sample => sample;

        internal Replies Replies => replies;

        internal LineCursor Cursor => cursor;

        internal AlarmDelivery Alarms => alarms;

        /// <summary>Power-on: announces the board (HELLO) and the reset cause (BOOT event).</summary>
        public void Start(long uptimeMs, LinkMode initialMode)
        {
            nowMs = uptimeMs;
            lastLineMs = uptimeMs;
            alarms.Start(uptimeMs);
            mode = initialMode;
            session = 1;
            HelloLine.Write(this, -1);
            monitor.ReportBoardEvent(EventId.Boot, LinkTimeMs, (int)board.ResetCause, 0);
            DrainEvents();
        }

        /// <summary>
        /// The fixed point of the loop where the outside world gets in: carries out up to
        /// <see cref="LinesPerServiceMax"/> received lines, forwards events, re-sends unacknowledged
        /// alarms when due, and ends a replay whose host went silent. Returns the lines carried out.
        /// </summary>
        public int Service(long uptimeMs)
        {
            nowMs = uptimeMs;
            int lines = 0;
            while (lines < LinesPerServiceMax && transport.TryTakeLine())
            {
                lines++;
                lastLineMs = uptimeMs;
                ProcessLine();
                DrainEvents();
            }

            if (replay.HoldsLiveSettings && uptimeMs - lastLineMs >= ReplayIdleTimeoutMs)
            {
                EndReplay(2);
            }

            DrainEvents();
            alarms.ResendIfDue(uptimeMs, session);
            return lines;
        }

        /// <summary>One sample from the board's own sensors; ignored (false) in replay mode, where only injected counts count.</summary>
        public bool StepLive(RawSample sample)
        {
            if (mode != LinkMode.Live)
            {
                return false;
            }

            monitor.Step(sample);
            SamplesLive++;
            AfterStep();
            return true;
        }

        /// <summary>
        /// Records one loop cycle's work time (measured by the board's clock) for STATUS; a cycle
        /// longer than the sample period is counted and reported as a LOOP_OVERRUN event
        /// (Code = work µs, Value = period µs).
        /// </summary>
        public void RecordCycle(int workMicroseconds)
        {
            int periodMicroseconds = monitor.Derived.SamplePeriodMs * 1000;
            int overrunsBefore = board.Loop.Overruns;
            board.Loop.Record(workMicroseconds, periodMicroseconds);
            if (board.Loop.Overruns > overrunsBefore)
            {
                monitor.ReportBoardEvent(EventId.LoopOverrun, LinkTimeMs, workMicroseconds, periodMicroseconds);
                DrainEvents();
            }
        }

        /// <summary>Reports a board-level event (settings, storage) and sends it at once.</summary>
        public void ReportBoardEvent(EventId id, int code, int value)
        {
            monitor.ReportBoardEvent(id, LinkTimeMs, code, value);
            DrainEvents();
        }

        internal void StepInjected(RawSample injected)
        {
            monitor.Step(injected);
            SamplesInjected++;
            AfterStep();
        }

        internal void SetTelemetryPeriod(int periodMs)
        {
            telemetryPeriodMs = periodMs;
            telemetryDue = true;
        }

        /// <summary>
        /// MODE: a new session from power-on state, so a replay matches the in-process core exactly;
        /// the old session's alarms go with it. Entering REPLAY from LIVE borrows the LIVE settings;
        /// entering LIVE gives them back.
        /// </summary>
        internal void SwitchMode(LinkMode requested)
        {
            if (requested == LinkMode.Replay && mode == LinkMode.Live && !replay.HoldsLiveSettings)
            {
                replay.Borrow(monitor, telemetryPeriodMs);
            }

            if (requested == LinkMode.Live && replay.HoldsLiveSettings)
            {
                EndReplay(1);
                return;
            }

            StartSession(requested);
        }

        internal void WriteHello(int reference) => HelloLine.Write(this, reference);

        internal void DrainEvents()
        {
            while (monitor.TryDequeueEvent(drained))
            {
                if (!alarms.TryDeliver(drained, session))
                {
                    EventLine.Write(transport, drained);
                }
            }
        }

        private void StartSession(LinkMode requested)
        {
            mode = requested;
            session = session == int.MaxValue ? 1 : session + 1;
            monitor.Restart(); // its alarm journal too: the old session's alarms go with it
            telemetryDue = true;
        }

        /// <summary>Gives a borrowed LIVE board its settings and LIVE mode back (reason 1: host asked, 2: host silent).</summary>
        private void EndReplay(int reason)
        {
            scratchErrors.Clear();
            // The borrowed configuration was in force before, so it validates; if it somehow did
            // not, the replay's configuration stays and the CONFIG_REJECTED event says why.
            monitor.Configure(replay.LiveConfig, scratchErrors, LinkTimeMs);
            telemetryPeriodMs = replay.LiveTelemetryPeriodMs;
            replay.Return();
            StartSession(LinkMode.Live);
            monitor.ReportBoardEvent(EventId.ReplayEnded, LinkTimeMs, reason, session);
            DrainEvents();
        }

        private void ProcessLine()
        {
            LinesReceived++;
            replies.ClearLastError();
            if (transport.Fault != LinkError.None)
            {
                ReplyFramingFault();
                return;
            }

            cursor.Reset(transport.Line, transport.TextLength);
            if (transport.Unchecked)
            {
                ProcessUncheckedLine();
                return;
            }

            if (!cursor.Next() || !cursor.TryParseInt(0, int.MaxValue, out int reference))
            {
                replies.Error(-1, LinkError.BadSequence);
                return;
            }

            if (!cursor.Next())
            {
                replies.MissingArgument(reference, "command");
                return;
            }

            dispatcher.Dispatch(this, reference);
        }

        /// <summary>
        /// A line typed without a check (PROTOCOL.md §12): its number is optional (0 when left out)
        /// and a read-only command is carried out. Anything else is refused as NO_CHECKSUM, with the
        /// check it needs and the whole line to send, so a person can carry it out deliberately; a
        /// line garbled on the way is refused either way.
        /// </summary>
        private void ProcessUncheckedLine()
        {
            bool numbered = false;
            int reference = 0;
            if (cursor.Next() && cursor.TryParseInt(0, int.MaxValue, out reference))
            {
                numbered = true;
                cursor.Next();
            }

            if (cursor.TokenLength > 0 && dispatcher.TryDispatchReadOnly(this, reference))
            {
                return;
            }

            ReplyNoChecksum(numbered);
        }

        private void ReplyNoChecksum(bool numbered)
        {
            // The line as it must be sent: numbered as typed, or with the number 0 put in front.
            int check = LineCrc.Initial;
            if (!numbered)
            {
                check = LineCrc.Update(LineCrc.Update(check, (byte)'0'), (byte)' ');
            }

            check = LineCrc.Continue(check, transport.Line, 0, transport.TextLength);
            replies.BeginError(-1, LinkError.NoChecksum);
            LineWriter writer = transport.Writer;
            writer.Key(WireField.Expected);
            writer.Hex(check, 4);
            writer.Key(WireField.Message);
            writer.Text("send \"");
            if (!numbered)
            {
                writer.Text("0 ");
            }

            writer.Bytes(transport.Line, 0, transport.TextLength);
            writer.Char('*');
            writer.Hex(check, 4);
            writer.Text("\" to carry this out; only HELLO, STATUS, ALARMS and CFG GET go without a check");
            transport.Send();
        }

        private void ReplyFramingFault()
        {
            LinkError fault = transport.Fault;
            replies.BeginError(-1, fault);
            LineWriter writer = transport.Writer;
            if (fault == LinkError.RxOverflow)
            {
                writer.Field(WireField.LostBytes, transport.RxLostBytes);
            }
            else if (fault == LinkError.Overlong)
            {
                writer.Field(WireField.Max, LineTransport.LineBytesMax);
            }
            else if (fault == LinkError.BadChecksum)
            {
                // Saying the expected value lets a person at a terminal fix a hand-typed line; a
                // corrupted line is refused either way.
                writer.Key(WireField.Expected);
                writer.Hex(transport.FaultDetail, 4);
            }
            else if (fault == LinkError.NotAscii)
            {
                writer.Field(WireField.At, transport.FaultDetail);
            }

            transport.Send();
        }

        private void AfterStep()
        {
            DrainEvents();
            if (telemetryPeriodMs == 0)
            {
                return;
            }

            long sampleMs = monitor.Telemetry.TimestampMs;
            if (telemetryDue || sampleMs >= nextTelemetryMs || sampleMs < nextTelemetryMs - telemetryPeriodMs)
            {
                telemetryDue = false;
                nextTelemetryMs = sampleMs + telemetryPeriodMs;
                TelemetryLine.Write(transport, monitor.Telemetry, mode, monitor.Alarms.Journal.UnacknowledgedCount);
            }
        }
    }
}
