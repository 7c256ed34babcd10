using System.Runtime.InteropServices;
using System.Text;

namespace ThermalMonitor.Serial;

/// <summary>
/// The board side of a virtual serial port: a pseudo-terminal whose slave (e.g. <c>/dev/pts/7</c>,
/// optionally reached through a stable symbolic link) a host opens like a real port, while this
/// object reads and writes the master. The slave is put in raw mode and one slave descriptor is kept
/// open for the pty's life, because on Linux master reads fail with EIO whenever no slave descriptor
/// is open — hosts can disconnect and reconnect while the board keeps running.
/// </summary>
/// <remarks>
/// <see cref="Unplug"/> / <see cref="Replug"/> simulate pulling and re-inserting a USB adapter. While
/// unplugged the board does not know the cable is gone: <see cref="Read"/> waits and returns 0 and
/// <see cref="Write"/> discards (counted in <see cref="DiscardedBytes"/>). Thread-safe for one
/// reader, one writer and one thread plugging/unplugging.
/// </remarks>
public sealed unsafe class PseudoTerminal : ISerialLink
{
    private static readonly Lock PtsNameGate = new();

    private readonly Lock _gate = new();
    private readonly string? _linkPath;
    private Pty? _pty;
    private string _slavePath;
    private bool _disposed;
    private long _discardedBytes;
    private volatile int _writeStallTimeoutMs = Timeout.Infinite;

    private PseudoTerminal(Pty pty, string? linkPath)
    {
        _pty = pty;
        _slavePath = pty.SlavePath;
        _linkPath = linkPath;
    }

    /// <summary>The current slave device, e.g. <c>/dev/pts/7</c>; may change on <see cref="Replug"/>.</summary>
    public string SlavePath
    {
        get
        {
            lock (_gate)
            {
                return _slavePath;
            }
        }
    }

    /// <summary>What hosts should open: the link path if one was given, else <see cref="SlavePath"/>.</summary>
    public string DevicePath => _linkPath ?? SlavePath;

    /// <inheritdoc />
    public string Path => DevicePath;

    /// <summary>True until disposed, also while unplugged (the board cannot tell).</summary>
    public bool IsOpen
    {
        get
        {
            lock (_gate)
            {
                return !_disposed;
            }
        }
    }

    /// <summary>False between <see cref="Unplug"/> and <see cref="Replug"/>.</summary>
    public bool IsPlugged
    {
        get
        {
            lock (_gate)
            {
                return _pty is not null;
            }
        }
    }

    /// <summary>
    /// How long a <see cref="Write"/> may wait for room in the pty buffer (nobody reading on the host
    /// side) before discarding the rest, as a UART with no listener would.
    /// <see cref="Timeout.Infinite"/> (the default) waits for ever, like a pipe.
    /// </summary>
    public int WriteStallTimeoutMs
    {
        get => _writeStallTimeoutMs;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, Timeout.Infinite);
            _writeStallTimeoutMs = value;
        }
    }

    /// <summary>Bytes <see cref="Write"/> threw away: while unplugged, or after a write stall.</summary>
    public long DiscardedBytes => Interlocked.Read(ref _discardedBytes);

    /// <summary>
    /// Creates a pseudo-terminal. With <paramref name="linkPath"/>, also creates a symbolic link
    /// there pointing at the slave (replacing a stale link; a regular file in the way is an error),
    /// removed again on <see cref="Dispose"/>.
    /// </summary>
    /// <exception cref="IOException">The pty or the link cannot be created.</exception>
    /// <exception cref="PlatformNotSupportedException">Windows.</exception>
    public static PseudoTerminal Create(string? linkPath = null)
    {
        if (linkPath is not null)
        {
            ArgumentException.ThrowIfNullOrEmpty(linkPath);
            linkPath = System.IO.Path.GetFullPath(linkPath);
        }

        var pty = Pty.Open(PosixTermios.Current);
        try
        {
            if (linkPath is not null)
            {
                CreateLink(linkPath, pty.SlavePath);
            }

            return new PseudoTerminal(pty, linkPath);
        }
        catch
        {
            pty.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Reads what the host wrote, waiting up to <paramref name="timeoutMs"/>; returns 0 on timeout
    /// and, while unplugged, waits out the timeout and returns 0.
    /// </summary>
    /// <exception cref="ObjectDisposedException">Disposed.</exception>
    public int Read(Span<byte> buffer, int timeoutMs)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(timeoutMs, Timeout.Infinite);
        long deadline = timeoutMs == Timeout.Infinite ? long.MaxValue : Environment.TickCount64 + timeoutMs;
        while (true)
        {
            FdChannel? master = CurrentMaster();
            int sliceMs = (int)Math.Clamp(deadline - Environment.TickCount64, 0, FdChannel.SliceMs);
            if (master is null)
            {
                if (sliceMs == 0)
                {
                    return 0;
                }

                Thread.Sleep(sliceMs);
                continue;
            }

            try
            {
                int n = master.Read(buffer, sliceMs);
                if (n > 0 || buffer.IsEmpty)
                {
                    return n;
                }
            }
            catch (ObjectDisposedException) when (master.IsDisposed && !IsDisposed())
            {
                // Unplugged under us: behave as if nothing arrived.
            }

            if (Environment.TickCount64 >= deadline)
            {
                return 0;
            }
        }
    }

    /// <summary>
    /// Writes to the host. Blocks while the pty buffer is full (see <see cref="WriteStallTimeoutMs"/>);
    /// while unplugged the bytes are discarded.
    /// </summary>
    /// <exception cref="ObjectDisposedException">Disposed.</exception>
    public void Write(ReadOnlySpan<byte> data)
    {
        FdChannel? master = CurrentMaster();
        int written = 0;
        if (master is not null)
        {
            try
            {
                written = master.Write(data, _writeStallTimeoutMs);
            }
            catch (ObjectDisposedException) when (master.IsDisposed && !IsDisposed())
            {
                // Unplugged just before the write began: the cable ate it.
            }

            if (written < data.Length && IsDisposed())
            {
                throw new ObjectDisposedException(nameof(PseudoTerminal), $"the pseudo-terminal '{DevicePath}' was closed");
            }

            if (written < data.Length)
            {
                // Nobody has been reading for a while. A UART's bytes would have gone by unheard;
                // drop what waits in the pty too, so a host opening later sees current lines.
                CurrentPty()?.FlushUnread();
            }
        }

        Interlocked.Add(ref _discardedBytes, data.Length - written);
    }

    /// <summary>
    /// Simulates pulling the USB adapter: removes the link, closes the master and the kept slave
    /// descriptor, so a host with the slave open sees a hang-up (POLLHUP / EOF / EIO). No-op when
    /// already unplugged.
    /// </summary>
    /// <exception cref="ObjectDisposedException">Disposed.</exception>
    public void Unplug()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_pty is null)
            {
                return;
            }

            // Link first: by the time a host notices the hang-up and retries, the path is gone.
            RemoveLink(_linkPath, _pty.SlavePath);
            _pty.Dispose();
            _pty = null;
        }
    }

    /// <summary>
    /// Simulates plugging the adapter back in: a fresh pseudo-terminal (its slave path may differ,
    /// which is why hosts should open the link path) and the link re-pointed at it. No-op when
    /// plugged.
    /// </summary>
    /// <exception cref="IOException">The pty or the link cannot be created.</exception>
    /// <exception cref="ObjectDisposedException">Disposed.</exception>
    public void Replug()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_pty is not null)
            {
                return;
            }

            var pty = Pty.Open(PosixTermios.Current);
            try
            {
                if (_linkPath is not null)
                {
                    CreateLink(_linkPath, pty.SlavePath);
                }
            }
            catch
            {
                pty.Dispose();
                throw;
            }

            _pty = pty;
            _slavePath = pty.SlavePath;
        }
    }

    /// <summary>Closes the pty (hosts see a hang-up) and removes the link if it still points at it.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            if (_pty is not null)
            {
                RemoveLink(_linkPath, _pty.SlavePath);
                _pty.Dispose();
                _pty = null;
            }
        }
    }

    private static void CreateLink(string linkPath, string slavePath)
    {
        var existing = new FileInfo(linkPath);
        if (existing.LinkTarget is not null)
        {
            existing.Delete();
        }
        else if (existing.Exists || Directory.Exists(linkPath))
        {
            throw new IOException(
                $"cannot create the virtual serial port link '{linkPath}': something that is not a symbolic link is already there");
        }

        File.CreateSymbolicLink(linkPath, slavePath);
    }

    private static void RemoveLink(string? linkPath, string slavePath)
    {
        // Only our own link: another virtual board may have taken the path over meanwhile.
        if (linkPath is not null && new FileInfo(linkPath).LinkTarget == slavePath)
        {
            File.Delete(linkPath);
        }
    }

    private FdChannel? CurrentMaster()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _pty?.Master;
        }
    }

    private Pty? CurrentPty()
    {
        lock (_gate)
        {
            return _disposed ? null : _pty;
        }
    }

    private bool IsDisposed()
    {
        lock (_gate)
        {
            return _disposed;
        }
    }

    /// <summary>One master/slave pair plus the slave descriptor kept open for its life.</summary>
    private sealed class Pty(FdChannel master, SafeFd keptSlave, string slavePath) : IDisposable
    {
        public FdChannel Master { get; } = master;

        public string SlavePath { get; } = slavePath;

        public static Pty Open(PosixTermios os)
        {
            int fd = LibC.PosixOpenPt(PosixTermios.ORdWr | os.ONoCtty);
            if (fd < 0)
            {
                throw new IOException($"cannot create a pseudo-terminal: posix_openpt failed: {Errno.Describe(Errno.Last)}");
            }

            var master = new SafeFd(fd);
            SafeFd? slave = null;
            try
            {
                Check(LibC.GrantPt(fd), "grantpt");
                Check(LibC.UnlockPt(fd), "unlockpt");
                string slavePath = SlaveName(fd);
                Check(LibC.Fcntl(fd, PosixTermios.FSetFd, PosixTermios.FdCloExec), "fcntl(F_SETFD)");
                int flags = LibC.Fcntl(fd, PosixTermios.FGetFl, 0);
                Check(flags < 0 ? -1 : 0, "fcntl(F_GETFL)");
                Check(LibC.Fcntl(fd, PosixTermios.FSetFl, flags | os.ONonBlock), "fcntl(F_SETFL)");

                int slaveFd = LibC.Open(slavePath, PosixTermios.ORdWr | os.ONoCtty | os.OCloExec);
                if (slaveFd < 0)
                {
                    throw new IOException($"cannot open pseudo-terminal slave '{slavePath}': {Errno.Describe(Errno.Last)}");
                }

                slave = new SafeFd(slaveFd);
                MakeRaw(slaveFd, slavePath, os);
                return new Pty(new FdChannel(master, $"{slavePath} (master side)"), slave, slavePath);
            }
            catch
            {
                slave?.Dispose();
                master.Dispose();
                throw;
            }
        }

        /// <summary>Discards what the board wrote that no host has read (the slave's input queue).</summary>
        public void FlushUnread()
        {
            try
            {
                using var lease = keptSlave.Acquire();
                _ = LibC.TcFlush(lease.Fd, PosixTermios.Current.TcIFlush);
            }
            catch (ObjectDisposedException)
            {
                // Unplugged or disposed meanwhile: nothing left to flush.
            }
        }

        public void Dispose()
        {
            Master.Dispose();
            keptSlave.Dispose();
        }

        private static string SlaveName(int masterFd)
        {
            if (OperatingSystem.IsMacOS())
            {
                // ptsname returns a static buffer on macOS; serialise the call and the copy.
                lock (PtsNameGate)
                {
                    byte* name = LibC.PtsName(masterFd);
                    if (name is null)
                    {
                        throw new IOException($"cannot create a pseudo-terminal: ptsname failed: {Errno.Describe(Errno.Last)}");
                    }

                    return Marshal.PtrToStringUTF8((nint)name)!;
                }
            }

            byte* buffer = stackalloc byte[256];
            int rc = LibC.PtsNameR(masterFd, buffer, 256);
            if (rc != 0)
            {
                throw new IOException($"cannot create a pseudo-terminal: ptsname_r failed: {Errno.Describe(rc)}");
            }

            var bytes = new ReadOnlySpan<byte>(buffer, 256);
            return Encoding.UTF8.GetString(bytes[..bytes.IndexOf((byte)0)]);
        }

        private static void MakeRaw(int slaveFd, string slavePath, PosixTermios os)
        {
            byte* termios = stackalloc byte[PosixTermios.BufferSize];
            var span = new Span<byte>(termios, PosixTermios.BufferSize);
            span.Clear();
            if (LibC.TcGetAttr(slaveFd, termios) != 0)
            {
                throw new IOException($"cannot put pseudo-terminal slave '{slavePath}' in raw mode: tcgetattr failed: {Errno.Describe(Errno.Last)}");
            }

            LibC.CfMakeRaw(termios);
            os.ApplyLinkSettings(span);
            if (LibC.TcSetAttr(slaveFd, PosixTermios.TcsaNow, termios) != 0)
            {
                throw new IOException($"cannot put pseudo-terminal slave '{slavePath}' in raw mode: tcsetattr failed: {Errno.Describe(Errno.Last)}");
            }
        }

        private static void Check(int rc, string call)
        {
            if (rc != 0)
            {
                throw new IOException($"cannot create a pseudo-terminal: {call} failed: {Errno.Describe(Errno.Last)}");
            }
        }
    }
}
