namespace ThermalMonitor.Targets;

/// <summary>
/// Where the firmware runs: <c>sil</c> (the in-process board: the firmware's link and core in this
/// process, reached over the wire protocol like any board), <c>virtual[@&lt;baud&gt;]</c> (a virtual
/// board behind a pseudo-terminal, unpaced or paced at the baud) or
/// <c>serial:&lt;device&gt;[@&lt;baud&gt;]</c> (a real board).
/// </summary>
public sealed record TargetSpec(TargetKind Kind, string? Device, int Baud)
{
    public const int DefaultBaud = 921600;

    public static TargetSpec Sil { get; } = new(TargetKind.Sil, null, 0);

    /// <summary>Parses a target string; throws <see cref="FormatException"/> saying what was expected.</summary>
    public static TargetSpec Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text == "sil")
        {
            return Sil;
        }

        if (text == "virtual" || text.StartsWith("virtual@", StringComparison.Ordinal))
        {
            // A virtual board is unpaced unless a baud is given, which it then emulates both ways.
            int virtualBaud = text == "virtual" ? 0 : ParseBaud(text, text["virtual@".Length..]);
            return new TargetSpec(TargetKind.Virtual, null, virtualBaud);
        }

        const string serialPrefix = "serial:";
        if (!text.StartsWith(serialPrefix, StringComparison.Ordinal))
        {
            throw new FormatException($"target '{text}': expected sil, virtual[@<baud>] or serial:<device>[@<baud>]");
        }

        string rest = text[serialPrefix.Length..];
        int at = rest.LastIndexOf('@');
        string device = at < 0 ? rest : rest[..at];
        if (device.Length == 0)
        {
            throw new FormatException($"target '{text}': the serial device is missing (e.g. serial:/dev/ttyUSB0@921600)");
        }

        int baud = at >= 0 ? ParseBaud(text, rest[(at + 1)..]) : DefaultBaud;
        return new TargetSpec(TargetKind.Serial, device, baud);
    }

    private static int ParseBaud(string text, string baudText)
    {
        if (!int.TryParse(baudText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int baud) || baud <= 0)
        {
            throw new FormatException($"target '{text}': baud '{baudText}' is not a positive whole number");
        }

        return baud;
    }

    public override string ToString() => Kind switch
    {
        TargetKind.Sil => "sil",
        TargetKind.Virtual => Baud > 0 ? $"virtual@{Baud}" : "virtual",
        _ => $"serial:{Device}@{Baud}",
    };
}

public enum TargetKind
{
    Sil,
    Virtual,
    Serial,
}
