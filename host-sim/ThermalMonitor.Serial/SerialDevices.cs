namespace ThermalMonitor.Serial;

/// <summary>Finds the device nodes a USB-connected ESP32 board is likely to be (for the <c>ports</c> command).</summary>
public static class SerialDevices
{
    private static readonly string[] LinuxPatterns = ["ttyUSB*", "ttyACM*"];

    // cu.* rather than tty.*: opening tty.* on macOS waits for carrier detect.
    private static readonly string[] MacPatterns = ["cu.usbserial*", "cu.SLAB*", "cu.wchusbserial*", "cu.usbmodem*"];

    /// <summary>
    /// Likely serial ports, in natural order (<c>/dev/ttyUSB2</c> before <c>/dev/ttyUSB10</c>):
    /// <c>/dev/ttyUSB*</c> and <c>/dev/ttyACM*</c> on Linux; <c>/dev/cu.usbserial*</c>,
    /// <c>/dev/cu.SLAB*</c>, <c>/dev/cu.wchusbserial*</c> and <c>/dev/cu.usbmodem*</c> on macOS;
    /// the COM ports Windows knows (<see cref="System.IO.Ports.SerialPort.GetPortNames"/>: COM2 before
    /// COM10); none elsewhere.
    /// </summary>
    public static IReadOnlyList<string> Candidates() => OperatingSystem.IsWindows()
        ? System.IO.Ports.SerialPort.GetPortNames().Distinct(StringComparer.OrdinalIgnoreCase).Order(NaturalOrder.Instance).ToList()
        : Candidates("/dev");

    /// <summary>The same search in another directory (tests).</summary>
    internal static IReadOnlyList<string> Candidates(string deviceDirectory)
    {
        string[] patterns = OperatingSystem.IsLinux() ? LinuxPatterns : OperatingSystem.IsMacOS() ? MacPatterns : [];
        if (patterns.Length == 0 || !Directory.Exists(deviceDirectory))
        {
            return [];
        }

        return patterns
            .SelectMany(pattern => Directory.EnumerateFileSystemEntries(deviceDirectory, pattern))
            .Distinct(StringComparer.Ordinal)
            .Order(NaturalOrder.Instance)
            .ToList();
    }

    /// <summary>Compares strings with runs of digits compared by value.</summary>
    private sealed class NaturalOrder : IComparer<string>
    {
        public static readonly NaturalOrder Instance = new();

        public int Compare(string? x, string? y)
        {
            if (x is null || y is null)
            {
                return string.CompareOrdinal(x, y);
            }

            int i = 0;
            int j = 0;
            while (i < x.Length && j < y.Length)
            {
                if (char.IsAsciiDigit(x[i]) && char.IsAsciiDigit(y[j]))
                {
                    int startX = i;
                    int startY = j;
                    while (i < x.Length && char.IsAsciiDigit(x[i]))
                    {
                        i++;
                    }

                    while (j < y.Length && char.IsAsciiDigit(y[j]))
                    {
                        j++;
                    }

                    var digitsX = x.AsSpan(startX, i - startX).TrimStart('0');
                    var digitsY = y.AsSpan(startY, j - startY).TrimStart('0');
                    int byValue = digitsX.Length != digitsY.Length
                        ? digitsX.Length.CompareTo(digitsY.Length)
                        : digitsX.SequenceCompareTo(digitsY);
                    if (byValue != 0)
                    {
                        return byValue;
                    }

                    continue;
                }

                if (x[i] != y[j])
                {
                    return x[i].CompareTo(y[j]);
                }

                i++;
                j++;
            }

            return (x.Length - i).CompareTo(y.Length - j) is var rest and not 0 ? rest : string.CompareOrdinal(x, y);
        }
    }
}
