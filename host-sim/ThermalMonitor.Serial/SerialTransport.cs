namespace ThermalMonitor.Serial;

/// <summary>How a serial device is opened.</summary>
public enum SerialTransport
{
    /// <summary><see cref="PosixSerialPort"/>: hand-written termios over libc (Linux, macOS); the default there.</summary>
    Termios,

    /// <summary><see cref="SystemIoPortsSerialLink"/>: the System.IO.Ports package; the default on Windows, the only one there.</summary>
    Ports,
}

/// <summary>Choosing a <see cref="SerialTransport"/>: names, the platform default, the environment variable, opening.</summary>
public static class SerialTransports
{
    /// <summary>The environment variable that picks the transport when no option does (the HIL suite, scripts).</summary>
    public const string EnvironmentVariable = "THERMAL_SERIAL_TRANSPORT";

    /// <summary>System.IO.Ports on Windows, termios elsewhere.</summary>
    public static SerialTransport Default => OperatingSystem.IsWindows() ? SerialTransport.Ports : SerialTransport.Termios;

    /// <summary>The names this platform accepts: <c>termios</c> and <c>ports</c>; only <c>ports</c> on Windows.</summary>
    public static IReadOnlyList<string> Names => OperatingSystem.IsWindows() ? ["ports"] : ["termios", "ports"];

    /// <summary>The name used on the command line and in <see cref="EnvironmentVariable"/>.</summary>
    public static string Name(SerialTransport transport) => transport switch
    {
        SerialTransport.Termios => "termios",
        SerialTransport.Ports => "ports",
        _ => throw new ArgumentOutOfRangeException(nameof(transport), transport, null),
    };

    /// <summary>
    /// Parses a transport name (case-insensitive); <paramref name="source"/> (e.g. <c>--serial-transport</c>)
    /// starts the error message.
    /// </summary>
    /// <exception cref="FormatException">Not a name this platform accepts; the message is one line naming the accepted ones.</exception>
    public static SerialTransport Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        SerialTransport? transport = text.Trim().ToLowerInvariant() switch
        {
            "termios" => SerialTransport.Termios,
            "ports" => SerialTransport.Ports,
            _ => null,
        };
        if (transport is null)
        {
            throw new FormatException($"{source} '{text}': expected {string.Join(" or ", Names)}");
        }

        if (transport == SerialTransport.Termios && OperatingSystem.IsWindows())
        {
            throw new FormatException($"{source} '{text}': the termios transport is for Linux and macOS only; on Windows use ports");
        }

        return transport.Value;
    }

    /// <summary>
    /// <paramref name="requested"/> if given, else <see cref="EnvironmentVariable"/> if set, else <see cref="Default"/>.
    /// </summary>
    /// <exception cref="FormatException">The option or the variable names no transport of this platform.</exception>
    public static SerialTransport Resolve(string? requested, string optionName)
    {
        if (!string.IsNullOrWhiteSpace(requested))
        {
            return Parse(requested, optionName);
        }

        string? fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        return string.IsNullOrWhiteSpace(fromEnvironment) ? Default : Parse(fromEnvironment, EnvironmentVariable);
    }

    /// <summary>Opens <paramref name="devicePath"/> at <paramref name="baud"/> with <paramref name="transport"/>.</summary>
    /// <exception cref="ArgumentException">The OS cannot do <paramref name="baud"/>.</exception>
    /// <exception cref="IOException">The device cannot be opened or configured.</exception>
    /// <exception cref="PlatformNotSupportedException">termios on Windows.</exception>
    public static ISerialLink Open(SerialTransport transport, string devicePath, int baud) => transport switch
    {
        SerialTransport.Termios => PosixSerialPort.Open(devicePath, baud),
        SerialTransport.Ports => SystemIoPortsSerialLink.Open(devicePath, baud),
        _ => throw new ArgumentOutOfRangeException(nameof(transport), transport, null),
    };
}
