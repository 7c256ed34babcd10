using ThermalMonitor.Core.Acquisition;
using ThermalMonitor.Core.Alarms;
using ThermalMonitor.Core.Config;
using ThermalMonitor.Core.Monitoring;

namespace ThermalMonitor.Core.Link
{
    /// <summary>
    /// The board's end of the serial protocol (PROTOCOL.md), identical on the ESP32, the virtual
    /// board and the in-process target. The board layer only moves bytes: <see cref="Receive"/>
    /// buffers what arrived (the only thing a receive handler may do), <see cref="Service"/> parses
    /// and executes complete commands at a fixed point of the loop (never inside a sample), and
    /// <see cref="TakeTx"/> hands over the lines to send. Every buffer is allocated here, bounded,
    /// and reused; no line costs an allocation except configuration documents, which go through the
    /// board's JSON reader. Bad input is answered with a specific ERR line and changes nothing.
    /// </summary>
    public sealed class BoardLink
    {
        /// <summary>Longest line either way, trailer included (a full CFG document is ~2.3 kB).</summary>
        public const int LineBytesMax = 4096;

        /// <summary>Receive ring: the host keeps fewer unanswered bytes than this in flight.</summary>
        public const int RxBufferBytes = 8192;

        public const int TxBufferBytes = 16384;

        /// <summary>Commands executed per <see cref="Service"/> call: bounds the time one call can take.</summary>
        public const int LinesPerServiceMax = 16;

        /// <summary>Unacknowledged alarms are sent again this often (board clock).</summary>
        public const int AlarmResendIntervalMs = 2000;

        public const int TelemetryPeriodDefaultMs = 1000;

        public const int TelemetryPeriodMaxMs = 3600000;

        /// <summary>Longest echo of a bad argument in an error reply.</summary>
        private const int EchoBytesMax = 24;

        private readonly LeakMonitor monitor;
        private readonly IConfigDocumentReader configReader;
        private readonly BoardInfo board;

        private readonly byte[] rxRing = new byte[RxBufferBytes];
        private readonly byte[] lineIn = new byte[LineBytesMax];
        private readonly byte[] txRing = new byte[TxBufferBytes];
        private readonly LineWriter writer = new LineWriter(LineBytesMax);
        private readonly LineCursor cursor = new LineCursor();
        private readonly RawSample injected = new RawSample();
        private readonly MonitorEvent drained = new MonitorEvent();
        private readonly AlarmJournal journal = new AlarmJournal();
        private readonly MonitorConfig candidate = new MonitorConfig();
        private readonly ConfigErrors configErrors = new ConfigErrors();
        private readonly ConfigDocumentBuilder builder = new ConfigDocumentBuilder();

        private int rxHead;
        private int rxCount;
        private long rxConsumedTotal;
        private long rxGapAt = -1;
        private int lineInLength;
        private bool lineOverlong;
        private bool lineDamaged;

        private int txHead;
        private int txCount;
        private int txSequence;

        private LinkMode mode;
        private int session;
        private int telemetryPeriodMs = TelemetryPeriodDefaultMs;
        private bool telemetryDue = true;
        private long nextTelemetryMs;
        private long nowMs;
        private long lastResendMs;

        public BoardLink(LeakMonitor monitor, IConfigDocumentReader configReader, BoardInfo board)
        {
            if (monitor == null || configReader == null || board == null)
            {
                throw new System.ArgumentNullException(monitor == null ? "monitor" : configReader == null ? "configReader" : "board");
            }

            this.monitor = monitor;
            this.configReader = configReader;
            this.board = board;
        }

        public LeakMonitor Monitor => monitor;

        public AlarmJournal Journal => journal;

        public LinkMode Mode => mode;

        /// <summary>Increments on every MODE command: alarm sequence numbers are unique within a session.</summary>
        public int Session => session;

        public int TelemetryPeriodMs => telemetryPeriodMs;

        public int TxPendingBytes => txCount;

        public int RxPendingBytes => rxCount;

        public int LinesReceived { get; private set; }

        public int LinesRejected { get; private set; }

        public int RxOverflowBytes { get; private set; }

        public int TxDroppedLines { get; private set; }

        public long SamplesInjected { get; private set; }

        public long SamplesLive { get; private set; }

        /// <summary>Last error replied (None if the last line was good): lets tests and fuzzers check each line's fate.</summary>
        public LinkError LastError { get; private set; }

        /// <summary>Power-on: announces the board (HELLO) and the reset cause (BOOT event).</summary>
        public void Start(long uptimeMs, LinkMode initialMode)
        {
            nowMs = uptimeMs;
            lastResendMs = uptimeMs;
            mode = initialMode;
            session = 1;
            WriteHello(-1);
            monitor.ReportBoardEvent(EventId.Boot, LinkTimeMs(), (int)board.ResetCause, 0);
            DrainEvents();
        }

        /// <summary>
        /// Buffers received bytes; returns how many fit. Bytes that do not fit are lost, counted,
        /// and the line they belonged to is answered with RX_OVERFLOW instead of being executed.
        /// </summary>
        public int Receive(byte[] bytes, int offset, int count)
        {
            int free = RxBufferBytes - rxCount;
            int accepted = count < free ? count : free;
            for (int i = 0; i < accepted; i++)
            {
                rxRing[(rxHead + rxCount) % RxBufferBytes] = bytes[offset + i];
                rxCount++;
            }

            if (accepted < count)
            {
                RxOverflowBytes += count - accepted;
                if (rxGapAt < 0)
                {
                    rxGapAt = rxConsumedTotal + rxCount;
                }
            }

            return accepted;
        }

        /// <summary>
        /// The fixed point of the loop where the outside world gets in: executes up to
        /// <see cref="LinesPerServiceMax"/> complete lines, forwards new events, and re-sends
        /// unacknowledged alarms when due. <paramref name="uptimeMs"/> is the board's monotonic clock.
        /// </summary>
        public void Service(long uptimeMs)
        {
            nowMs = uptimeMs;
            int lines = 0;
            while (rxCount > 0 && lines < LinesPerServiceMax)
            {
                byte value = rxRing[rxHead];
                rxHead = (rxHead + 1) % RxBufferBytes;
                rxCount--;
                long position = rxConsumedTotal++;
                if (rxGapAt >= 0 && position >= rxGapAt)
                {
                    // The first byte after lost ones: the line it belongs to (or ends) is incomplete.
                    lineDamaged = true;
                    rxGapAt = -1;
                }

                if (value == (byte)'\n' || value == (byte)'\r')
                {
                    if (lineInLength > 0 || lineOverlong || lineDamaged)
                    {
                        ProcessLine();
                        lines++;
                    }

                    lineInLength = 0;
                    lineOverlong = false;
                    lineDamaged = false;
                    continue;
                }

                if (lineInLength < LineBytesMax)
                {
                    lineIn[lineInLength++] = value;
                }
                else
                {
                    lineOverlong = true;
                }
            }

            DrainEvents();
            if (uptimeMs - lastResendMs >= AlarmResendIntervalMs)
            {
                lastResendMs = uptimeMs;
                ResendUnacknowledged();
            }
        }

        /// <summary>One sample from the board's own ADC; ignored (false) in replay mode, where only injected counts count.</summary>
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
        /// longer than the sample period is counted and reported as a LOOP_OVERRUN event.
        /// </summary>
        public void RecordCycle(int workMicroseconds)
        {
            int periodMicroseconds = monitor.Derived.SamplePeriodMs * 1000;
            int overrunsBefore = board.Loop.Overruns;
            board.Loop.Record(workMicroseconds, periodMicroseconds);
            if (board.Loop.Overruns > overrunsBefore)
            {
                monitor.ReportBoardEvent(EventId.LoopOverrun, LinkTimeMs(), workMicroseconds, periodMicroseconds);
            }
        }

        /// <summary>Moves up to <paramref name="count"/> bytes of pending output into <paramref name="into"/>.</summary>
        public int TakeTx(byte[] into, int offset, int count)
        {
            int taken = count < txCount ? count : txCount;
            for (int i = 0; i < taken; i++)
            {
                into[offset + i] = txRing[txHead];
                txHead = (txHead + 1) % TxBufferBytes;
            }

            txCount -= taken;
            return taken;
        }

        private long LinkTimeMs() => mode == LinkMode.Replay ? monitor.Telemetry.TimestampMs : nowMs;

        private void ProcessLine()
        {
            LinesReceived++;
            LastError = LinkError.None;
            if (lineDamaged)
            {
                Reject(-1, LinkError.RxOverflow);
                writer.Field("lost_bytes", RxOverflowBytes);
                Send();
                return;
            }

            if (lineOverlong)
            {
                Reject(-1, LinkError.Overlong);
                writer.Field("max", LineBytesMax);
                Send();
                return;
            }

            int star = -1;
            for (int i = lineInLength - 1; i >= 0; i--)
            {
                if (lineIn[i] == (byte)'*')
                {
                    star = i;
                    break;
                }
            }

            if (star < 0)
            {
                RejectAndSend(-1, LinkError.NoChecksum);
                return;
            }

            if (!CheckCrc(star))
            {
                return;
            }

            for (int i = 0; i < star; i++)
            {
                if (lineIn[i] < (byte)' ' || lineIn[i] > (byte)'~')
                {
                    Reject(-1, LinkError.NotAscii);
                    writer.Field("at", i);
                    Send();
                    return;
                }
            }

            cursor.Reset(lineIn, star);
            if (!cursor.Next() || !cursor.TryParseInt(0, int.MaxValue, out int reference))
            {
                RejectAndSend(-1, LinkError.BadSequence);
                return;
            }

            if (!cursor.Next())
            {
                Reject(reference, LinkError.MissingArgument);
                writer.Field("expected", "command");
                Send();
                return;
            }

            Dispatch(reference);
        }

        private bool CheckCrc(int star)
        {
            int received = 0;
            bool wellFormed = lineInLength - star - 1 == 4;
            for (int i = star + 1; wellFormed && i < lineInLength; i++)
            {
                int c = lineIn[i];
                int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10 : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
                wellFormed = digit >= 0;
                received = (received << 4) | (digit & 0xF);
            }

            int expected = LineCrc.Compute(lineIn, 0, star);
            if (wellFormed && received == expected)
            {
                return true;
            }

            // Saying the expected value lets a person at a terminal fix a hand-typed line; a
            // corrupted line is refused either way.
            Reject(-1, LinkError.BadChecksum);
            writer.Key("expected");
            writer.Hex(expected, 4);
            Send();
            return false;
        }

        private void Dispatch(int reference)
        {
            if (cursor.TokenIs(LinkDictionary.Inject))
            {
                HandleInject(reference);
            }
            else if (cursor.TokenIs(LinkDictionary.Ack))
            {
                HandleAck(reference);
            }
            else if (cursor.TokenIs(LinkDictionary.Status))
            {
                if (NoMoreArguments(reference))
                {
                    WriteStatus(reference);
                }
            }
            else if (cursor.TokenIs(LinkDictionary.Hello))
            {
                if (NoMoreArguments(reference))
                {
                    WriteHello(reference);
                    ResendAll(false);
                }
            }
            else if (cursor.TokenIs(LinkDictionary.Alarms))
            {
                if (NoMoreArguments(reference))
                {
                    int listed = ResendAll(true);
                    ReplyOk(reference);
                    writer.Field("listed", listed);
                    Send();
                }
            }
            else if (cursor.TokenIs(LinkDictionary.Config))
            {
                HandleConfig(reference);
            }
            else if (cursor.TokenIs(LinkDictionary.Telemetry))
            {
                HandleTelemetry(reference);
            }
            else if (cursor.TokenIs(LinkDictionary.Mode))
            {
                HandleMode(reference);
            }
            else if (cursor.TokenIs(LinkDictionary.Reset))
            {
                HandleReset(reference);
            }
            else
            {
                Reject(reference, LinkError.UnknownCommand);
                EchoToken("got");
                Send();
            }
        }

        private void HandleInject(int reference)
        {
            if (mode != LinkMode.Replay)
            {
                Reject(reference, LinkError.WrongMode);
                writer.Field("need", LinkDictionary.ModeName(LinkMode.Replay));
                Send();
                return;
            }

            if (!cursor.Next())
            {
                MissingArgument(reference, "time_ms");
                return;
            }

            if (!cursor.TryParseLong(0, long.MaxValue / 2, out long timeMs))
            {
                BadArgument(reference, LinkError.BadArgument, "time_ms");
                return;
            }

            injected.TimestampMs = timeMs;
            if (!ParseReads(reference, ChannelId.Pressure) || !ParseReads(reference, ChannelId.Temperature) || !ParseReads(reference, ChannelId.Supply))
            {
                return;
            }

            if (!NoMoreArguments(reference))
            {
                return;
            }

            monitor.Step(injected);
            SamplesInjected++;
            AfterStep();
            ReplyOk(reference);
            Send();
        }

        /// <summary>One channel of an INJ line: 3 hex digits per read, "-" (not read) or "!n" (read failed with ReadStatus n).</summary>
        private bool ParseReads(int reference, ChannelId channel)
        {
            string name = MonitorDictionary.ChannelName(channel);
            if (!cursor.Next())
            {
                MissingArgument(reference, name);
                return false;
            }

            int start = cursor.TokenStart;
            int length = cursor.TokenLength;
            if (cursor.TokenIs(LinkDictionary.NotRead))
            {
                injected.SetFailed(channel, ReadStatus.NotRead);
                return true;
            }

            if (length == 2 && cursor.ByteAt(start) == (byte)'!')
            {
                int code = cursor.ByteAt(start + 1) - '0';
                if (code >= (int)ReadStatus.DriverError && code <= (int)ReadStatus.NotRead)
                {
                    injected.SetFailed(channel, (ReadStatus)code);
                    return true;
                }

                BadArgument(reference, LinkError.BadArgument, name);
                return false;
            }

            int burst = monitor.Derived.BurstLength;
            if (length % 3 != 0)
            {
                BadArgument(reference, LinkError.BadArgument, name);
                return false;
            }

            if (length / 3 != burst)
            {
                Reject(reference, LinkError.OutOfRange);
                writer.Field("arg", name);
                writer.Field("expected_reads", burst);
                writer.Field("got", length / 3);
                Send();
                return false;
            }

            int[] reads = injected.ReadsCounts(channel);
            for (int i = 0; i < burst; i++)
            {
                int high = cursor.HexDigitAt(start + (3 * i));
                int middle = cursor.HexDigitAt(start + (3 * i) + 1);
                int low = cursor.HexDigitAt(start + (3 * i) + 2);
                if (high < 0 || middle < 0 || low < 0)
                {
                    BadArgument(reference, LinkError.BadArgument, name);
                    return false;
                }

                reads[i] = (high << 8) | (middle << 4) | low;
            }

            injected.SetReads(channel, burst);
            return true;
        }

        private void HandleAck(int reference)
        {
            if (!cursor.Next())
            {
                MissingArgument(reference, "alarm_seq");
                return;
            }

            long time = LinkTimeMs();
            if (cursor.TokenIs(LinkDictionary.All))
            {
                if (!NoMoreArguments(reference))
                {
                    return;
                }

                int acknowledged = monitor.AcknowledgeAll(time);
                int delivered = journal.AcknowledgeAll();
                DrainEvents();
                ReplyOk(reference);
                writer.Field("acked", acknowledged > delivered ? acknowledged : delivered);
                Send();
                return;
            }

            if (!cursor.TryParseInt(1, int.MaxValue, out int alarmSequence))
            {
                BadArgument(reference, LinkError.BadArgument, "alarm_seq");
                return;
            }

            if (!NoMoreArguments(reference))
            {
                return;
            }

            AckResult result = monitor.Acknowledge(alarmSequence, time);
            bool inJournal = journal.Acknowledge(alarmSequence);
            DrainEvents();
            if (result == AckResult.NotFound && !inJournal)
            {
                Reject(reference, LinkError.NotFound);
                writer.Field("alarm", alarmSequence);
                Send();
                return;
            }

            ReplyOk(reference);
            writer.Field("alarm", alarmSequence);
            writer.Field("result", result == AckResult.Acknowledged ? "ACKED" : result == AckResult.AlreadyAcknowledged ? "ALREADY" : "DELIVERED");
            Send();
        }

        private void HandleConfig(int reference)
        {
            if (!cursor.Next())
            {
                MissingArgument(reference, "GET|SET|DEFAULTS");
                return;
            }

            if (cursor.TokenIs(LinkDictionary.Get))
            {
                if (NoMoreArguments(reference))
                {
                    monitor.CopyConfigTo(candidate);
                    BeginLine(LinkDictionary.Config);
                    writer.Space();
                    writer.Int(reference);
                    writer.Space();
                    ConfigDocumentWriter.Write(candidate, writer);
                    Send();
                }

                return;
            }

            if (cursor.TokenIs(LinkDictionary.Defaults))
            {
                if (NoMoreArguments(reference))
                {
                    candidate.ResetToDefaults();
                    ApplyCandidate(reference);
                }

                return;
            }

            if (!cursor.TokenIs(LinkDictionary.Set))
            {
                BadArgument(reference, LinkError.BadArgument, "GET|SET|DEFAULTS");
                return;
            }

            int start = cursor.RestStart();
            if (start >= cursor.End)
            {
                MissingArgument(reference, "json");
                return;
            }

            monitor.CopyConfigTo(candidate);
            configErrors.Clear();
            builder.Begin(candidate, configErrors);
            try
            {
                configReader.Read(lineIn, start, cursor.End - start, builder);
            }
            catch (System.Exception)
            {
                // The reader promises not to throw; if one does anyway the command still fails cleanly.
                builder.SyntaxError("the JSON reader failed on this document");
            }

            if (!builder.End())
            {
                ReplyConfigErrors(reference, builder.HasSyntaxError ? LinkError.BadJson : LinkError.ConfigInvalid);
                return;
            }

            ApplyCandidate(reference);
        }

        private void ApplyCandidate(int reference)
        {
            configErrors.Clear();
            bool applied = monitor.Configure(candidate, configErrors, LinkTimeMs());
            DrainEvents();
            if (!applied)
            {
                ReplyConfigErrors(reference, LinkError.ConfigInvalid);
                return;
            }

            ReplyOk(reference);
            writer.Field("period_ms", monitor.Derived.SamplePeriodMs);
            writer.Field("burst", monitor.Derived.BurstLength);
            Send();
        }

        private void ReplyConfigErrors(int reference, LinkError error)
        {
            Reject(reference, error);
            writer.Field("errors", configErrors.Count);
            if (configErrors.Count > 0)
            {
                writer.Field("field", configErrors[0].Field);
                writer.Key("msg");
                for (int i = 0; i < configErrors.Count; i++)
                {
                    if (i > 0)
                    {
                        writer.Text("; ");
                    }

                    writer.Text(configErrors[i].ToString());
                }
            }

            Send();
        }

        private void HandleTelemetry(int reference)
        {
            if (!cursor.Next())
            {
                MissingArgument(reference, "period_ms");
                return;
            }

            if (!cursor.TryParseLong(long.MinValue, long.MaxValue, out long periodMs))
            {
                BadArgument(reference, LinkError.BadArgument, "period_ms");
                return;
            }

            if (periodMs < 0 || periodMs > TelemetryPeriodMaxMs)
            {
                Reject(reference, LinkError.OutOfRange);
                writer.Field("arg", "period_ms");
                writer.Field("min", 0);
                writer.Field("max", TelemetryPeriodMaxMs);
                writer.Field("got", periodMs);
                Send();
                return;
            }

            if (!NoMoreArguments(reference))
            {
                return;
            }

            telemetryPeriodMs = (int)periodMs;
            telemetryDue = true;
            ReplyOk(reference);
            writer.Field("period_ms", telemetryPeriodMs);
            Send();
        }

        private void HandleMode(int reference)
        {
            if (!cursor.Next())
            {
                MissingArgument(reference, "LIVE|REPLAY");
                return;
            }

            LinkMode requested;
            if (cursor.TokenIs(LinkDictionary.ModeName(LinkMode.Live)))
            {
                requested = LinkMode.Live;
            }
            else if (cursor.TokenIs(LinkDictionary.ModeName(LinkMode.Replay)))
            {
                requested = LinkMode.Replay;
            }
            else
            {
                BadArgument(reference, LinkError.BadArgument, "LIVE|REPLAY");
                return;
            }

            if (!NoMoreArguments(reference))
            {
                return;
            }

            // A new session starts from power-on state so a replay matches SIL exactly; the old
            // session's alarms are discarded with it (the host acknowledges before switching).
            mode = requested;
            session = session == int.MaxValue ? 1 : session + 1;
            monitor.Restart();
            journal.Clear();
            telemetryDue = true;
            ReplyOk(reference);
            writer.Field("mode", LinkDictionary.ModeName(mode));
            writer.Field("session", session);
            Send();
        }

        private void HandleReset(int reference)
        {
            if (!cursor.Next())
            {
                MissingArgument(reference, LinkDictionary.Detector);
                return;
            }

            if (!cursor.TokenIs(LinkDictionary.Detector))
            {
                BadArgument(reference, LinkError.BadArgument, LinkDictionary.Detector);
                return;
            }

            if (!NoMoreArguments(reference))
            {
                return;
            }

            monitor.ResetDetector(LinkTimeMs());
            DrainEvents();
            ReplyOk(reference);
            Send();
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
                WriteTelemetry();
            }
        }

        private void DrainEvents()
        {
            while (monitor.TryDequeueEvent(drained))
            {
                if (drained.Id == EventId.AlarmRaised)
                {
                    WriteAlarm(journal.Record(drained), false);
                }
                else if (drained.Id == EventId.AlarmCleared)
                {
                    journal.RecordCleared(drained.AlarmSequence, drained.TimeMs);
                    BeginLine(LinkDictionary.Clear);
                    writer.Field("seq", drained.AlarmSequence);
                    writer.Field("t", drained.TimeMs);
                    Send();
                }
                else
                {
                    if (drained.Id == EventId.AlarmAcknowledged)
                    {
                        journal.Acknowledge(drained.AlarmSequence);
                    }

                    WriteEvent(drained);
                }
            }
        }

        private void ResendUnacknowledged()
        {
            for (int i = 0; i < AlarmJournal.Capacity; i++)
            {
                if (journal.IsUsed(i) && !journal.IsAcknowledged(i))
                {
                    WriteAlarm(i, true);
                }
            }
        }

        /// <summary>Sends journal entries (all, or only unacknowledged ones) oldest first; returns how many.</summary>
        private int ResendAll(bool includeAcknowledged)
        {
            int sent = 0;
            int previous = 0;
            for (int round = 0; round < AlarmJournal.Capacity; round++)
            {
                int next = -1;
                for (int i = 0; i < AlarmJournal.Capacity; i++)
                {
                    bool wanted = journal.IsUsed(i) && (includeAcknowledged || !journal.IsAcknowledged(i));
                    if (wanted && journal.SequenceAt(i) > previous && (next < 0 || journal.SequenceAt(i) < journal.SequenceAt(next)))
                    {
                        next = i;
                    }
                }

                if (next < 0)
                {
                    break;
                }

                WriteAlarm(next, true);
                previous = journal.SequenceAt(next);
                sent++;
            }

            return sent;
        }

        private void WriteAlarm(int index, bool resend)
        {
            BeginLine(LinkDictionary.Alarm);
            writer.Field("seq", journal.SequenceAt(index));
            writer.Field("type", MonitorDictionary.AlarmTypeName(journal.TypeAt(index)));
            writer.Field("sev", MonitorDictionary.SeverityName(journal.SeverityAt(index)));
            writer.Field("ch", MonitorDictionary.ChannelName(journal.ChannelAt(index)));
            writer.Field("t", journal.RaisedTimeMsAt(index));
            writer.Field("cause", MonitorDictionary.AlarmCodeName(journal.TypeAt(index), journal.CodeAt(index)));
            writer.Field("value", journal.ValueAt(index));
            writer.Key("cleared");
            if (journal.IsClearedAt(index))
            {
                writer.Long(journal.ClearedTimeMsAt(index));
            }
            else
            {
                writer.Char('-');
            }

            writer.Field("acked", journal.IsAcknowledged(index) ? 1 : 0);
            writer.Field("session", session);
            writer.Field("re", resend ? 1 : 0);
            Send();
        }

        private void WriteEvent(MonitorEvent e)
        {
            BeginLine(LinkDictionary.Event);
            writer.Field("n", e.Sequence);
            writer.Field("id", MonitorDictionary.EventName(e.Id));
            writer.Field("sev", MonitorDictionary.SeverityName(e.Severity));
            writer.Field("t", e.TimeMs);
            writer.Field("ch", MonitorDictionary.ChannelName(e.Channel));
            if (MonitorDictionary.HasNamedCode(e))
            {
                writer.Field("code", MonitorDictionary.CodeName(e));
            }
            else
            {
                writer.Field("code", e.Code);
            }

            writer.Field("value", e.Value);
            if (e.AlarmSequence != 0)
            {
                writer.Field("alarm", e.AlarmSequence);
            }

            Send();
        }

        private void WriteTelemetry()
        {
            MonitorTelemetry t = monitor.Telemetry;
            BeginLine(LinkDictionary.Telemetry);
            writer.Field("t", t.TimestampMs);
            writer.Field("src", LinkDictionary.SourceName(mode));
            writer.Field("n", t.SampleCount);
            writer.Field("p_pa", t.PressurePa);
            writer.Field("temp_mc", t.TempMilliC);
            writer.Field("sup_uv", t.SupplyMicrovolts);
            writer.Key("st");
            for (int channel = 0; channel < Channels.Count; channel++)
            {
                writer.Char(LinkDictionary.OutcomeLetter(t.Outcomes[channel]));
            }

            writer.Key("res_pa");
            if (t.HasResidual)
            {
                writer.Int(t.ResidualPa);
            }
            else
            {
                writer.Char('-');
            }

            writer.Field("cusum_pm", t.CusumPermille);
            writer.Field("rate_pa", t.RateDropPa);
            writer.Field("model", t.ModelReady ? 1 : 0);
            writer.Field("unacked", journal.UnacknowledgedCount);
            Send();
        }

        private void WriteHello(int reference)
        {
            BeginLine(LinkDictionary.Hello);
            WriteReference(reference);
            writer.Field("proto", LinkDictionary.ProtocolVersion);
            writer.Field("fw", board.FirmwareVersion);
            writer.Field("board", board.BoardName);
            writer.Field("session", session);
            writer.Field("mode", LinkDictionary.ModeName(mode));
            writer.Field("reset", LinkDictionary.ResetCauseName(board.ResetCause));
            writer.Field("line_max", LineBytesMax);
            writer.Field("rx_buffer", RxBufferBytes);
            writer.Field("burst", monitor.Derived.BurstLength);
            writer.Field("period_ms", monitor.Derived.SamplePeriodMs);
            Send();
        }

        private void WriteStatus(int reference)
        {
            LoopTiming loop = board.Loop;
            MonitorTelemetry t = monitor.Telemetry;
            BeginLine(LinkDictionary.Status);
            WriteReference(reference);
            writer.Field("mode", LinkDictionary.ModeName(mode));
            writer.Field("session", session);
            writer.Field("uptime_ms", nowMs);
            writer.Field("loop_min_us", loop.MinMicroseconds);
            writer.Field("loop_avg_us", loop.AverageMicroseconds);
            writer.Field("loop_max_us", loop.MaxMicroseconds);
            writer.Field("cycles", loop.CycleCount);
            writer.Field("overruns", loop.Overruns);
            writer.Key("free_bytes");
            if (board.FreeMemoryBytes >= 0)
            {
                writer.Long(board.FreeMemoryBytes);
            }
            else
            {
                writer.Char('-');
            }

            writer.Field("samples", t.SampleCount);
            writer.Field("injected", SamplesInjected);
            writer.Field("discarded", t.DiscardedSamples);
            writer.Field("rx_lines", LinesReceived);
            writer.Field("rx_rejected", LinesRejected);
            writer.Field("rx_overflow_bytes", RxOverflowBytes);
            writer.Field("tx_dropped_lines", TxDroppedLines);
            writer.Field("alarms_raised", journal.RaisedTotal);
            writer.Field("unacked", journal.UnacknowledgedCount);
            writer.Field("journal_lost", journal.OverwrittenUnacknowledged);
            writer.Field("events_dropped", monitor.Events.DroppedTotal);
            writer.Field("tlm_ms", telemetryPeriodMs);
            Send();
        }

        private void BeginLine(string type)
        {
            txSequence = txSequence == int.MaxValue ? 1 : txSequence + 1;
            writer.Begin(txSequence, type);
        }

        private void WriteReference(int reference)
        {
            writer.Space();
            if (reference >= 0)
            {
                writer.Int(reference);
            }
            else
            {
                writer.Char('-');
            }
        }

        private void ReplyOk(int reference)
        {
            BeginLine(LinkDictionary.Ok);
            WriteReference(reference);
        }

        private void Reject(int reference, LinkError error)
        {
            LastError = error;
            LinesRejected++;
            BeginLine(LinkDictionary.Err);
            WriteReference(reference);
            writer.Space();
            writer.Text(LinkDictionary.ErrorName(error));
        }

        private void RejectAndSend(int reference, LinkError error)
        {
            Reject(reference, error);
            Send();
        }

        private void MissingArgument(int reference, string expected)
        {
            Reject(reference, LinkError.MissingArgument);
            writer.Field("expected", expected);
            Send();
        }

        private void BadArgument(int reference, LinkError error, string argument)
        {
            Reject(reference, error);
            writer.Field("arg", argument);
            EchoToken("got");
            Send();
        }

        private bool NoMoreArguments(int reference)
        {
            if (!cursor.Next())
            {
                return true;
            }

            Reject(reference, LinkError.TooManyArguments);
            EchoToken("extra");
            Send();
            return false;
        }

        /// <summary>Echoes the current token (cut to <see cref="EchoBytesMax"/>) so the error says what was wrong.</summary>
        private void EchoToken(string key)
        {
            writer.Key(key);
            int count = cursor.TokenLength < EchoBytesMax ? cursor.TokenLength : EchoBytesMax;
            writer.Bytes(lineIn, cursor.TokenStart, count);
        }

        private void Send()
        {
            writer.Finish();
            int length = writer.Length;
            if (TxBufferBytes - txCount < length)
            {
                // Output is only lost when the host stops reading; alarms come back by re-sending.
                TxDroppedLines++;
                return;
            }

            byte[] line = writer.Buffer;
            for (int i = 0; i < length; i++)
            {
                txRing[(txHead + txCount) % TxBufferBytes] = line[i];
                txCount++;
            }
        }
    }
}
