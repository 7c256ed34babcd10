namespace ThermalMonitor.Serial;

/// <summary>
/// A man in the middle between a board's serial device and a host: it opens the board device, offers
/// the host a pseudo-terminal at a link path, and forwards bytes both ways on two background threads,
/// dropping and corrupting them as <see cref="RelayFaults"/> says. <see cref="Unplug"/> and
/// <see cref="Replug"/> pull and re-insert the host's "cable". Used by tests of the protocol layer's
/// error handling and reconnection.
/// </summary>
public sealed class FaultInjectingRelay : IDisposable
{
    private const int BufferBytes = 4096;

    private readonly ISerialLink _board;
    private readonly PseudoTerminal _host;
    private readonly Direction _boardToHost;
    private readonly Direction _hostToBoard;
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _boardToHostThread;
    private readonly Thread _hostToBoardThread;
    private volatile bool _hostUnplugged;
    private volatile Exception? _fault;
    private int _disposed;

    private FaultInjectingRelay(ISerialLink board, PseudoTerminal host, RelayFaults faults)
    {
        _board = board;
        _host = host;
        Faults = faults;
        _boardToHost = new Direction(faults, faults.AffectBoardToHost, faults.Seed);
        // A different but fixed seed, so the two directions do not mirror each other's faults.
        _hostToBoard = new Direction(faults, faults.AffectHostToBoard, unchecked((faults.Seed * 31) + 17));
        _boardToHostThread = new Thread(PumpBoardToHost) { IsBackground = true, Name = "relay board->host" };
        _hostToBoardThread = new Thread(PumpHostToBoard) { IsBackground = true, Name = "relay host->board" };
    }

    /// <summary>The board device the relay opened.</summary>
    public string BoardDevicePath => _board.Path;

    /// <summary>The path the host should open (the link to the relay's pseudo-terminal).</summary>
    public string HostDevicePath => _host.DevicePath;

    /// <summary>The faults being injected.</summary>
    public RelayFaults Faults { get; }

    /// <summary>What has been forwarded, dropped and corrupted so far.</summary>
    public RelayCounters Counters => new(_boardToHost.Snapshot(), _hostToBoard.Snapshot());

    /// <summary>
    /// The error that stopped forwarding, if any (typically <see cref="SerialLinkLostException"/>: the
    /// board device went away). Null while the relay runs normally.
    /// </summary>
    public Exception? Fault => _fault;

    /// <summary>
    /// Opens <paramref name="boardDevicePath"/> (at 921600 baud; a pty ignores the rate), creates the
    /// host's pseudo-terminal with a link at <paramref name="hostLinkPath"/>, and starts forwarding.
    /// </summary>
    /// <exception cref="IOException">Either side cannot be opened.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Invalid probabilities in <paramref name="faults"/>.</exception>
    public static FaultInjectingRelay Start(string boardDevicePath, string hostLinkPath, RelayFaults faults)
    {
        ArgumentException.ThrowIfNullOrEmpty(boardDevicePath);
        ArgumentException.ThrowIfNullOrEmpty(hostLinkPath);
        ArgumentNullException.ThrowIfNull(faults);
        faults.Validate();

        var board = PosixSerialPort.Open(boardDevicePath, 921600);
        PseudoTerminal host;
        try
        {
            host = PseudoTerminal.Create(hostLinkPath);
        }
        catch
        {
            board.Dispose();
            throw;
        }

        var relay = new FaultInjectingRelay(board, host, faults);
        relay._boardToHostThread.Start();
        relay._hostToBoardThread.Start();
        return relay;
    }

    /// <summary>
    /// Pulls the host's cable: the host sees a hang-up and the link path disappears; bytes the board
    /// sends meanwhile are lost (counted in <see cref="RelayDirectionCounters.LostWhileUnplugged"/>).
    /// </summary>
    public void Unplug()
    {
        _hostUnplugged = true;
        _host.Unplug();
    }

    /// <summary>Plugs the host's cable back in: a fresh pseudo-terminal behind the same link path.</summary>
    public void Replug()
    {
        _host.Replug();
        _hostUnplugged = false;
    }

    /// <summary>Stops forwarding, waits for both threads, and closes both sides.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _stop.Cancel();
        // Closing the ends wakes threads blocked in a write within one poll slice.
        _host.Dispose();
        _board.Dispose();
        _boardToHostThread.Join();
        _hostToBoardThread.Join();
        _stop.Dispose();
    }

    private void PumpBoardToHost() => Pump(_board, _host, _boardToHost, fromBoard: true);

    private void PumpHostToBoard() => Pump(_host, _board, _hostToBoard, fromBoard: false);

    private void Pump(ISerialLink from, ISerialLink to, Direction direction, bool fromBoard)
    {
        var buffer = new byte[BufferBytes];
        var token = _stop.Token;
        try
        {
            while (!token.IsCancellationRequested)
            {
                int n = from.Read(buffer, FdChannel.SliceMs);
                if (n == 0)
                {
                    continue;
                }

                if (fromBoard && _hostUnplugged)
                {
                    direction.CountLostWhileUnplugged(n);
                    continue;
                }

                int kept = direction.Apply(buffer.AsSpan(0, n));
                // Counted before writing, so a host that has received the bytes sees final counters.
                direction.CountForwarded(kept);
                long discardedBefore = fromBoard ? _host.DiscardedBytes : 0;
                to.Write(buffer.AsSpan(0, kept));
                if (fromBoard && _host.DiscardedBytes - discardedBefore is var discarded and > 0)
                {
                    // Unplugged between the check above and the write: the pty threw them away.
                    direction.MoveForwardedToLost(discarded);
                }
            }
        }
        catch (Exception) when (token.IsCancellationRequested)
        {
            // Dispose closed an end under us.
        }
        catch (Exception ex)
        {
            // A background thread must not take the process down; report through Fault instead.
            _fault ??= ex;
        }
    }

    /// <summary>One direction's fault generator and counters (touched by one pump thread; read by any).</summary>
    private sealed class Direction(RelayFaults faults, bool affected, int seed)
    {
        private readonly Random? _random = affected && (faults.DropProbability > 0 || faults.CorruptProbability > 0)
            ? new Random(seed)
            : null;

        private long _forwarded;
        private long _dropped;
        private long _corrupted;
        private long _lostWhileUnplugged;

        /// <summary>Drops and corrupts in place; returns how many bytes remain at the front.</summary>
        public int Apply(Span<byte> bytes)
        {
            if (_random is null)
            {
                return bytes.Length;
            }

            int kept = 0;
            long dropped = 0;
            long corrupted = 0;
            foreach (byte original in bytes)
            {
                byte b = original;
                double draw = _random.NextDouble();
                if (draw < faults.DropProbability)
                {
                    dropped++;
                    continue;
                }

                if (draw < faults.DropProbability + faults.CorruptProbability)
                {
                    b ^= (byte)(1 << _random.Next(8));
                    corrupted++;
                }

                bytes[kept++] = b;
            }

            Interlocked.Add(ref _dropped, dropped);
            Interlocked.Add(ref _corrupted, corrupted);
            return kept;
        }

        public void CountForwarded(int count) => Interlocked.Add(ref _forwarded, count);

        public void CountLostWhileUnplugged(long count) => Interlocked.Add(ref _lostWhileUnplugged, count);

        public void MoveForwardedToLost(long count)
        {
            Interlocked.Add(ref _forwarded, -count);
            Interlocked.Add(ref _lostWhileUnplugged, count);
        }

        public RelayDirectionCounters Snapshot() => new(
            Interlocked.Read(ref _forwarded),
            Interlocked.Read(ref _dropped),
            Interlocked.Read(ref _corrupted),
            Interlocked.Read(ref _lostWhileUnplugged));
    }
}
