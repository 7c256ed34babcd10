using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace ThermalMonitor.Serial;

/// <summary>
/// Everything OS-specific about termios, open(2) and ioctl(2): struct layout, flag bits, speed
/// encoding, request numbers. <see cref="Linux"/> is glibc/musl on x86, x64, ARM and ARM64 (the
/// asm-generic numbering; MIPS, PowerPC, SPARC and Alpha differ and are rejected). <see cref="MacOS"/>
/// is from the macOS SDK headers (&lt;sys/termios.h&gt;, &lt;sys/ttycom.h&gt;, &lt;sys/fcntl.h&gt;,
/// &lt;IOKit/serial/ioss.h&gt;) and has NOT been tested: no macOS machine was available.
/// </summary>
internal sealed class PosixTermios
{
    /// <summary>
    /// Opaque buffer size for struct termios: glibc's is 60 bytes, macOS's 72; 256 leaves room for
    /// anything libc might append.
    /// </summary>
    public const int BufferSize = 256;

    public const int ORdWr = 2;
    public const int TcsaNow = 0;
    public const int FGetFl = 3;
    public const int FSetFl = 4;
    public const int FSetFd = 2;
    public const int FdCloExec = 1;
    public const int TiocmDtr = 0x2;
    public const int TiocmRts = 0x4;

    private static readonly int[] LinuxBauds =
    [
        1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200, 230400, 460800, 500000, 576000, 921600,
        1000000, 1152000, 1500000, 2000000, 2500000, 3000000, 3500000, 4000000,
    ];

    /// <summary>The Bxxx constants of asm-generic termbits.h, same order as <see cref="LinuxBauds"/>.</summary>
    private static readonly uint[] LinuxSpeedCodes =
    [
        0x9, 0xB, 0xC, 0xD, 0xE, 0xF, 0x1001, 0x1002, 0x1003, 0x1004, 0x1005, 0x1006, 0x1007,
        0x1008, 0x1009, 0x100A, 0x100B, 0x100C, 0x100D, 0x100E, 0x100F,
    ];

    /// <summary>Rates every macOS driver takes through termios; faster ones need IOSSIOSPEED.</summary>
    private static readonly int[] MacTermiosBauds =
        [1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200, 230400];

    /// <summary>Linux (glibc or musl), asm-generic ioctl and termbits numbering.</summary>
    public static readonly PosixTermios Linux = new()
    {
        OsName = "Linux",
        FlagSize = 4,
        CflagOffset = 8,
        CcOffset = 17,
        VTime = 5,
        VMin = 6,
        Clocal = 0x800,
        Cread = 0x80,
        Hupcl = 0x400,
        Crtscts = 0x80000000,
        Cstopb = 0x40,
        ONoCtty = 0x100,
        ONonBlock = 0x800,
        OCloExec = 0x80000,
        TiocmBic = 0x5417,
        TcIoFlush = 2,
        TcIFlush = 0,
    };

    /// <summary>macOS (Darwin), 64-bit: tcflag_t and speed_t are unsigned long. Untested.</summary>
    public static readonly PosixTermios MacOS = new()
    {
        OsName = "macOS",
        FlagSize = 8,
        CflagOffset = 16,
        CcOffset = 32,
        VMin = 16,
        VTime = 17,
        Clocal = 0x8000,
        Cread = 0x800,
        Hupcl = 0x4000,
        Crtscts = 0x30000,
        Cstopb = 0x400,
        ONoCtty = 0x20000,
        ONonBlock = 0x4,
        OCloExec = 0x1000000,
        TiocmBic = 0x8004746B,
        TcIoFlush = 3,
        TcIFlush = 1,
    };

    private PosixTermios()
    {
    }

    public required string OsName { get; init; }

    /// <summary>sizeof(tcflag_t): 4 on Linux, 8 on macOS.</summary>
    public required int FlagSize { get; init; }

    public required int CflagOffset { get; init; }
    public required int CcOffset { get; init; }
    public required int VMin { get; init; }
    public required int VTime { get; init; }
    public required ulong Clocal { get; init; }
    public required ulong Cread { get; init; }
    public required ulong Hupcl { get; init; }
    public required ulong Crtscts { get; init; }
    public required ulong Cstopb { get; init; }
    public required int ONoCtty { get; init; }
    public required int ONonBlock { get; init; }
    public required int OCloExec { get; init; }
    public required nuint TiocmBic { get; init; }
    public required int TcIoFlush { get; init; }

    /// <summary>tcflush selector for the input queue only (TCIFLUSH).</summary>
    public required int TcIFlush { get; init; }

    /// <summary>IOSSIOSPEED = _IOW('T', 2, speed_t): macOS's way to set a rate termios does not know.</summary>
    public static nuint MacIoSsioSpeed => 0x80085402;

    public bool IsMacOS => ReferenceEquals(this, MacOS);

    /// <summary>
    /// The layout for the running OS.
    /// </summary>
    /// <exception cref="PlatformNotSupportedException">Windows, or an OS/CPU whose numbering is not known.</exception>
    public static PosixTermios Current
    {
        get
        {
            if (OperatingSystem.IsMacOS())
            {
                return MacOS;
            }

            if (OperatingSystem.IsLinux()
                && RuntimeInformation.ProcessArchitecture is Architecture.X64 or Architecture.Arm64
                    or Architecture.X86 or Architecture.Arm)
            {
                return Linux;
            }

            if (OperatingSystem.IsWindows())
            {
                throw new PlatformNotSupportedException(
                    "the termios serial transport is for Linux and macOS; on Windows use the System.IO.Ports transport "
                    + "(--serial-transport ports, the default there); see host-sim/ThermalMonitor.Serial/README.md");
            }

            throw new PlatformNotSupportedException(
                $"serial is implemented for Linux (x86, x64, ARM, ARM64) and macOS only, not {RuntimeInformation.OSDescription} "
                + $"on {RuntimeInformation.ProcessArchitecture}; see host-sim/ThermalMonitor.Serial/README.md");
        }
    }

    /// <summary>The baud rates this OS accepts (macOS: the ones termios takes; others go through IOSSIOSPEED).</summary>
    public IReadOnlyList<int> SupportedBauds => IsMacOS ? MacTermiosBauds : LinuxBauds;

    /// <summary>
    /// The speed_t value for <paramref name="baud"/>: a Bxxx code on Linux, the number itself on macOS.
    /// <paramref name="needsIoSsioSpeed"/> is set on macOS for rates termios rejects.
    /// </summary>
    /// <exception cref="ArgumentException">The OS cannot do this rate.</exception>
    public nuint SpeedFor(int baud, out bool needsIoSsioSpeed)
    {
        needsIoSsioSpeed = false;
        if (IsMacOS)
        {
            if (baud <= 0)
            {
                throw new ArgumentException($"baud {baud} is not a valid rate; it must be positive", nameof(baud));
            }

            if (Array.IndexOf(MacTermiosBauds, baud) >= 0)
            {
                return (nuint)baud;
            }

            // pyserial's approach: a placeholder rate for tcsetattr, the real one via IOSSIOSPEED.
            needsIoSsioSpeed = true;
            return 9600;
        }

        int index = Array.IndexOf(LinuxBauds, baud);
        if (index < 0)
        {
            throw new ArgumentException(
                $"baud {baud} is not supported on {OsName}; supported: {string.Join(", ", LinuxBauds)}", nameof(baud));
        }

        return LinuxSpeedCodes[index];
    }

    /// <summary>Reads c_cflag from a termios buffer.</summary>
    public ulong ReadCflag(ReadOnlySpan<byte> termios) => FlagSize == 4
        ? BinaryPrimitives.ReadUInt32LittleEndian(termios[CflagOffset..])
        : BinaryPrimitives.ReadUInt64LittleEndian(termios[CflagOffset..]);

    /// <summary>Writes c_cflag into a termios buffer.</summary>
    public void WriteCflag(Span<byte> termios, ulong value)
    {
        if (FlagSize == 4)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(termios[CflagOffset..], (uint)value);
        }
        else
        {
            BinaryPrimitives.WriteUInt64LittleEndian(termios[CflagOffset..], value);
        }
    }

    /// <summary>
    /// Turns a cfmakeraw'd buffer into 8N1, receiver on, modem-status lines ignored, no hardware
    /// flow control, no hang-up on close (which would drop DTR), and non-blocking reads.
    /// </summary>
    public void ApplyLinkSettings(Span<byte> termios)
    {
        ulong cflag = ReadCflag(termios);
        cflag |= Clocal | Cread;
        cflag &= ~(Hupcl | Crtscts | Cstopb);
        WriteCflag(termios, cflag);
        termios[CcOffset + VMin] = 0;
        termios[CcOffset + VTime] = 0;
    }
}
