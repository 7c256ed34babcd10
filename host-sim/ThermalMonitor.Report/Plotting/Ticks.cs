namespace ThermalMonitor.Report.Plotting;

/// <summary>An axis: its (possibly widened) range, tick values and their labels.</summary>
internal sealed record Axis(double Min, double Max, double Step, IReadOnlyList<double> Values, IReadOnlyList<string> Labels);

/// <summary>Round tick values: 1, 2 or 5 × 10^k for values, and clock-friendly steps for time.</summary>
internal static class Ticks
{
    /// <summary>Time steps in seconds, from 0.1 s to 100 days, each a round number in its display unit.</summary>
    private static readonly double[] TimeStepsS =
    [
        0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 20, 30,
        60, 120, 300, 600, 900, 1200, 1800,
        3600, 7200, 10800, 21600, 43200,
        86400, 2 * 86400, 5 * 86400, 7 * 86400, 10 * 86400, 20 * 86400, 50 * 86400, 100 * 86400,
    ];

    /// <summary>The smallest 1/2/5 × 10^k step that gives at most <paramref name="countMax"/> intervals over <paramref name="span"/>.</summary>
    public static double NiceStep(double span, int countMax)
    {
        if (!(span > 0) || !double.IsFinite(span))
        {
            return 1;
        }

        double raw = span / Math.Max(1, countMax);
        double magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        foreach (double m in (ReadOnlySpan<double>)[1, 2, 5, 10])
        {
            if (m * magnitude >= raw * (1 - 1e-9))
            {
                return m * magnitude;
            }
        }

        return 10 * magnitude;
    }

    /// <summary>
    /// A value axis over [<paramref name="min"/>, <paramref name="max"/>] widened outward to whole
    /// steps, with about <paramref name="countTarget"/> intervals; labels in invariant culture with
    /// just the decimals the step needs and a true minus sign.
    /// </summary>
    public static Axis ValueAxis(double min, double max, int countTarget)
    {
        if (!double.IsFinite(min) || !double.IsFinite(max))
        {
            min = 0;
            max = 1;
        }

        if (max - min < 1e-12 * Math.Max(1, Math.Abs(max)))
        {
            double half = Math.Max(Math.Abs(max) * 0.01, 0.5);
            min -= half;
            max += half;
        }

        double step = NiceStep(max - min, countTarget);
        double lo = Math.Floor((min / step) + 1e-9) * step;
        double hi = Math.Ceiling((max / step) - 1e-9) * step;
        int decimals = DecimalsFor(step);
        var values = new List<double>();
        var labels = new List<string>();
        int count = (int)Math.Round((hi - lo) / step);
        for (int k = 0; k <= count; k++)
        {
            double v = Math.Round(lo + (k * step), decimals);
            values.Add(v);
            labels.Add(Format.Number(v, decimals));
        }

        return new Axis(lo, hi, step, values, labels);
    }

    /// <summary>Digits after the point needed to print multiples of <paramref name="step"/> exactly.</summary>
    public static int DecimalsFor(double step) => Math.Max(0, (int)-Math.Floor(Math.Log10(step) + 1e-9));

    /// <summary>
    /// A time axis over [<paramref name="t0S"/>, <paramref name="t1S"/>] (not widened), ticks at
    /// round multiples measured from <paramref name="originS"/>, labelled in s, min, h or d by step
    /// size, e.g. "30 s", "−2 min", "6 h". With <paramref name="signed"/> positive labels get a '+'.
    /// </summary>
    public static Axis TimeAxis(double t0S, double t1S, double originS, int countMax, bool signed)
    {
        double span = t1S - t0S;
        double step = TimeStepsS[^1];
        foreach (double candidate in TimeStepsS)
        {
            if (span / candidate <= countMax)
            {
                step = candidate;
                break;
            }
        }

        (double unitS, string unit) = step switch
        {
            < 60 => (1.0, "s"),
            < 3600 => (60.0, "min"),
            < 86400 => (3600.0, "h"),
            _ => (86400.0, "d"),
        };
        int decimals = DecimalsFor(step / unitS);
        var values = new List<double>();
        var labels = new List<string>();
        double kFirst = Math.Ceiling(((t0S - originS) / step) - 1e-9);
        double kLast = Math.Floor(((t1S - originS) / step) + 1e-9);
        for (double k = kFirst; k <= kLast; k++)
        {
            double relativeS = k * step;
            values.Add(originS + relativeS);
            string number = Format.Number(Math.Round(relativeS / unitS, decimals), decimals);
            string sign = signed && relativeS > 0 ? "+" : string.Empty;
            labels.Add(k == 0 && signed ? "0" : $"{sign}{number} {unit}");
        }

        return new Axis(t0S, t1S, step, values, labels);
    }

    /// <summary>
    /// A logarithmic axis covering [<paramref name="min"/>, <paramref name="max"/>] (both positive):
    /// ticks at 1, 2 and 5 × 10^k over up to 2.5 decades, at powers of ten beyond, the range widened
    /// to the nearest ticks outside the data. Labels as plain numbers ("0.05", "2", "1000"), powers of
    /// ten from 10^5 on ("10⁵").
    /// </summary>
    public static Axis LogAxis(double min, double max)
    {
        if (!(min > 0) || !double.IsFinite(min) || !(max > 0) || !double.IsFinite(max))
        {
            (min, max) = (1, 10);
        }

        if (max < min)
        {
            (min, max) = (max, min);
        }

        int lowDecade = (int)Math.Floor(Math.Log10(min) + 1e-12);
        int highDecade = (int)Math.Ceiling(Math.Log10(max) - 1e-12);
        if (highDecade <= lowDecade)
        {
            highDecade = lowDecade + 1;
        }

        double[] multipliers = Math.Log10(max / min) <= 2.5 ? [1, 2, 5] : [1];
        var candidates = new List<double>();
        for (int decade = lowDecade; decade <= highDecade; decade++)
        {
            foreach (double m in multipliers)
            {
                candidates.Add(m * Math.Pow(10, decade));
            }
        }

        double lo = candidates.Last(c => c <= min * (1 + 1e-12));
        double hi = candidates.First(c => c >= max * (1 - 1e-12));
        if (hi <= lo)
        {
            hi = candidates.First(c => c > lo);
        }

        double[] values = [.. candidates.Where(c => c >= lo && c <= hi)];
        return new Axis(lo, hi, 0, values, [.. values.Select(LogLabel)]);
    }

    /// <summary>A log-axis tick label: "0.05", "20", "1000", or "10⁵" and above as a power of ten.</summary>
    public static string LogLabel(double value)
    {
        double exponent = Math.Log10(value);
        int rounded = (int)Math.Round(exponent);
        if (value >= 1e5 && Math.Abs(exponent - rounded) < 1e-9)
        {
            return "10" + string.Concat(rounded.ToString(System.Globalization.CultureInfo.InvariantCulture).Select(d => "⁰¹²³⁴⁵⁶⁷⁸⁹"[d - '0']));
        }

        int decimals = Math.Max(0, -(int)Math.Floor(exponent + 1e-9));
        return Format.Compact(value, decimals);
    }
}
