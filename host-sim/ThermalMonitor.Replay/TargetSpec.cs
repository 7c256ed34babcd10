namespace ThermalMonitor.Replay;

/// <summary>
/// Where the firmware runs (DESIGN.md §5): <c>sil</c> (in-process), <c>virtual</c> (a virtual board
/// behind a pseudo-terminal) or <c>serial:&lt;device&gt;[@&lt;baud&gt;]</c> (a real board).
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

        if (text == "virtual")
        {
            return new TargetSpec(TargetKind.Virtual, null, DefaultBaud);
        }

        const string serialPrefix = "serial:";
        if (!text.StartsWith(serialPrefix, StringComparison.Ordinal))
        {
            throw new FormatException($"target '{text}': expected sil, virtual or serial:<device>[@<baud>]");
        }

        string rest = text[serialPrefix.Length..];
        int at = rest.LastIndexOf('@');
        string device = at < 0 ? rest : rest[..at];
        if (device.Length == 0)
        {
            throw new FormatException($"target '{text}': the serial device is missing (e.g. serial:/dev/ttyUSB0@921600)");
        }

        int baud = DefaultBaud;
        if (at >= 0 && (!int.TryParse(rest[(at + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out baud) || baud <= 0))
        {
            throw new FormatException($"target '{text}': baud '{rest[(at + 1)..]}' is not a positive whole number");
        }

        return new TargetSpec(TargetKind.Serial, device, baud);
    }

    public override string ToString() => Kind switch
    {
        TargetKind.Sil => "sil",
        TargetKind.Virtual => "virtual",
        _ => $"serial:{Device}@{Baud}",
    };
}

public enum TargetKind
{
    Sil,
    Virtual,
    Serial,
}
