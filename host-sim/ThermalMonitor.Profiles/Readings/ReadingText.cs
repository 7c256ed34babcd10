using System.Globalization;

namespace ThermalMonitor.Profiles;

/// <summary>
/// The text of a pressure or temperature cell in Profile CSV v1 and foreign CSVs: a number, an
/// infinity or a missing reading. Spellings, case-insensitive, surrounding spaces ignored: an empty
/// cell, <c>nan</c>, <c>+nan</c>, <c>-nan</c> (C's printf writes "-nan") are missing (NaN);
/// <c>inf</c>, <c>+inf</c>, <c>infinity</c>, <c>+infinity</c> are +∞ and <c>-inf</c>, <c>-infinity</c>
/// −∞ (what loggers write for an over- or under-range reading); a number too large for a double is
/// ±∞ as well. Anything else is not a reading and stays a format error.
/// </summary>
internal static class ReadingText
{
    /// <summary>What a reading cell may hold, for error messages.</summary>
    public const string Expected = "a reading (a number, inf, -inf, or NaN or an empty cell when missing)";

    /// <summary>Parses a reading cell; false when it is none of the accepted spellings.</summary>
    public static bool TryParse(string cell, out double value)
    {
        string text = cell.Trim();
        switch (text.ToLowerInvariant())
        {
            case "":
            case "nan":
            case "+nan":
            case "-nan":
                value = double.NaN;
                return true;
            case "inf":
            case "+inf":
            case "infinity":
            case "+infinity":
                value = double.PositiveInfinity;
                return true;
            case "-inf":
            case "-infinity":
                value = double.NegativeInfinity;
                return true;
            default:
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
        }
    }

    /// <summary>
    /// The cell text the Profile CSV writer uses: an empty cell for a missing reading, <c>inf</c> and
    /// <c>-inf</c> for the infinities, else the number with <paramref name="decimals"/> fixed decimals.
    /// </summary>
    public static string Format(double value, int decimals) =>
        double.IsNaN(value) ? string.Empty
        : double.IsPositiveInfinity(value) ? "inf"
        : double.IsNegativeInfinity(value) ? "-inf"
        : CsvNumber.Format(value, decimals);
}
