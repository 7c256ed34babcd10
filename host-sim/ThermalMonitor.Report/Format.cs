using System.Globalization;
using System.Text;

namespace ThermalMonitor.Report;

/// <summary>Text formatting for the reports: invariant culture, true minus signs, "—" for no value.</summary>
internal static class Format
{
    /// <summary>Shown for a missing value.</summary>
    public const string None = "—";

    private const char Minus = '\u2212';

    /// <summary>A number with fixed decimals, e.g. "250", "−0.5"; never "−0".</summary>
    public static string Number(double value, int decimals)
    {
        if (double.IsNaN(value))
        {
            return None;
        }

        string text = value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        if (text[0] == '-')
        {
            bool allZero = text.AsSpan(1).IndexOfAnyExcept("0.") < 0;
            text = allZero ? text[1..] : Minus + text[1..];
        }

        return text;
    }

    /// <summary>A number with up to <paramref name="decimalsMax"/> decimals, trailing zeros dropped ("10", "0.25").</summary>
    public static string Compact(double value, int decimalsMax)
    {
        string text = Number(value, decimalsMax);
        if (text.Contains('.', StringComparison.Ordinal))
        {
            text = text.TrimEnd('0').TrimEnd('.');
        }

        return text == Minus + "0" ? "0" : text;
    }

    /// <summary>An SVG coordinate: ASCII, one decimal at most, e.g. "12.5", "-3".</summary>
    public static string Coord(double value) =>
        Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>A profile time as a clock reading "h:mm:ss.f", e.g. 7206.4 → "2:00:06.4".</summary>
    public static string Clock(double seconds)
    {
        string sign = seconds < 0 ? Minus.ToString() : string.Empty;
        long tenths = (long)Math.Round(Math.Abs(seconds) * 10);
        long h = tenths / 36000;
        long m = tenths / 600 % 60;
        long s = tenths / 10 % 60;
        long f = tenths % 10;
        return string.Create(CultureInfo.InvariantCulture, $"{sign}{h}:{m:00}:{s:00}.{f}");
    }

    /// <summary>A duration: "4.2 s", "2 min 13.8 s", "3 h 05 min", "2 d 04 h".</summary>
    public static string Duration(double seconds)
    {
        double a = Math.Abs(seconds);
        string sign = seconds < 0 ? Minus.ToString() : string.Empty;
        if (Math.Round(a, 1) < 60)
        {
            return sign + Number(a, 1) + " s";
        }

        long tenths = (long)Math.Round(a * 10);
        if (tenths < 36000)
        {
            return tenths % 600 == 0
                ? string.Create(CultureInfo.InvariantCulture, $"{sign}{tenths / 600} min")
                : string.Create(CultureInfo.InvariantCulture, $"{sign}{tenths / 600} min {Number(tenths % 600 / 10.0, 1)} s");
        }

        long minutes = (long)Math.Round(a / 60);
        if (minutes < 24 * 60)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{sign}{minutes / 60} h {minutes % 60:00} min");
        }

        long hours = (long)Math.Round(a / 3600);
        return string.Create(CultureInfo.InvariantCulture, $"{sign}{hours / 24} d {hours % 24:00} h");
    }

    /// <summary>A time relative to a reference event: "+4.2 s after onset", "−3.0 s before onset".</summary>
    public static string Relative(double deltaS, string reference)
    {
        if (Math.Round(deltaS, 1) == 0)
        {
            return "at " + reference;
        }

        return deltaS > 0
            ? "+" + Duration(deltaS) + " after " + reference
            : Duration(deltaS) + " before " + reference;
    }

    /// <summary>A duration as <see cref="Duration"/> writes it ("6 h 41 min", "6.4 s"), or "—".</summary>
    public static string DurationOrNone(double? seconds) =>
        seconds is double s && double.IsFinite(s) ? Duration(s) : None;

    /// <summary>A ratio: two significant figures below 10, whole above ("5.3", "11"), or "—".</summary>
    public static string RatioOrNone(double? ratio) =>
        ratio is double r && double.IsFinite(r) ? Number(r, Math.Abs(r) < 10 ? 1 : 0) : None;

    /// <summary>A rate per day: "0", "0.03", "12.5".</summary>
    public static string PerDay(double perDay) =>
        !double.IsFinite(perDay) ? None : perDay == 0 ? "0" : Compact(perDay, Math.Abs(perDay) < 10 ? 2 : 1);

    /// <summary>An integer with thin-space thousands groups: 216 000.</summary>
    public static string Count(long count)
    {
        string digits = Math.Abs(count).ToString(CultureInfo.InvariantCulture);
        var sb = new StringBuilder(digits.Length + 8);
        if (count < 0)
        {
            sb.Append(Minus);
        }

        for (int i = 0; i < digits.Length; i++)
        {
            if (i > 0 && (digits.Length - i) % 3 == 0)
            {
                sb.Append('\u2009');
            }

            sb.Append(digits[i]);
        }

        return sb.ToString();
    }
}
