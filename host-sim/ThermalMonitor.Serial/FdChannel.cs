namespace ThermalMonitor.Serial;

/// <summary>
/// Poll-driven reads and writes on a non-blocking descriptor, shared by <see cref="PosixSerialPort"/>
/// and the master side of <see cref="PseudoTerminal"/>. Waits are cut into slices of
/// <see cref="SliceMs"/> so a Dispose from another thread is noticed promptly (poll does not wake
/// up when another thread closes the descriptor).
/// </summary>
internal sealed unsafe class FdChannel : IDisposable
{
    public const int SliceMs = 50;

    private readonly SafeFd _fd;
    private volatile bool _disposed;
    private volatile string? _lostReason;

    public FdChannel(SafeFd fd, string path)
    {
        _fd = fd;
        Path = path;
    }

    public string Path { get; }

    public bool IsOpen => !_disposed && _lostReason is null;

    public bool IsDisposed => _disposed;

    /// <summary>See <see cref="ISerialLink.Read"/>.</summary>
    public int Read(Span<byte> buffer, int timeoutMs)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(timeoutMs, Timeout.Infinite);
        ThrowIfUnusable();
        if (buffer.IsEmpty)
        {
            return 0;
        }

        long deadline = Deadline(timeoutMs);
        using var lease = AcquireOrThrow();
        fixed (byte* p = buffer)
        {
            while (true)
            {
                ThrowIfUnusable();
                short revents = Poll(lease.Fd, LibC.PollIn, SliceUntil(deadline));
                if (revents == 0)
                {
                    if (Environment.TickCount64 >= deadline)
                    {
                        return 0;
                    }

                    continue;
                }

                if ((revents & LibC.PollIn) == 0)
                {
                    // Only error bits: nothing left to drain.
                    throw Lost(DescribeRevents(revents));
                }

                nint n = LibC.Read(lease.Fd, p, (nuint)buffer.Length);
                if (n > 0)
                {
                    return (int)n;
                }

                if (n == 0)
                {
                    throw Lost("end of file (the other side closed or hung up)");
                }

                int errno = Errno.Last;
                if (errno == Errno.EINTR || errno == Errno.EAGAIN)
                {
                    if ((revents & (LibC.PollHup | LibC.PollErr | LibC.PollNval)) != 0)
                    {
                        throw Lost(DescribeRevents(revents));
                    }

                    continue;
                }

                if (Errno.MeansLinkLost(errno))
                {
                    throw Lost($"read failed: {Errno.Describe(errno)}");
                }

                throw new IOException($"read from '{Path}' failed: {Errno.Describe(errno)}");
            }
        }
    }

    /// <summary>
    /// Writes <paramref name="data"/>, polling for room when the kernel buffer is full.
    /// </summary>
    /// <param name="data">The bytes.</param>
    /// <param name="stallTimeoutMs">Give up after this long without progress; <see cref="Timeout.Infinite"/> = never.</param>
    /// <returns>
    /// Bytes written: all of them, unless the stall timeout passed or another thread disposed the
    /// channel meanwhile.
    /// </returns>
    public int Write(ReadOnlySpan<byte> data, int stallTimeoutMs = Timeout.Infinite)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(stallTimeoutMs, Timeout.Infinite);
        ThrowIfUnusable();
        if (data.IsEmpty)
        {
            return 0;
        }

        using var lease = AcquireOrThrow();
        int written = 0;
        long stallDeadline = Deadline(stallTimeoutMs);
        fixed (byte* p = data)
        {
            while (written < data.Length)
            {
                if (_disposed)
                {
                    return written;
                }

                ThrowIfLost();
                nint n = LibC.Write(lease.Fd, p + written, (nuint)(data.Length - written));
                if (n > 0)
                {
                    written += (int)n;
                    stallDeadline = Deadline(stallTimeoutMs);
                    continue;
                }

                int errno = n == 0 ? Errno.EAGAIN : Errno.Last;
                if (errno == Errno.EINTR)
                {
                    continue;
                }

                if (errno == Errno.EAGAIN)
                {
                    if (Environment.TickCount64 >= stallDeadline)
                    {
                        return written;
                    }

                    short revents = Poll(lease.Fd, LibC.PollOut, SliceUntil(stallDeadline));
                    if ((revents & LibC.PollOut) == 0 && (revents & (LibC.PollHup | LibC.PollErr | LibC.PollNval)) != 0)
                    {
                        throw Lost(DescribeRevents(revents));
                    }

                    continue;
                }

                if (Errno.MeansLinkLost(errno))
                {
                    throw Lost($"write failed: {Errno.Describe(errno)}");
                }

                throw new IOException($"write to '{Path}' failed: {Errno.Describe(errno)}");
            }
        }

        return written;
    }

    public void Dispose()
    {
        _disposed = true;
        _fd.Dispose();
    }

    private static long Deadline(int timeoutMs) =>
        timeoutMs == Timeout.Infinite ? long.MaxValue : Environment.TickCount64 + timeoutMs;

    private static int SliceUntil(long deadline) =>
        (int)Math.Clamp(deadline - Environment.TickCount64, 0, SliceMs);

    private static string DescribeRevents(short revents) => (revents & LibC.PollNval) != 0
        ? "the descriptor is no longer valid (POLLNVAL)"
        : (revents & LibC.PollErr) != 0
            ? "the device reported an error (POLLERR)"
            : "the device hung up (POLLHUP)";

    private short Poll(int fd, short events, int timeoutMs)
    {
        var pfd = new LibC.PollFd { Fd = fd, Events = events };
        while (true)
        {
            int rc = LibC.Poll(&pfd, 1, timeoutMs);
            if (rc >= 0)
            {
                return rc == 0 ? (short)0 : pfd.Revents;
            }

            int errno = Errno.Last;
            if (errno != Errno.EINTR)
            {
                throw new IOException($"poll on '{Path}' failed: {Errno.Describe(errno)}");
            }
        }
    }

    private SafeFd.Lease AcquireOrThrow()
    {
        try
        {
            return _fd.Acquire();
        }
        catch (ObjectDisposedException)
        {
            throw Disposed();
        }
    }

    private void ThrowIfUnusable()
    {
        if (_disposed)
        {
            throw Disposed();
        }

        ThrowIfLost();
    }

    private void ThrowIfLost()
    {
        if (_lostReason is { } reason)
        {
            throw new SerialLinkLostException(Path, reason);
        }
    }

    private ObjectDisposedException Disposed() => new(Path, $"the serial link '{Path}' was closed");

    private SerialLinkLostException Lost(string reason)
    {
        _lostReason = reason;
        return new SerialLinkLostException(Path, reason);
    }
}
