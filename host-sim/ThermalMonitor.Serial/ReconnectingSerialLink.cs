namespace ThermalMonitor.Serial;

/// <summary>
/// A link that survives the device going away and coming back (USB adapter pulled and re-inserted,
/// board re-enumerated, virtual board replugged). When an operation finds the link lost, the dead
/// link is disposed and <c>factory</c> is retried every <c>retryIntervalMs</c>; once it succeeds,
/// <see cref="Reconnects"/> goes up and <see cref="Reconnected"/> fires (ask the board to re-send its
/// state then: bytes in flight during the outage are gone).
/// </summary>
/// <remarks>
/// During an outage, <see cref="Read"/> returns 0 after its timeout, and <see cref="Write"/> blocks
/// while retrying. Once the outage has lasted <c>reconnectTimeoutMs</c>, operations throw
/// <see cref="SerialLinkLostException"/> (each still makes one reopen attempt first, so a caller that
/// keeps going recovers when the device returns). A write cut short by a loss is sent again in full
/// on the new link. One reader thread and one writer thread may use the link concurrently; only one
/// of them reopens.
/// </remarks>
public sealed class ReconnectingSerialLink : ISerialLink
{
    private readonly Func<ISerialLink> _factory;
    private readonly int _retryIntervalMs;
    private readonly int _reconnectTimeoutMs;
    private readonly Lock _gate = new();
    private ISerialLink? _link;
    private long _outageStartedMs;
    private long _nextAttemptMs;
    private Exception? _lastError;
    private int _reconnects;
    private bool _disposed;

    /// <summary>Opens the first link right away, so a wrong device path fails fast.</summary>
    /// <param name="factory">Opens the device, e.g. <c>() =&gt; PosixSerialPort.Open("/dev/ttyUSB0", 115200)</c>.</param>
    /// <param name="retryIntervalMs">Pause between reopen attempts during an outage.</param>
    /// <param name="reconnectTimeoutMs">How long an outage may last before operations throw.</param>
    /// <exception cref="IOException">The first open failed (whatever <paramref name="factory"/> threw).</exception>
    public ReconnectingSerialLink(Func<ISerialLink> factory, int retryIntervalMs = 200, int reconnectTimeoutMs = 10000)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentOutOfRangeException.ThrowIfLessThan(retryIntervalMs, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(reconnectTimeoutMs);
        _factory = factory;
        _retryIntervalMs = retryIntervalMs;
        _reconnectTimeoutMs = reconnectTimeoutMs;
        _link = factory();
        Path = _link.Path;
    }

    /// <summary>A reconnecting <see cref="PosixSerialPort"/> on <paramref name="devicePath"/>.</summary>
    /// <exception cref="IOException">The device cannot be opened now.</exception>
    public static ReconnectingSerialLink ForDevice(
        string devicePath, int baud, int retryIntervalMs = 200, int reconnectTimeoutMs = 10000) =>
        ForDevice(SerialTransport.Termios, devicePath, baud, retryIntervalMs, reconnectTimeoutMs);

    /// <summary>A reconnecting port on <paramref name="devicePath"/>, opened with <paramref name="transport"/>.</summary>
    /// <exception cref="IOException">The device cannot be opened now.</exception>
    public static ReconnectingSerialLink ForDevice(
        SerialTransport transport, string devicePath, int baud, int retryIntervalMs = 200, int reconnectTimeoutMs = 10000) =>
        new(() => SerialTransports.Open(transport, devicePath, baud), retryIntervalMs, reconnectTimeoutMs);

    /// <summary>Raised on the thread that reopened the link, after a successful reopen.</summary>
    public event Action? Reconnected;

    /// <summary>Raised on the thread that found the link lost (an outage begins), with what was found.</summary>
    public event Action<Exception>? Lost;

    /// <summary>The first link's path (the factory is expected to open the same device each time).</summary>
    public string Path { get; }

    /// <summary>False during an outage and after Dispose.</summary>
    public bool IsOpen
    {
        get
        {
            lock (_gate)
            {
                return !_disposed && _link is { IsOpen: true };
            }
        }
    }

    /// <summary>How many times the link was reopened after a loss.</summary>
    public int Reconnects => Volatile.Read(ref _reconnects);

    /// <inheritdoc />
    /// <remarks>During an outage: retries reopening and returns 0 when the timeout passes.</remarks>
    /// <exception cref="SerialLinkLostException">The outage has lasted longer than reconnectTimeoutMs.</exception>
    public int Read(Span<byte> buffer, int timeoutMs)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(timeoutMs, Timeout.Infinite);
        long deadline = timeoutMs == Timeout.Infinite ? long.MaxValue : Environment.TickCount64 + timeoutMs;
        while (true)
        {
            if (CurrentOrReopened() is { } link)
            {
                int remainingMs = timeoutMs == Timeout.Infinite
                    ? Timeout.Infinite
                    : (int)Math.Max(0, deadline - Environment.TickCount64);
                try
                {
                    return link.Read(buffer, remainingMs);
                }
                catch (SerialLinkLostException ex)
                {
                    MarkLost(link, ex);
                }
                catch (ObjectDisposedException) when (!IsCurrent(link))
                {
                    // The other thread found it lost and disposed it.
                }

                continue;
            }

            ThrowIfOutageTooLong();
            long now = Environment.TickCount64;
            if (now >= deadline)
            {
                return 0;
            }

            Thread.Sleep(PauseMs(now, deadline));
        }
    }

    /// <inheritdoc />
    /// <remarks>During an outage: blocks retrying until the link is back or the outage has lasted reconnectTimeoutMs.</remarks>
    /// <exception cref="SerialLinkLostException">The outage has lasted longer than reconnectTimeoutMs.</exception>
    public void Write(ReadOnlySpan<byte> data)
    {
        while (true)
        {
            if (CurrentOrReopened() is { } link)
            {
                try
                {
                    link.Write(data);
                    return;
                }
                catch (SerialLinkLostException ex)
                {
                    MarkLost(link, ex);
                }
                catch (ObjectDisposedException) when (!IsCurrent(link))
                {
                }

                continue;
            }

            ThrowIfOutageTooLong();
            Thread.Sleep(PauseMs(Environment.TickCount64, long.MaxValue));
        }
    }

    /// <summary>Closes the current link; later calls throw <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _link?.Dispose();
            _link = null;
        }
    }

    /// <summary>The live link, or a freshly reopened one if an attempt is due and succeeds, else null.</summary>
    private ISerialLink? CurrentOrReopened()
    {
        ISerialLink? link;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_link is not null)
            {
                return _link;
            }

            long now = Environment.TickCount64;
            if (now < _nextAttemptMs)
            {
                return null;
            }

            _nextAttemptMs = now + _retryIntervalMs;
            try
            {
                _link = _factory();
            }
            catch (IOException ex)
            {
                // Missing node (not re-enumerated yet), EACCES before udev fixed the permissions, …
                _lastError = ex;
                return null;
            }

            link = _link;
            _reconnects++;
        }

        Reconnected?.Invoke();
        return link;
    }

    private void MarkLost(ISerialLink link, SerialLinkLostException ex)
    {
        lock (_gate)
        {
            if (!ReferenceEquals(_link, link))
            {
                return;
            }

            _link = null;
            _lastError = ex;
            _outageStartedMs = Environment.TickCount64;
            _nextAttemptMs = _outageStartedMs;
            link.Dispose();
        }

        Lost?.Invoke(ex);
    }

    private bool IsCurrent(ISerialLink link)
    {
        lock (_gate)
        {
            return ReferenceEquals(_link, link);
        }
    }

    private void ThrowIfOutageTooLong()
    {
        lock (_gate)
        {
            if (_link is null && Environment.TickCount64 - _outageStartedMs >= _reconnectTimeoutMs)
            {
                throw new SerialLinkLostException(
                    Path,
                    $"not back after {_reconnectTimeoutMs} ms of retrying; last error: {_lastError?.Message ?? "none"}",
                    _lastError);
            }
        }
    }

    /// <summary>Sleep until the next attempt, the caller's deadline or the outage limit, whichever is first.</summary>
    private int PauseMs(long now, long deadline)
    {
        long until;
        lock (_gate)
        {
            until = Math.Min(Math.Min(_nextAttemptMs, deadline), _outageStartedMs + _reconnectTimeoutMs);
        }

        return (int)Math.Clamp(until - now, 1, _retryIntervalMs);
    }
}
