using System.Globalization;
using ThermalMonitor.Sim;

namespace ThermalMonitor.Profiles;

/// <summary>
/// Profiles from data-logger rows (<see cref="LoggerRow"/>, e.g. a <see cref="DataLogger"/>'s or a
/// world case's, <see cref="WorldCase.Rows"/>): one profile row per logger row, the values as the
/// logger wrote them (noise, drift, glitches and quantization inside), no cabin temperature, no fault
/// columns. The replay (<see cref="ProfileReplaySource"/>) then interpolates them to the firmware's
/// period and adds the board's ADC noise, as it does for any imported recording.
/// </summary>
public static class LoggerProfile
{
    /// <summary>The <c>generator</c> metadata of these profiles.</summary>
    public const string GeneratorId = "ThermalMonitor.Profiles.LoggerProfile (ThermalMonitor.Sim data-logger rows)";

    /// <summary>
    /// The profile <paramref name="name"/> of <paramref name="rows"/>, written every <paramref name="periodMs"/>,
    /// replayed by default with ADC noise seed <paramref name="sensorSeed"/>; <paramref name="description"/>
    /// goes into its metadata.
    /// </summary>
    /// <exception cref="ArgumentException">No rows, a non-finite value, or times not strictly increasing.</exception>
    public static Profile Create(string name, IReadOnlyList<LoggerRow> rows, int periodMs, ulong sensorSeed, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var profileRows = new ProfileRow[rows.Count];
        for (int i = 0; i < rows.Count; i++)
        {
            LoggerRow row = rows[i];
            profileRows[i] = new ProfileRow(row.TimeS, row.PressureKpa, row.TempC);
        }

        var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [Profile.FormatKey] = Profile.FormatId,
            [Profile.NameKey] = name,
            [Profile.SensorSeedKey] = sensorSeed.ToString(CultureInfo.InvariantCulture),
            [Profile.PeriodMsKey] = periodMs.ToString(CultureInfo.InvariantCulture),
            ["generator"] = GeneratorId,
            ["row_spacing"] = string.Create(CultureInfo.InvariantCulture, $"every {periodMs} ms (the logger's period); replay interpolates linearly"),
        };
        if (description is not null)
        {
            metadata["description"] = description;
        }

        return new Profile(name, metadata, profileRows);
    }

    /// <summary>The profile of a world case's recording (<see cref="WorldCase.Rows"/>), named after its scenario.</summary>
    public static Profile FromWorldCase(WorldCase worldCase)
    {
        ArgumentNullException.ThrowIfNull(worldCase);
        List<LoggerRow> rows = [.. worldCase.Rows()];
        return Create(
            worldCase.Scenario.Name, rows, worldCase.Logger.PeriodMs, worldCase.SensorSeed, worldCase.Scenario.Description);
    }
}
