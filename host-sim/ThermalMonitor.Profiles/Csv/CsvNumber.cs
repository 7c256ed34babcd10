using System.Globalization;

namespace ThermalMonitor.Profiles;

/// <summary>
/// Invariant-culture number text for the CSV formats: fixed decimals on output, finite numbers only on
/// input.
/// </summary>
internal static class CsvNumber
{
    private static readonly string[] FixedFormats = ["F0", "F1", "F2", "F3", "F4", "F5", "F6"];

    /// <summary>
    /// <paramref name="value"/> with <paramref name="decimals"/> fixed decimals; "-0.000" becomes "0.000"
    /// (a value that rounds to zero has no sign worth recording).
    /// </summary>
    public static string Format(double value, int decimals)
    {
        string text = value.ToString(FixedFormats[decimals], CultureInfo.InvariantCulture);
        return text[0] == '-' && text.AsSpan(1).IndexOfAnyExcept("0.") < 0 ? text[1..] : text;
    }

    /// <summary>
    /// The double the file will hold after writing <paramref name="value"/> with
    /// <paramref name="decimals"/> decimals and reading it back (parsing the formatted text is the only
    /// way to be sure; <see cref="Math.Round(double, int)"/> can differ in the last bit).
    /// </summary>
    public static double Quantise(double value, int decimals) =>
        double.Parse(Format(value, decimals), NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>Parses a finite number; false for empty text, garbage, NaN or infinities.</summary>
    public static bool TryParseFinite(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    /// <summary>Describes a cell for an error message: "an empty cell" or the quoted text.</summary>
    public static string Describe(string cell) =>
        cell.Length == 0 ? "an empty cell" : $"'{(cell.Length > 40 ? cell[..40] + "…" : cell)}'";
}
