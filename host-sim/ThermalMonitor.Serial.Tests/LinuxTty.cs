using System.Buffers.Binary;

namespace ThermalMonitor.Serial.Tests;

/// <summary>
/// Reads and writes a tty's termios from the test side with glibc's layout (Linux only), so tests
/// can put a pty in the state a fresh USB adapter is in and check what <see cref="PosixSerialPort"/>
/// changed.
/// </summary>
internal static class LinuxTty
{
    public const uint Icrnl = 0x100, Ixon = 0x400;
    public const uint Opost = 0x1, Onlcr = 0x4;
    public const uint Isig = 0x1, Icanon = 0x2, Echo = 0x8;
    public const uint Csize = 0x30, Cs8 = 0x30, Cs7 = 0x20, Cstopb = 0x40, Cread = 0x80, Parenb = 0x100;
    public const uint Hupcl = 0x400, Clocal = 0x800, Cbaud = 0x100F, Crtscts = 0x80000000;
    public const int VTimeIndex = 17 + 5, VMinIndex = 17 + 6;

    public static byte[] Get(string devicePath)
    {
        int fd = Open(devicePath);
        using var handle = new SafeFd(fd);
        var termios = new byte[PosixTermios.BufferSize];
        Assert.Equal(0, LibC.TcGetAttr(fd, termios.AsSpan()));
        return termios;
    }

    /// <summary>
    /// Cooked line discipline with echo, CR/LF translation, signals and XON/XOFF, plus everything a
    /// serial port must not keep: 7 data bits, parity, 2 stop bits, hang-up on close, RTS/CTS.
    /// </summary>
    public static void MakeCookedAndHostile(string devicePath)
    {
        int fd = Open(devicePath);
        using var handle = new SafeFd(fd);
        var termios = new byte[PosixTermios.BufferSize];
        Assert.Equal(0, LibC.TcGetAttr(fd, termios.AsSpan()));
        Or(termios, 0, Icrnl | Ixon);
        Or(termios, 4, Opost | Onlcr);
        Or(termios, 12, Isig | Icanon | Echo);
        uint cflag = BinaryPrimitives.ReadUInt32LittleEndian(termios.AsSpan(8));
        cflag = (cflag & ~(Csize | Clocal)) | Cs7 | Parenb | Cstopb | Hupcl | Crtscts;
        BinaryPrimitives.WriteUInt32LittleEndian(termios.AsSpan(8), cflag);
        termios[VMinIndex] = 1;
        Assert.Equal(0, LibC.TcSetAttr(fd, PosixTermios.TcsaNow, termios));
    }

    public static uint Flag(byte[] termios, int offset) => BinaryPrimitives.ReadUInt32LittleEndian(termios.AsSpan(offset));

    private static void Or(byte[] termios, int offset, uint bits) =>
        BinaryPrimitives.WriteUInt32LittleEndian(termios.AsSpan(offset), Flag(termios, offset) | bits);

    private static int Open(string devicePath)
    {
        int fd = LibC.Open(devicePath, PosixTermios.ORdWr | PosixTermios.Linux.ONoCtty);
        Assert.True(fd >= 0, $"cannot open {devicePath}");
        return fd;
    }
}
