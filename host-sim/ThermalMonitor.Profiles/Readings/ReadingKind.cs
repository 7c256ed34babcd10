namespace ThermalMonitor.Profiles;

/// <summary>
/// What a recorded pressure or coolant-temperature reading is to the replay: a value a sensor could
/// report, or one of the physically impossible kinds real recordings hold (glitches, a logger's
/// missing samples). Impossible readings stay in the profile and reach the firmware as the reading
/// error they are (host-sim/ThermalMonitor.Profiles/README.md, "Impossible readings").
/// </summary>
public enum ReadingKind
{
    /// <summary>A value the sensor could report: interpolated between, as every possible reading.</summary>
    Possible,

    /// <summary>
    /// Below the physical minimum: a negative absolute pressure (below vacuum), a temperature at or
    /// below absolute zero (−273.15 °C); −∞ included.
    /// </summary>
    BelowPhysicalMinimum,

    /// <summary>
    /// Beyond the sensor's range: a pressure above the simulated transducer's full scale; +∞ (pressure
    /// or temperature).
    /// </summary>
    BeyondRange,

    /// <summary>No reading: an empty cell or NaN.</summary>
    Missing,
}
