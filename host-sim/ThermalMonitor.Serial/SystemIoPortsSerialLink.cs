using System.IO.Ports;

namespace ThermalMonitor.Serial;

/// <summary>
/// A serial port opened through <see cref="SerialPort"/> (the System.IO.Ports package): raw 8N1, no
/// handshake, at the requested baud. The default transport on Windows (<c>COM3</c>, …); on Linux and
/// macOS it is the alternative to <see cref="PosixSerialPort"/> (<c>--serial-transport ports</c>).
/// </summary>
/// <remarks>
/// <para>
/// DTR and RTS end up inactive after <see cref="Open"/>, as with <see cref="PosixSerialPort"/>, but
/// the way there differs by OS (README, "DTR, RTS and HUPCL"). On Linux/macOS the port is opened
/// asking for both lines active — what the kernel has just raised, so nothing changes — and then RTS
/// is cleared before DTR: the passing state (DTR alone active) only pulls an ESP32's GPIO0 low with EN
/// high, never the reset state (RTS alone active). On Windows both are requested inactive; System.IO.Ports
/// clears DTR in its first SetCommState and RTS after it, so a driver that raised both lines at
/// CreateFile shows RTS alone active for that moment (untested: no Windows machine here).
/// </para>
/// <para>
/// Reads and writes go through the port's stream asynchronously, and the caller waits in slices of
/// <see cref="SliceMs"/>, so a Dispose from another thread is noticed within one slice. A read that
/// times out stays pending and its bytes are handed to the next <see cref="Read"/>: cancelling it
/// (as <see cref="SerialPort.ReadTimeout"/> does on Unix) could drop bytes that the read had already
/// taken from the driver.
/// </para>
/// </remarks>
public sealed class SystemIoPortsSerialLink : ISerialLink
{
    /// <summary>The longest a blocked call goes without checking for Dispose.</summary>
    public const int SliceMs = 50;

    private readonly SerialPort _port;
    private readonly Stream _stream;
    private readonly Lock _disposeGate = new();
    private readonly byte[] _readBuffer = new byte[4096];
    private readonly byte[] _writeBuffer;
    private volatile bool _disposed;
    private volatile string? _lostReason;
    private int _readStart;
    private int _readEnd;
    private Task<int>? _pendingRead;

    private SystemIoPortsSerialLink(SerialPort port, string path, int baud, bool modemLinesControlled)
    {
        _port = port;
        _stream = port.BaseStream;
        Path = path;
        Baud = baud;
        ModemLinesControlled = modemLinesControlled;

        // About SliceMs of line time per chunk, so Dispose interrupts a long write between chunks.
        _writeBuffer = new byte[Math.Clamp(baud / 10 * SliceMs / 1000, 64, 16384)];
    }

    /// <inheritdoc />
    public string Path { get; }

    /// <summary>The line rate the port was configured with (meaningless but harmless on a pty).</summary>
    public int Baud { get; }

    /// <summary>
    /// True when DTR and RTS were set inactive on open; false when the device has no modem lines (a
    /// pseudo-terminal) and System.IO.Ports' request was refused (it ignores that refusal).
    /// </summary>
    public bool ModemLinesControlled { get; }

    /// <inheritdoc />
    public bool IsOpen => !_disposed && _lostReason is null;

    /// <summary>
    /// Opens <paramref name="devicePath"/> (<c>COM3</c> on Windows; <c>/dev/ttyUSB0</c>, a pty slave or
    /// a symbolic link to one elsewhere) at <paramref name="baud"/>, 8N1, no handshake, DTR/RTS
    /// inactive, and drops bytes that were waiting in either direction.
    /// </summary>
    /// <exception cref="ArgumentException">The OS cannot do <paramref name="baud"/>.</exception>
    /// <exception cref="IOException">The device cannot be opened or configured (the message names it).</exception>
    public static SystemIoPortsSerialLink Open(string devicePath, int baud)
    {
        ArgumentException.ThrowIfNullOrEmpty(devicePath);
        CheckBaud(baud);
        SerialPort port;
        bool modemLinesControlled = true;
        if (OperatingSystem.IsWindows())
        {
            port = OpenPort(devicePath, baud, linesActive: false);
        }
        else
        {
            try
            {
                port = OpenPort(devicePath, baud, linesActive: true);
            }
            catch (IOException e) when (e.GetType() == typeof(IOException) && Errno.MeansNoModemLines(e.HResult))
            {
                // No modem lines (a pty): SerialPort refuses to set DTR active; asking for inactive
                // lines makes it ignore the refusal. Nothing to protect on such a device.
                modemLinesControlled = false;
                port = OpenPort(devicePath, baud, linesActive: false);
            }
        }

        try
        {
            if (modemLinesControlled && !OperatingSystem.IsWindows())
            {
                // RTS first: DTR-alone-active holds GPIO0 low (sampled only at reset); RTS-alone-active
                // would hold EN low and reset the board.
                port.RtsEnable = false;
                port.DtrEnable = false;
            }

            port.DiscardInBuffer();
            port.DiscardOutBuffer();
            return new SystemIoPortsSerialLink(port, devicePath, baud, modemLinesControlled);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or UnauthorizedAccessException)
        {
            port.Dispose();
            throw new IOException($"cannot configure serial device '{devicePath}': {e.Message}", e);
        }
        catch
        {
            port.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public int Read(Span<byte> buffer, int timeoutMs)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(timeoutMs, Timeout.Infinite);
        ThrowIfUnusable();
        if (buffer.IsEmpty)
        {
            return 0;
        }

        if (_readEnd > _readStart)
        {
            return TakeBuffered(buffer);
        }

        long deadline = timeoutMs == Timeout.Infinite ? long.MaxValue : Environment.TickCount64 + timeoutMs;
        bool lastLook = false;
        while (true)
        {
            ThrowIfUnusable();
            Task<int> read = _pendingRead ??= StartRead();
            if (!WaitQuietly(read, (int)Math.Clamp(deadline - Environment.TickCount64, 0, SliceMs)))
            {
                if (Environment.TickCount64 < deadline)
                {
                    continue;
                }

                // The pending read is served by a background loop; bytes already in the driver are
                // worth one more slice rather than a 0 that says "nothing came".
                if (lastLook || !BytesWaiting())
                {
                    return 0;
                }

                lastLook = true;
                deadline = Environment.TickCount64 + SliceMs;
                continue;
            }

            _pendingRead = null;
            int n;
            try
            {
                n = read.GetAwaiter().GetResult();
            }
            catch (Exception e) when (IsPortFailure(e))
            {
                throw Failed(e);
            }

            if (n > 0)
            {
                _readStart = 0;
                _readEnd = n;
                return TakeBuffered(buffer);
            }
        }
    }

    /// <inheritdoc />
    public void Write(ReadOnlySpan<byte> data)
    {
        ThrowIfUnusable();
        while (!data.IsEmpty)
        {
            int n = Math.Min(data.Length, _writeBuffer.Length);
            data[..n].CopyTo(_writeBuffer);
            Task write;
            try
            {
                write = _stream.WriteAsync(_writeBuffer, 0, n, CancellationToken.None);
            }
            catch (Exception e) when (IsPortFailure(e))
            {
                throw Failed(e);
            }

            while (!WaitQuietly(write, SliceMs))
            {
                if (_disposed)
                {
                    Observe(write);
                    throw new ObjectDisposedException(Path, $"the serial link '{Path}' was closed during a write");
                }

                ThrowIfLost();
            }

            try
            {
                write.GetAwaiter().GetResult();
            }
            catch (Exception e) when (IsPortFailure(e))
            {
                throw Failed(e);
            }

            data = data[n..];
        }
    }

    /// <summary>Closes the port; pending reads and writes end within <see cref="SliceMs"/>.</summary>
    public void Dispose()
    {
        lock (_disposeGate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        try
        {
            // The stream first: SerialPort.Dispose flushes, and on Unix its Flush spins until the
            // write queue is empty, which a blocked write (nobody reading a pty) never lets happen.
            // The stream's own Dispose stops its I/O loop, fails the pending requests and closes.
            _stream.Dispose();
            _port.Dispose();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            // Closing a port whose device is gone can fail; it is closed as far as we are concerned.
        }
    }

    private static void CheckBaud(int baud)
    {
        if (OperatingSystem.IsLinux())
        {
            // The same list and message as the termios transport; the package's native shim knows
            // the same Bxxx rates and fails on others with an ArgumentException without a message.
            PosixTermios.Current.SpeedFor(baud, out _);
        }
        else if (baud <= 0)
        {
            throw new ArgumentException($"baud {baud} is not a valid rate; it must be positive", nameof(baud));
        }
    }

    private static SerialPort OpenPort(string devicePath, int baud, bool linesActive)
    {
        var port = new SerialPort(devicePath, baud, Parity.None, 8, StopBits.One)
        {
            Handshake = Handshake.None,
            DtrEnable = linesActive,
            RtsEnable = linesActive,
            ReadTimeout = SerialPort.InfiniteTimeout,
            WriteTimeout = SerialPort.InfiniteTimeout,
        };
        try
        {
            port.Open();
            return port;
        }
        catch (UnauthorizedAccessException e) when (e.InnerException is IOException { HResult: > 0 } inner && !OperatingSystem.IsWindows())
        {
            // Unix: every failed open(2)/TIOCEXCL arrives as "Access to the port is denied" with
            // the errno in the inner exception.
            port.Dispose();
            throw PosixSerialPort.OpenFailed(devicePath, inner.HResult);
        }
        catch (UnauthorizedAccessException e)
        {
            port.Dispose();
            throw new IOException(
                $"cannot open serial device '{devicePath}': {e.Message}; is another program (a serial monitor, esptool) using it?", e);
        }
        catch (FileNotFoundException e)
        {
            port.Dispose();
            throw new IOException($"cannot open serial device '{devicePath}': {e.Message}; is the board plugged in? list ports with 'board ports'", e);
        }
        catch (ArgumentException e) when (e.ParamName is "portName" or "PortName")
        {
            port.Dispose();
            throw new IOException($"cannot open serial device '{devicePath}': {e.Message} (on Windows ports are named COM1, COM2, …; list them with 'board ports')", e);
        }
        catch (ArgumentException e) when (e.ParamName is null || e.ParamName == "baudRate")
        {
            // The native shim's "no such Bxxx rate" (no message), or Windows' "above the port's maximum".
            port.Dispose();
            throw new ArgumentException($"baud {baud} is not supported for '{devicePath}' by System.IO.Ports: {e.Message}", nameof(baud), e);
        }
        catch
        {
            port.Dispose();
            throw;
        }
    }

    private static bool WaitQuietly(Task task, int timeoutMs)
    {
        try
        {
            return task.Wait(timeoutMs);
        }
        catch (AggregateException)
        {
            return true; // Completed with an error; the caller reads it.
        }
    }

    private static void Observe(Task task) =>
        task.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    private static bool IsPortFailure(Exception e) =>
        e is IOException or ObjectDisposedException or InvalidOperationException or UnauthorizedAccessException or OperationCanceledException or TimeoutException;

    private Task<int> StartRead()
    {
        Task<int> read;
        try
        {
            read = _stream.ReadAsync(_readBuffer, 0, _readBuffer.Length, CancellationToken.None);
        }
        catch (Exception e) when (IsPortFailure(e))
        {
            throw Failed(e);
        }

        // If nobody comes back for it (Dispose), its error must not surface as unobserved.
        Observe(read);
        return read;
    }

    private int TakeBuffered(Span<byte> buffer)
    {
        int n = Math.Min(buffer.Length, _readEnd - _readStart);
        _readBuffer.AsSpan(_readStart, n).CopyTo(buffer);
        _readStart += n;
        return n;
    }

    private bool BytesWaiting()
    {
        try
        {
            return _port.BytesToRead > 0;
        }
        catch (Exception e) when (IsPortFailure(e))
        {
            return false;
        }
    }

    private void ThrowIfUnusable()
    {
        if (_disposed)
        {
            throw new ObjectDisposedException(Path, $"the serial link '{Path}' was closed");
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

    /// <summary>An error from the port: ours if we closed it, otherwise the device went away.</summary>
    private Exception Failed(Exception e)
    {
        if (_disposed)
        {
            return new ObjectDisposedException(Path, $"the serial link '{Path}' was closed");
        }

        // System.IO.Ports on Unix ends every pending request with ObjectDisposedException("The port
        // is closed.") when poll reports POLLERR/POLLNVAL (a hung-up tty), and with an IOException
        // carrying the errno when read/write fails; Windows reports driver errors as IOException.
        string reason = e is ObjectDisposedException or InvalidOperationException
            ? $"the device hung up or reported an error (System.IO.Ports: {e.Message})"
            : $"I/O failed: {e.Message}" + (e.HResult > 0 && !OperatingSystem.IsWindows() ? $" ({Errno.Name(e.HResult)})" : "");
        _lostReason ??= reason;
        return new SerialLinkLostException(Path, reason, e);
    }
}
