namespace ThermalMonitor.Profiles;

/// <summary>
/// The rows of a replayed profile whose pressure or coolant temperature is physically impossible,
/// per channel and kind (the <c>impossible_readings</c> member of the replay-result JSON).
/// </summary>
/// <param name="Pressure">Pressure rows: below vacuum, beyond the transducer's range, missing.</param>
/// <param name="Temperature">Coolant-temperature rows: at/below absolute zero, +∞, missing.</param>
public sealed record ImpossibleReadings(ChannelReadingCounts Pressure, ChannelReadingCounts Temperature)
{
    /// <summary>No impossible reading.</summary>
    public static ImpossibleReadings None { get; } = new(default, default);

    /// <summary>Rows counted on either channel (a row impossible on both counts twice).</summary>
    public int Total => Pressure.Total + Temperature.Total;

    /// <summary>
    /// Counts the rows of <paramref name="profile"/> against a transducer of
    /// <paramref name="pressureFullScaleKpa"/>. A profile without a temperature column counts no
    /// temperature readings.
    /// </summary>
    public static ImpossibleReadings Count(Profile profile, double pressureFullScaleKpa)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ChannelReadingCounts pressure = default;
        ChannelReadingCounts temperature = default;
        foreach (ProfileRow row in profile.ReadRows())
        {
            pressure = pressure.With(ReadingKinds.OfPressure(row.PressureKpa, pressureFullScaleKpa));
            if (profile.CoolantTemperatureRecorded)
            {
                temperature = temperature.With(ReadingKinds.OfTemperature(row.TempC));
            }
        }

        return new ImpossibleReadings(pressure, temperature);
    }
}
