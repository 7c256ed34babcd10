using System.Runtime.InteropServices;

namespace ThermalMonitor.Serial;

/// <summary>
/// errno numbers and names. Linux numbers; where macOS differs (EAGAIN, ENOTSUP, …) the property
/// picks by OS. The macOS values come from its &lt;sys/errno.h&gt; and are untested here.
/// </summary>
internal static class Errno
{
    public const int EPERM = 1;
    public const int ENOENT = 2;
    public const int EINTR = 4;
    public const int EIO = 5;
    public const int ENXIO = 6;
    public const int EBADF = 9;
    public const int EACCES = 13;
    public const int EBUSY = 16;
    public const int EEXIST = 17;
    public const int ENODEV = 19;
    public const int ENOTDIR = 20;
    public const int EINVAL = 22;
    public const int ENOTTY = 25;
    public const int EPIPE = 32;

    // On macOS 11 is EDEADLK and 95 is unused, so these must be chosen at run time.
    public static int EAGAIN => OperatingSystem.IsMacOS() ? 35 : 11;
    public static int ENOTSUP => OperatingSystem.IsMacOS() ? 45 : 95;
    public static int EOPNOTSUPP => OperatingSystem.IsMacOS() ? 102 : 95;
    private static int ELOOP => OperatingSystem.IsMacOS() ? 62 : 40;

    /// <summary>The errno of the last failed P/Invoke on this thread.</summary>
    public static int Last => Marshal.GetLastPInvokeError();

    /// <summary>The symbolic name, e.g. <c>ENOENT</c>; <c>errno 123</c> for ones not listed.</summary>
    public static string Name(int errno) => errno switch
    {
        EPERM => "EPERM",
        ENOENT => "ENOENT",
        EINTR => "EINTR",
        EIO => "EIO",
        ENXIO => "ENXIO",
        EBADF => "EBADF",
        EACCES => "EACCES",
        EBUSY => "EBUSY",
        EEXIST => "EEXIST",
        ENODEV => "ENODEV",
        ENOTDIR => "ENOTDIR",
        EINVAL => "EINVAL",
        ENOTTY => "ENOTTY",
        EPIPE => "EPIPE",
        _ when errno == EAGAIN => "EAGAIN",
        _ when errno == ENOTSUP => "ENOTSUP",
        _ when errno == EOPNOTSUPP => "EOPNOTSUPP",
        _ when errno == ELOOP => "ELOOP",
        _ => $"errno {errno}",
    };

    /// <summary>strerror text plus the name, e.g. <c>No such file or directory (ENOENT)</c>.</summary>
    public static string Describe(int errno) => $"{Marshal.GetPInvokeErrorMessage(errno)} ({Name(errno)})";

    /// <summary>Errors from read/write/poll that mean the device is gone rather than a bug or a transient.</summary>
    public static bool MeansLinkLost(int errno) => errno is EIO or ENXIO or ENODEV or EBADF or EPIPE;

    /// <summary>Errors from a modem-line ioctl on something that has no modem lines (a pty, a plain tty).</summary>
    public static bool MeansNoModemLines(int errno) =>
        errno is ENOTTY or EINVAL || errno == ENOTSUP || errno == EOPNOTSUPP;
}
