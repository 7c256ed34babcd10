using System.Globalization;

namespace ThermalMonitor.Profiles;

/// <summary>
/// The time column of a foreign CSV: plain seconds, or date-times in ISO 8601 or
/// <c>yyyy-MM-dd HH:mm:ss</c> (fractions and a zone optional; no zone means UTC).
/// </summary>
internal static class ForeignTime
{
    private static readonly string[] DateTimeFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd HH:mmK",
    ];

    /// <summary>Parses a date-time cell; zone-less times are taken as UTC.</summary>
    public static bool TryParseDateTime(string cell, out DateTimeOffset value) =>
        DateTimeOffset.TryParseExact(
            cell, DateTimeFormats, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out value);

    /// <summary>ISO 8601 UTC text with only as many fraction digits as needed: 2022-12-15T00:45:00Z.</summary>
    public static string FormatUtc(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
}
