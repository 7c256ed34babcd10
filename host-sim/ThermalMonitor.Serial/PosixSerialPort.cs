namespace ThermalMonitor.Serial;

/// <summary>
/// A serial port (USB-serial adapter, native UART, or a pseudo-terminal slave) opened through
/// termios: raw 8N1, no flow control, non-blocking. Opening clears DTR and RTS at once and clears
/// HUPCL, because an ESP32 dev board's auto-reset circuit resets the chip when those lines change.
/// Linux is tested; the macOS code paths are written from its headers but untested.
/// </summary>
public sealed unsafe class PosixSerialPort : ISerialLink
{
    private readonly FdChannel _channel;

    private PosixSerialPort(FdChannel channel, int baud, bool modemLinesControlled)
    {
        _channel = channel;
        Baud = baud;
        ModemLinesControlled = modemLinesControlled;
    }

    /// <inheritdoc />
    public string Path => _channel.Path;

    /// <summary>The line rate the port was configured with (meaningless but harmless on a pty).</summary>
    public int Baud { get; }

    /// <summary>
    /// True when DTR and RTS were cleared on open; false when the device has no modem lines (a
    /// pseudo-terminal) and the request was refused.
    /// </summary>
    public bool ModemLinesControlled { get; }

    /// <inheritdoc />
    public bool IsOpen => _channel.IsOpen;

    /// <summary>
    /// Opens <paramref name="devicePath"/> (e.g. <c>/dev/ttyUSB0</c>, <c>/dev/cu.usbserial-0001</c>, a
    /// pty slave or a symbolic link to one) at <paramref name="baud"/>, 8N1, raw, and drops bytes
    /// that were waiting in either direction.
    /// </summary>
    /// <exception cref="ArgumentException">The OS cannot do <paramref name="baud"/> (the message lists the rates it can).</exception>
    /// <exception cref="IOException">The device cannot be opened or configured (the message names it and the errno).</exception>
    /// <exception cref="PlatformNotSupportedException">Windows (see README: WSL2 + usbipd-win).</exception>
    public static PosixSerialPort Open(string devicePath, int baud)
    {
        ArgumentException.ThrowIfNullOrEmpty(devicePath);
        var os = PosixTermios.Current;
        nuint speed = os.SpeedFor(baud, out bool needsIoSsioSpeed);

        int fd;
        do
        {
            fd = LibC.Open(devicePath, PosixTermios.ORdWr | os.ONoCtty | os.ONonBlock | os.OCloExec);
        }
        while (fd < 0 && Errno.Last == Errno.EINTR);

        if (fd < 0)
        {
            throw OpenFailed(devicePath, Errno.Last);
        }

        var handle = new SafeFd(fd);
        try
        {
            // First thing after open: the kernel has just raised DTR and RTS together (which the
            // ESP32 auto-reset circuit ignores); lower them together before anything else happens.
            bool modemLinesControlled = ClearDtrAndRts(fd, devicePath, os);
            Configure(fd, devicePath, os, speed, needsIoSsioSpeed ? baud : 0);
            return new PosixSerialPort(new FdChannel(handle, devicePath), baud, modemLinesControlled);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public int Read(Span<byte> buffer, int timeoutMs) => _channel.Read(buffer, timeoutMs);

    /// <inheritdoc />
    public void Write(ReadOnlySpan<byte> data)
    {
        if (_channel.Write(data) < data.Length)
        {
            throw new ObjectDisposedException(Path, $"the serial link '{Path}' was closed during a write");
        }
    }

    /// <summary>Closes the port. DTR/RTS stay as they are (HUPCL is off).</summary>
    public void Dispose() => _channel.Dispose();

    internal static IOException OpenFailed(string devicePath, int errno)
    {
        string message = $"cannot open serial device '{devicePath}': {Errno.Describe(errno)}";
        message += errno switch
        {
            Errno.EACCES or Errno.EPERM =>
                "; add your user to the 'dialout' group (Linux) or check the device permissions",
            Errno.EBUSY => "; is another program (a serial monitor, esptool, ModemManager) using it?",
            Errno.ENOENT => "; is the board plugged in? list candidates with 'thermal-sim board ports'",
            Errno.ENOTTY => "; is it a terminal device?",
            _ => "",
        };
        return new IOException(message);
    }

    private static bool ClearDtrAndRts(int fd, string devicePath, PosixTermios os)
    {
        int lines = PosixTermios.TiocmDtr | PosixTermios.TiocmRts;
        while (true)
        {
            if (LibC.Ioctl(fd, os.TiocmBic, &lines) == 0)
            {
                return true;
            }

            int errno = Errno.Last;
            if (errno == Errno.EINTR)
            {
                continue;
            }

            if (Errno.MeansNoModemLines(errno))
            {
                return false;
            }

            throw new IOException($"cannot clear DTR/RTS on serial device '{devicePath}': {Errno.Describe(errno)}");
        }
    }

    private static void Configure(int fd, string devicePath, PosixTermios os, nuint speed, int ioSsioSpeedBaud)
    {
        byte* termios = stackalloc byte[PosixTermios.BufferSize];
        var span = new Span<byte>(termios, PosixTermios.BufferSize);
        span.Clear();
        Check(LibC.TcGetAttr(fd, termios), "tcgetattr", "is it a terminal device?");
        LibC.CfMakeRaw(termios);
        os.ApplyLinkSettings(span);
        Check(LibC.CfSetISpeed(termios, speed), "cfsetispeed", null);
        Check(LibC.CfSetOSpeed(termios, speed), "cfsetospeed", null);
        int rc;
        do
        {
            rc = LibC.TcSetAttr(fd, PosixTermios.TcsaNow, termios);
        }
        while (rc != 0 && Errno.Last == Errno.EINTR);

        Check(rc, "tcsetattr", null);
        if (ioSsioSpeedBaud > 0)
        {
            nuint realSpeed = (nuint)ioSsioSpeedBaud;
            Check(LibC.Ioctl(fd, PosixTermios.MacIoSsioSpeed, &realSpeed), $"IOSSIOSPEED {ioSsioSpeedBaud}", null);
        }

        Check(LibC.TcFlush(fd, os.TcIoFlush), "tcflush", null);

        void Check(int result, string call, string? hint)
        {
            if (result != 0)
            {
                int errno = Errno.Last;
                throw new IOException(
                    $"cannot configure serial device '{devicePath}': {call} failed: {Errno.Describe(errno)}"
                    + (hint is null ? "" : "; " + hint));
            }
        }
    }
}
