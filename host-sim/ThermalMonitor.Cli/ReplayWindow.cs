using System.Globalization;
using ThermalMonitor.Cli.Views;

namespace ThermalMonitor.Cli;

/// <summary>
/// <c>--window FROM..TO</c>: which stretch of a profile to replay. Each end is a profile time —
/// seconds (<c>9000</c>), with a unit (<c>150m</c>, <c>2.5h</c>, <c>30s</c>) or as h:mm:ss
/// (<c>2:30:00</c>) — or <c>start</c>, <c>end</c>, or <c>onset</c> with an offset (<c>onset-90m</c>,
/// <c>onset+30m</c>) when the profile's expectations know the leak onset.
/// </summary>
public sealed record ReplayWindow(string Text, ReplayWindow.Bound From, ReplayWindow.Bound To)
{
    public const string Syntax = "FROM..TO, each a profile time (9000, 150m, 2.5h, 2:30:00), start, end, or onset±offset (onset-90m)";

    public enum Anchor
    {
        ProfileTime,
        Start,
        End,
        Onset,
    }

    /// <summary>One end: an anchor and seconds after it (negative: before).</summary>
    public sealed record Bound(Anchor Anchor, double OffsetS);

    /// <exception cref="UserInputException">The text is not a window.</exception>
    public static ReplayWindow Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int separator = text.IndexOf("..", StringComparison.Ordinal);
        if (separator < 0)
        {
            throw new UserInputException($"--window '{text}': expected {Syntax}");
        }

        return new ReplayWindow(text, ParseBound(text, text[..separator]), ParseBound(text, text[(separator + 2)..]));
    }

    /// <summary>The window in profile seconds.</summary>
    /// <exception cref="UserInputException">It names the onset of a profile that has none, or ends before it starts.</exception>
    public (double FromS, double ToS) Resolve(double profileStartS, double profileEndS, double? onsetS)
    {
        double from = Resolve(From, profileStartS, profileEndS, onsetS);
        double to = Resolve(To, profileStartS, profileEndS, onsetS);
        if (!(to > from))
        {
            throw new UserInputException($"--window {Text}: it ends at {AlarmTableView.Clock(to)}, not after its start at {AlarmTableView.Clock(from)} (profile time)");
        }

        return (from, to);
    }

    private double Resolve(Bound bound, double startS, double endS, double? onsetS) => bound.Anchor switch
    {
        Anchor.ProfileTime => bound.OffsetS,
        Anchor.Start => startS + bound.OffsetS,
        Anchor.End => endS + bound.OffsetS,
        _ => (onsetS ?? throw new UserInputException($"--window {Text}: this profile has no known leak onset (no .expect.json with leak_onset_s); give profile times instead")) + bound.OffsetS,
    };

    private static Bound ParseBound(string whole, string text)
    {
        string trimmed = text.Trim();
        foreach ((string name, Anchor anchor) in new[] { ("onset", Anchor.Onset), ("start", Anchor.Start), ("end", Anchor.End) })
        {
            if (trimmed.StartsWith(name, StringComparison.OrdinalIgnoreCase))
            {
                string rest = trimmed[name.Length..].Trim();
                if (rest.Length == 0)
                {
                    return new Bound(anchor, 0);
                }

                double sign = rest[0] switch
                {
                    '+' => 1,
                    '-' => -1,
                    _ => throw new UserInputException($"--window '{whole}': '{trimmed}' — expected {name}+DURATION or {name}-DURATION"),
                };
                return new Bound(anchor, sign * Duration(whole, rest[1..].Trim()));
            }
        }

        return new Bound(Anchor.ProfileTime, Duration(whole, trimmed));
    }

    private static double Duration(string whole, string text) =>
        TryParseDuration(text, out double seconds)
            ? seconds
            : throw new UserInputException($"--window '{whole}': '{text}' is not a duration (expected seconds, 150m, 2.5h or h:mm:ss)");

    /// <summary>A duration as the options write it: seconds, <c>150m</c>, <c>2.5h</c>, <c>1d</c> or <c>h:mm:ss</c>.</summary>
    public static bool TryParseDuration(string text, out double seconds)
    {
        seconds = double.NaN;
        if (text.Contains(':', StringComparison.Ordinal))
        {
            string[] parts = text.Split(':');
            if (parts.Length == 3
                && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int hours)
                && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int minutes) && minutes < 60
                && double.TryParse(parts[2], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double s) && s < 60)
            {
                seconds = (hours * 3600.0) + (minutes * 60.0) + s;
                return true;
            }

            return false;
        }

        double unit = 1;
        string number = text;
        if (text.Length > 0 && char.IsAsciiLetter(text[^1]))
        {
            unit = char.ToLowerInvariant(text[^1]) switch { 's' => 1, 'm' => 60, 'h' => 3600, 'd' => 86400, _ => double.NaN };
            number = text[..^1];
        }

        if (!double.IsNaN(unit) && double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value))
        {
            seconds = value * unit;
            return true;
        }

        return false;
    }
}
