using System.Text;
using ThermalMonitor.Core.Link;
using ThermalMonitor.Serial;

namespace ThermalMonitor.Link;

/// <summary>
/// The host side of the protocol over any <see cref="ISerialLink"/> (in-process, virtual board,
/// real board). A reader thread checks every line, completes the command waiting for it, keeps
/// alarms once per (session, sequence number) however often the board re-sends them, optionally
/// acknowledges them, and after a reconnection asks the board to re-send what is outstanding.
/// Tests read like F Prime integration tests: <see cref="Send"/>, then <see cref="WaitFor"/>.
/// </summary>
public sealed class BoardClient : IDisposable
{
    private const int HistoryMax = 4096;

    private readonly ISerialLink link;
    private readonly object writeGate = new();
    private readonly object stateGate = new();
    private readonly Dictionary<int, TaskCompletionSource<BoardLine>> waiting = [];
    private readonly SortedSet<int> injectsInFlight = [];
    private readonly Dictionary<int, int> bytesInFlightBySequence = [];
    private readonly Dictionary<(int Session, int Seq), WireAlarm> alarms = [];
    private readonly List<WireAlarm> alarmOrder = [];
    private readonly Dictionary<(int Session, int Seq), long> clearsBeforeRaise = [];
    private readonly LinkedList<BoardLine> history = new();
    private readonly Thread reader;
    private readonly CancellationTokenSource stop = new();
    private readonly byte[] frame = new byte[LineTransport.LineBytesMax + 32];
    private int nextSequence;
    private int bytesInFlight;
    private int lastBoardSequence = -1;
    private volatile bool disposed;

    public BoardClient(ISerialLink link, bool acknowledgeAlarms = true)
    {
        this.link = link;
        AcknowledgeAlarms = acknowledgeAlarms;
        if (link is ReconnectingSerialLink reconnecting)
        {
            reconnecting.Reconnected += () => ThreadPool.QueueUserWorkItem(_ => Resynchronise());
        }

        reader = new Thread(ReadLoop) { IsBackground = true, Name = "board-reader " + link.Path };
        reader.Start();
    }

    /// <summary>
    /// Room left in the board's receive buffer for acknowledgements, which the reader thread sends
    /// without waiting (it is the thread that sees replies come back).
    /// </summary>
    public const int AcknowledgementReserveBytes = 256;

    /// <summary>Receive buffer assumed until the board's HELLO says what it has: the smallest any board here has.</summary>
    public const int ReceiveBufferAssumedBytes = 1024;

    /// <summary>How commands are held back so the board's receive buffer cannot overrun.</summary>
    public FlowControl FlowControl { get; set; } = FlowControl.InFlightBytes;

    /// <summary>Bytes of commands written and not yet answered.</summary>
    public int BytesInFlight
    {
        get
        {
            lock (stateGate)
            {
                return bytesInFlight;
            }
        }
    }

    /// <summary>Most bytes ever unanswered at once (what the board's buffer had to hold at worst).</summary>
    public int BytesInFlightPeak { get; private set; }

    /// <summary>
    /// Bytes of commands that may be unanswered: the receive buffer the board advertised in HELLO,
    /// less <see cref="AcknowledgementReserveBytes"/>. Every byte unanswered is in the board's
    /// driver buffer or being carried out, so the buffer cannot overrun (PROTOCOL.md §9).
    /// </summary>
    public int InFlightBudgetBytes
    {
        get
        {
            int rxBuffer = Hello is { } hello && hello.Fields.ContainsKey("rx_buffer") ? hello.IntField("rx_buffer") : ReceiveBufferAssumedBytes;
            return Math.Max(rxBuffer - AcknowledgementReserveBytes, rxBuffer / 2);
        }
    }

    /// <summary>Acknowledge every alarm line as it arrives (what a recording host does); off for a console where a person acknowledges.</summary>
    public bool AcknowledgeAlarms { get; set; }

    public ISerialLink SerialLink => link;

    /// <summary>The newest HELLO seen (boot or reply).</summary>
    public BoardLine? Hello { get; private set; }

    /// <summary>Session of the newest HELLO or MODE reply: alarm sequence numbers restart with each.</summary>
    public int Session { get; private set; }

    /// <summary>
    /// The telemetry period this host last had the board accept (<see cref="SetTelemetryPeriod"/>),
    /// null until then: a board reset meanwhile comes back with its default, so a reconnection asks again.
    /// </summary>
    public int? TelemetryPeriodMs { get; private set; }

    public int LinesReceived { get; private set; }

    /// <summary>Lines that failed the integrity check or could not be split (corrupted in transit).</summary>
    public int LinesCorrupted { get; private set; }

    /// <summary>Board sequence numbers skipped: lines lost in transit or dropped by a full board buffer.</summary>
    public int LinesMissing { get; private set; }

    /// <summary>INJ commands that got no reply (lost on the way, or refused before their sequence number could be read).</summary>
    public int InjectsUnanswered { get; private set; }

    public int InjectErrors { get; private set; }

    public string? LastInjectError { get; private set; }

    /// <summary>Alarm lines that repeated one already known (re-sends and duplicates).</summary>
    public int AlarmCopiesIgnored { get; private set; }

    public event Action<BoardLine>? LineReceived;

    /// <summary>
    /// Raised once, on the reader thread, when the link failed for good (a reconnecting link's
    /// outage outlasted its timeout): no line comes after it and every command fails.
    /// </summary>
    public event Action<Exception>? LinkFailed;

    public event Action<WireAlarm>? AlarmReceived;

    /// <summary>
    /// A command line as it goes on the wire, without its line end, raised just before it is written
    /// (commands and acknowledgements; not INJ streams): what <c>--raw</c> shows.
    /// </summary>
    public event Action<string>? LineSent;

    /// <summary>Unique alarms in arrival order.</summary>
    public IReadOnlyList<WireAlarm> Alarms
    {
        get
        {
            lock (stateGate)
            {
                return [.. alarmOrder];
            }
        }
    }

    /// <summary>Sends a command and waits for its reply (OK, ERR, STATUS, CFG or HELLO).</summary>
    public BoardLine Send(string command, int timeoutMs = 5000)
    {
        ThrowIfReaderDied();
        var reply = new TaskCompletionSource<BoardLine>(TaskCreationOptions.RunContinuationsAsynchronously);
        int sequence;
        string framed;
        lock (stateGate)
        {
            sequence = NextSequence();
            framed = CommandFrame.Frame(sequence, command);
            WaitForRoom(framed.Length, timeoutMs);
            waiting[sequence] = reply;
            Reserve(sequence, framed.Length);
        }

        WriteText(framed);
        if (!WaitForReply(reply.Task, timeoutMs, command))
        {
            lock (stateGate)
            {
                waiting.Remove(sequence);
                Release(sequence);
            }

            throw new TimeoutException($"no reply from the board on {link.Path} to '{sequence} {Shorten(command)}' within {timeoutMs} ms");
        }

        return reply.Task.Result;
    }

    /// <summary>
    /// Waits for a reply; false on timeout. A reply that can no longer come throws what stopped it:
    /// <see cref="ObjectDisposedException"/> when this client was closed meanwhile, or the reader's
    /// <see cref="BoardProtocolException"/> — never a bare AggregateException.
    /// </summary>
    private bool WaitForReply(Task<BoardLine> reply, int timeoutMs, string command)
    {
        try
        {
            return reply.Wait(timeoutMs);
        }
        catch (AggregateException) when (reply.IsCanceled)
        {
            throw new ObjectDisposedException(nameof(BoardClient), $"the link to {link.Path} was closed while '{Shorten(command)}' waited for its reply");
        }
        catch (AggregateException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }

    /// <summary>Like <see cref="Send"/>, but an ERR reply throws with the board's words.</summary>
    public BoardLine SendOk(string command, int timeoutMs = 5000)
    {
        return Accepted(Send(command, timeoutMs), $"'{Shorten(command)}'");
    }

    /// <summary>Asks the board for telemetry every <paramref name="periodMs"/> of sample time (0 = none), and remembers it for after a reconnection.</summary>
    /// <returns>The board's reply; an ERR leaves the remembered period as it was.</returns>
    public BoardLine SetTelemetryPeriod(int periodMs, int timeoutMs = 5000)
    {
        BoardLine reply = Send(TelemetryCommand(periodMs), timeoutMs);
        if (!reply.IsError)
        {
            TelemetryPeriodMs = periodMs;
        }

        return reply;
    }

    /// <summary>As <see cref="SetTelemetryPeriod"/>, and an ERR reply throws <see cref="BoardProtocolException"/>.</summary>
    public BoardLine SetTelemetryPeriodOk(int periodMs, int timeoutMs = 5000)
    {
        return Accepted(SetTelemetryPeriod(periodMs, timeoutMs), $"'{TelemetryCommand(periodMs)}'");
    }

    /// <summary>
    /// Applies a configuration document however long: one CFG SET, or CFG STAGE parts and a CFG
    /// COMMIT when it is longer than the board's line (<see cref="ConfigJson.Commands"/>). Returns
    /// the board's last reply: the first refusal, or the reply that applied the document.
    /// </summary>
    public BoardLine SetConfig(string document, int timeoutMs = 5000)
    {
        int lineMax = Hello is { } hello && hello.Fields.ContainsKey("line_max") ? hello.IntField("line_max") : LineTransport.LineBytesMax;
        BoardLine? reply = null;
        foreach (string command in ConfigJson.Commands(document, lineMax))
        {
            reply = Send(command, timeoutMs);
            if (reply.IsError)
            {
                break;
            }
        }

        return reply!;
    }

    /// <summary>Like <see cref="SetConfig"/>, but a refusal throws with the board's words.</summary>
    public BoardLine SetConfigOk(string document, int timeoutMs = 5000)
    {
        return Accepted(SetConfig(document, timeoutMs), "the configuration");
    }

    /// <summary>Sends raw bytes as they are (tests of the board's parser: garbage, bad checks, overlong lines).</summary>
    public void SendRaw(string text) => WriteText(text);

    /// <summary>
    /// Streams one INJ command, first waiting until the board has room for it: its bytes and all
    /// others unanswered within <see cref="InFlightBudgetBytes"/> (or, with
    /// <see cref="FlowControl.LegacyInjectWindow"/>, fewer than <paramref name="legacyWindow"/> INJ
    /// lines unanswered — the old rule, kept to measure what it loses). An INJ unanswered after
    /// <paramref name="replyTimeoutMs"/> is given up as lost and counted.
    /// </summary>
    public void Inject(ReadOnlySpan<byte> injectBody, int replyTimeoutMs = 5000, int legacyWindow = 12)
    {
        int sequence;
        int length;
        lock (stateGate)
        {
            sequence = NextSequence();
            length = CommandFrame.Frame(sequence, injectBody, frame);
            DateTime deadline = DateTime.UtcNow.AddMilliseconds(replyTimeoutMs);
            while (FlowControl == FlowControl.LegacyInjectWindow ? injectsInFlight.Count >= legacyWindow : !HasRoom(length))
            {
                TimeSpan left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero)
                {
                    if (injectsInFlight.Count == 0)
                    {
                        throw new TimeoutException($"the board on {link.Path} left {bytesInFlight} bytes of commands unanswered for {replyTimeoutMs} ms");
                    }

                    // The oldest never came back: lost on the way or refused before its number was read.
                    int oldest = injectsInFlight.Min;
                    injectsInFlight.Remove(oldest);
                    Release(oldest);
                    InjectsUnanswered++;
                    deadline = DateTime.UtcNow.AddMilliseconds(replyTimeoutMs);
                    continue;
                }

                ThrowIfReaderDied();
                Monitor.Wait(stateGate, left);
            }

            injectsInFlight.Add(sequence);
            Reserve(sequence, length);
        }

        lock (writeGate)
        {
            link.Write(frame.AsSpan(0, length));
        }
    }

    /// <summary>Waits until every INJ is answered (or given up as lost after <paramref name="timeoutMs"/>).</summary>
    public void DrainInjects(int timeoutMs = 5000)
    {
        lock (stateGate)
        {
            DateTime deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
            while (injectsInFlight.Count > 0)
            {
                TimeSpan left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero)
                {
                    InjectsUnanswered += injectsInFlight.Count;
                    foreach (int sequence in injectsInFlight)
                    {
                        Release(sequence);
                    }

                    injectsInFlight.Clear();
                    return;
                }

                ThrowIfReaderDied();
                Monitor.Wait(stateGate, left);
            }
        }
    }

    /// <summary>Waits for a board line matching <paramref name="predicate"/>, looking first at lines already received since <paramref name="afterSequence"/>.</summary>
    public BoardLine WaitFor(Func<BoardLine, bool> predicate, int timeoutMs, int afterSequence = -1, string? what = null)
    {
        lock (stateGate)
        {
            DateTime deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
            while (true)
            {
                foreach (BoardLine line in history)
                {
                    if (line.Sequence > afterSequence && predicate(line))
                    {
                        return line;
                    }
                }

                TimeSpan left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero)
                {
                    throw new TimeoutException($"the board on {link.Path} sent no {what ?? "matching line"} within {timeoutMs} ms");
                }

                ThrowIfReaderDied();
                Monitor.Wait(stateGate, left);
            }
        }
    }

    /// <summary>Newest board sequence number seen (a starting point for <see cref="WaitFor"/>).</summary>
    public int LastBoardSequence
    {
        get
        {
            lock (stateGate)
            {
                return lastBoardSequence;
            }
        }
    }

    /// <summary>Asks until the board answers HELLO (it may still be booting or the link coming up).</summary>
    public BoardLine WaitReady(int timeoutMs = 10000)
    {
        DateTime deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        Exception? last = null;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                BoardLine hello = Send(LinkDictionary.Hello, 500);
                if (!hello.IsError)
                {
                    return hello;
                }

                last = new BoardProtocolException(hello.Text);
            }
            catch (TimeoutException e)
            {
                last = e;
            }
        }

        throw new TimeoutException($"the board on {link.Path} did not answer HELLO within {timeoutMs} ms ({last?.Message})");
    }

    /// <summary>
    /// After a reconnection: HELLO, then the whole alarm journal, so nothing raised meanwhile is
    /// missed, then the telemetry period this host asked for (the board may have been reset).
    /// </summary>
    public void Resynchronise()
    {
        try
        {
            WaitReady(10000);
            Send(LinkDictionary.Alarms, 5000);
            if (TelemetryPeriodMs is int periodMs)
            {
                SetTelemetryPeriod(periodMs);
            }
        }
        catch (Exception e) when (e is TimeoutException or SerialLinkLostException or ObjectDisposedException or BoardProtocolException)
        {
            // It runs on a pool thread after a reconnection, where an exception would end the
            // process; the next reconnection (or the caller's own wait) tries again.
        }
    }

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        stop.Cancel();
        reader.Join(2000);
        lock (stateGate)
        {
            foreach (TaskCompletionSource<BoardLine> pending in waiting.Values)
            {
                pending.TrySetCanceled();
            }

            Monitor.PulseAll(stateGate);
        }
    }

    private Exception? readerFailure;

    private void ThrowIfReaderDied()
    {
        if (readerFailure is not null)
        {
            throw new BoardProtocolException($"the link to {link.Path} failed: {readerFailure.Message}");
        }

        ObjectDisposedException.ThrowIf(disposed, this);
    }

    private bool HasRoom(int length) => bytesInFlight == 0 || bytesInFlight + length <= InFlightBudgetBytes;

    /// <summary>Waits (holding <see cref="stateGate"/>) until a command of <paramref name="length"/> bytes fits the budget.</summary>
    private void WaitForRoom(int length, int timeoutMs)
    {
        if (Thread.CurrentThread == reader)
        {
            // The reader must never wait for replies it is the one to read.
            return;
        }

        DateTime deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (!HasRoom(length))
        {
            TimeSpan left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"the board on {link.Path} left {bytesInFlight} bytes of commands unanswered for {timeoutMs} ms");
            }

            ThrowIfReaderDied();
            Monitor.Wait(stateGate, left);
        }
    }

    private void Reserve(int sequence, int length)
    {
        bytesInFlightBySequence[sequence] = length;
        bytesInFlight += length;
        BytesInFlightPeak = Math.Max(BytesInFlightPeak, bytesInFlight);
    }

    private void Release(int sequence)
    {
        if (bytesInFlightBySequence.Remove(sequence, out int length))
        {
            bytesInFlight -= length;
        }
    }

    private int NextSequence()
    {
        nextSequence = nextSequence == int.MaxValue ? 1 : nextSequence + 1;
        return nextSequence;
    }

    private void WriteText(string text)
    {
        LineSent?.Invoke(text.TrimEnd('\r', '\n'));
        byte[] bytes = Encoding.ASCII.GetBytes(text);
        lock (writeGate)
        {
            link.Write(bytes);
        }
    }

    private void ReadLoop()
    {
        var buffer = new byte[8192];
        var line = new StringBuilder(LineTransport.OutgoingLineBytesMax);
        try
        {
            while (!stop.IsCancellationRequested)
            {
                int count = link.Read(buffer, 50);
                for (int i = 0; i < count; i++)
                {
                    char c = (char)buffer[i];
                    if (c == '\n' || c == '\r')
                    {
                        if (line.Length > 0)
                        {
                            Accept(line.ToString());
                            line.Clear();
                        }
                    }
                    else if (line.Length < LineTransport.OutgoingLineBytesMax)
                    {
                        line.Append(c);
                    }
                }
            }
        }
        catch (Exception e) when (!stop.IsCancellationRequested)
        {
            readerFailure = e;
            lock (stateGate)
            {
                foreach (TaskCompletionSource<BoardLine> pending in waiting.Values)
                {
                    pending.TrySetException(new BoardProtocolException($"the link to {link.Path} failed: {e.Message}"));
                }

                Monitor.PulseAll(stateGate);
            }

            LinkFailed?.Invoke(e);
        }
        catch (Exception)
        {
            // Disposed while reading.
        }
    }

    private void Accept(string text)
    {
        if (!BoardLine.TryParse(text, out BoardLine? parsed, out _) || parsed is null)
        {
            lock (stateGate)
            {
                LinesCorrupted++;
            }

            return;
        }

        bool acknowledge = false;
        lock (stateGate)
        {
            LinesReceived++;
            if (lastBoardSequence >= 0 && parsed.Sequence > lastBoardSequence + 1)
            {
                LinesMissing += parsed.Sequence - lastBoardSequence - 1;
            }

            // A lower number means the board restarted (or wrapped): start counting afresh.
            lastBoardSequence = parsed.Sequence;
            history.AddLast(parsed);
            if (history.Count > HistoryMax)
            {
                history.RemoveFirst();
            }

            acknowledge = Track(parsed);
            if (parsed.Reference is int reference)
            {
                Release(reference);
                if (waiting.Remove(reference, out TaskCompletionSource<BoardLine>? pending))
                {
                    pending.TrySetResult(parsed);
                }
                else if (injectsInFlight.Contains(reference))
                {
                    // Replies come back in order: any older INJ still waiting was lost.
                    while (injectsInFlight.Count > 0 && injectsInFlight.Min < reference)
                    {
                        Release(injectsInFlight.Min);
                        injectsInFlight.Remove(injectsInFlight.Min);
                        InjectsUnanswered++;
                    }

                    injectsInFlight.Remove(reference);
                    if (parsed.IsError)
                    {
                        InjectErrors++;
                        LastInjectError = parsed.Text;
                    }
                }
            }

            Monitor.PulseAll(stateGate);
        }

        LineReceived?.Invoke(parsed);
        if (acknowledge)
        {
            try
            {
                // Counted in flight but never held back: the reserve in the budget is its room.
                string ack;
                lock (stateGate)
                {
                    int sequence = NextSequence();
                    ack = CommandFrame.Frame(sequence, $"{LinkDictionary.Ack} {parsed.Field(WireField.Seq)}");
                    Reserve(sequence, ack.Length);
                }

                WriteText(ack);
            }
            catch (Exception e) when (e is SerialLinkLostException or ObjectDisposedException or IOException)
            {
                // The board re-sends until an acknowledgement gets through.
            }
        }
    }

    /// <summary>Updates hello/session and the alarm store; true when the line is an alarm to acknowledge.</summary>
    private bool Track(BoardLine line)
    {
        switch (line.Type)
        {
            case LinkDictionary.Hello:
                Hello = line;
                Session = line.IntField(WireField.Session);
                return false;
            case LinkDictionary.Ok when line.Fields.ContainsKey(WireField.Session):
                Session = line.IntField(WireField.Session);
                return false;
            case LinkDictionary.Alarm:
                return TrackAlarm(line);
            case LinkDictionary.Clear:
                var key = (Session, line.IntField(WireField.Seq));
                if (alarms.TryGetValue(key, out WireAlarm? known))
                {
                    known.ClearedTimeMs = line.LongField(WireField.TimeMs);
                }
                else
                {
                    clearsBeforeRaise[key] = line.LongField(WireField.TimeMs);
                }

                return false;
            default:
                return false;
        }
    }

    private bool TrackAlarm(BoardLine line)
    {
        int session = line.IntField(WireField.Session);
        int seq = line.IntField(WireField.Seq);
        long? clearedMs = line.OptionalLongField(WireField.ClearedMs);
        bool boardHasAck = line.Field(WireField.Acked) == "1";
        if (alarms.TryGetValue((session, seq), out WireAlarm? known))
        {
            known.Copies++;
            known.ClearedTimeMs ??= clearedMs;
            AlarmCopiesIgnored++;
            return AcknowledgeAlarms && !boardHasAck;
        }

        var alarm = new WireAlarm(session, seq, line.Field(WireField.Type), line.Field(WireField.Severity), line.Field(WireField.Channel), line.LongField(WireField.TimeMs), line.Field(WireField.Cause), line.IntField(WireField.Value))
        {
            ClearedTimeMs = clearedMs,
        };
        if (alarm.ClearedTimeMs is null && clearsBeforeRaise.Remove((session, seq), out long early))
        {
            alarm.ClearedTimeMs = early;
        }

        alarms[(session, seq)] = alarm;
        alarmOrder.Add(alarm);
        AlarmReceived?.Invoke(alarm);
        return AcknowledgeAlarms && !boardHasAck;
    }

    /// <summary>The reply, or a <see cref="BoardProtocolException"/> with the board's words if it is an ERR.</summary>
    private static BoardLine Accepted(BoardLine reply, string what) =>
        reply.IsError ? throw new BoardProtocolException($"board refused {what}: {reply.Text}") : reply;

    /// <summary>The command that asks for telemetry every <paramref name="periodMs"/> (what <see cref="SetTelemetryPeriod"/> sends).</summary>
    public static string TelemetryCommand(int periodMs) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{LinkDictionary.Telemetry} {periodMs}");

    private static string Shorten(string command) => command.Length <= 60 ? command : command[..57] + "...";
}
