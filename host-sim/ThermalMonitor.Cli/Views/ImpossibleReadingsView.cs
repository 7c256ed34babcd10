using ThermalMonitor.Profiles;

namespace ThermalMonitor.Cli.Views;

/// <summary>The one summary line of a replay's impossible readings, per channel and kind.</summary>
public static class ImpossibleReadingsView
{
    /// <summary>
    /// E.g. "impossible readings in bench.csv, fed to the firmware as reading errors: pressure 12 below
    /// vacuum, 7 missing; temp 3 missing"; null when there are none.
    /// </summary>
    public static string? Line(ImpossibleReadings readings, string file) =>
        Counts(readings) is { } counts ? $"impossible readings in {file}, fed to the firmware as reading errors: {counts}" : null;

    /// <summary>E.g. "pressure 12 below vacuum, 7 missing; temp 3 missing"; null when there are none.</summary>
    public static string? Counts(ImpossibleReadings readings)
    {
        ArgumentNullException.ThrowIfNull(readings);
        if (readings.Total == 0)
        {
            return null;
        }

        var channels = new List<string>();
        if (Kinds(readings.Pressure, "below vacuum") is { } pressure)
        {
            channels.Add("pressure " + pressure);
        }

        if (Kinds(readings.Temperature, "at or below absolute zero") is { } temperature)
        {
            channels.Add("temp " + temperature);
        }

        return string.Join("; ", channels);
    }

    private static string? Kinds(ChannelReadingCounts counts, string belowName)
    {
        var kinds = new List<string>();
        if (counts.BelowPhysicalMinimum > 0)
        {
            kinds.Add($"{counts.BelowPhysicalMinimum} {belowName}");
        }

        if (counts.BeyondRange > 0)
        {
            kinds.Add($"{counts.BeyondRange} beyond range");
        }

        if (counts.Missing > 0)
        {
            kinds.Add($"{counts.Missing} missing");
        }

        return kinds.Count == 0 ? null : string.Join(", ", kinds);
    }
}
