using System.Runtime.InteropServices;

namespace ThermalMonitor.Serial;

/// <summary>
/// The libc calls this library needs. All set errno (read it with <see cref="Errno.Last"/>). File
/// descriptors are plain ints here: callers hold a <see cref="SafeFd.Lease"/> while using one, so
/// another thread's Dispose cannot close (and the kernel reuse) the number mid-call.
/// </summary>
internal static unsafe partial class LibC
{
    // "libc" resolves to libc.so.6 on glibc and to /usr/lib/libc.dylib on macOS.
    private const string Lib = "libc";

    public const short PollIn = 0x1;
    public const short PollOut = 0x4;
    public const short PollErr = 0x8;
    public const short PollHup = 0x10;
    public const short PollNval = 0x20;

    /// <summary>struct pollfd: the same 8-byte layout on Linux and macOS.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    [LibraryImport(Lib, EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial int Open(string path, int flags);

    [LibraryImport(Lib, EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);

    [LibraryImport(Lib, EntryPoint = "read", SetLastError = true)]
    public static partial nint Read(int fd, byte* buffer, nuint count);

    [LibraryImport(Lib, EntryPoint = "write", SetLastError = true)]
    public static partial nint Write(int fd, byte* buffer, nuint count);

    // nfds_t is unsigned long on Linux and unsigned int on macOS; a register-passed nuint fits both.
    [LibraryImport(Lib, EntryPoint = "poll", SetLastError = true)]
    public static partial int Poll(PollFd* fds, nuint count, int timeoutMs);

    [LibraryImport(Lib, EntryPoint = "tcgetattr", SetLastError = true)]
    public static partial int TcGetAttr(int fd, byte* termios);

    /// <summary>tcgetattr into a managed buffer of at least <see cref="PosixTermios.BufferSize"/> bytes.</summary>
    public static int TcGetAttr(int fd, Span<byte> termios)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(termios.Length, PosixTermios.BufferSize, nameof(termios));
        fixed (byte* p = termios)
        {
            return TcGetAttr(fd, p);
        }
    }

    [LibraryImport(Lib, EntryPoint = "tcsetattr", SetLastError = true)]
    public static partial int TcSetAttr(int fd, int optionalActions, byte* termios);

    /// <summary>tcsetattr from a managed buffer of at least <see cref="PosixTermios.BufferSize"/> bytes.</summary>
    public static int TcSetAttr(int fd, int optionalActions, ReadOnlySpan<byte> termios)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(termios.Length, PosixTermios.BufferSize, nameof(termios));
        fixed (byte* p = termios)
        {
            return TcSetAttr(fd, optionalActions, p);
        }
    }

    [LibraryImport(Lib, EntryPoint = "cfmakeraw")]
    public static partial void CfMakeRaw(byte* termios);

    // speed_t is unsigned int on Linux and unsigned long on macOS; nuint fits both in a register.
    [LibraryImport(Lib, EntryPoint = "cfsetispeed", SetLastError = true)]
    public static partial int CfSetISpeed(byte* termios, nuint speed);

    [LibraryImport(Lib, EntryPoint = "cfsetospeed", SetLastError = true)]
    public static partial int CfSetOSpeed(byte* termios, nuint speed);

    [LibraryImport(Lib, EntryPoint = "tcflush", SetLastError = true)]
    public static partial int TcFlush(int fd, int queueSelector);

    [LibraryImport(Lib, EntryPoint = "posix_openpt", SetLastError = true)]
    public static partial int PosixOpenPt(int flags);

    [LibraryImport(Lib, EntryPoint = "grantpt", SetLastError = true)]
    public static partial int GrantPt(int fd);

    [LibraryImport(Lib, EntryPoint = "unlockpt", SetLastError = true)]
    public static partial int UnlockPt(int fd);

    /// <summary>Linux only. Returns 0 or an errno value.</summary>
    [LibraryImport(Lib, EntryPoint = "ptsname_r", SetLastError = true)]
    public static partial int PtsNameR(int fd, byte* buffer, nuint length);

    /// <summary>Returns a static buffer: callers must serialise (macOS path).</summary>
    [LibraryImport(Lib, EntryPoint = "ptsname", SetLastError = true)]
    public static partial byte* PtsName(int fd);

    /// <summary>ioctl(fd, request, arg) with a pointer argument.</summary>
    public static int Ioctl(int fd, nuint request, void* arg) => IsAppleArm64
        ? IoctlApple(fd, request, 0, 0, 0, 0, 0, 0, arg)
        : IoctlFixed(fd, request, arg);

    /// <summary>fcntl(fd, command, arg) with an integer argument (ignored by F_GETFL).</summary>
    public static int Fcntl(int fd, int command, nint arg) => IsAppleArm64
        ? FcntlApple(fd, command, 0, 0, 0, 0, 0, 0, arg)
        : FcntlFixed(fd, command, arg);

    /// <summary>
    /// ioctl and fcntl are variadic. On Apple ARM64 a variadic argument travels on the stack while a
    /// P/Invoke passes every argument as if named (registers x0–x7 first), so there the call pads
    /// the six remaining registers to push the real argument onto the stack where the callee looks.
    /// Elsewhere (x64 SysV, Linux ARM64) variadic and named arguments travel alike. Untested on macOS.
    /// </summary>
    private static bool IsAppleArm64 =>
        OperatingSystem.IsMacOS() && RuntimeInformation.ProcessArchitecture == Architecture.Arm64;

    [LibraryImport(Lib, EntryPoint = "ioctl", SetLastError = true)]
    private static partial int IoctlFixed(int fd, nuint request, void* arg);

    [LibraryImport(Lib, EntryPoint = "ioctl", SetLastError = true)]
    private static partial int IoctlApple(
        int fd, nuint request, nint pad2, nint pad3, nint pad4, nint pad5, nint pad6, nint pad7, void* arg);

    [LibraryImport(Lib, EntryPoint = "fcntl", SetLastError = true)]
    private static partial int FcntlFixed(int fd, int command, nint arg);

    [LibraryImport(Lib, EntryPoint = "fcntl", SetLastError = true)]
    private static partial int FcntlApple(
        int fd, int command, nint pad2, nint pad3, nint pad4, nint pad5, nint pad6, nint pad7, nint arg);
}
