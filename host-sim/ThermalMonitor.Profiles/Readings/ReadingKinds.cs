namespace ThermalMonitor.Profiles;

/// <summary>Classifies recorded readings as possible or one of the impossible <see cref="ReadingKind"/>s.</summary>
public static class ReadingKinds
{
    /// <summary>Absolute zero in °C; a temperature at or below it is impossible.</summary>
    public const double AbsoluteZeroC = -273.15;

    /// <summary>
    /// A pressure reading against a transducer of <paramref name="fullScaleKpa"/>: NaN is missing,
    /// below 0 kPa absolute (−∞ included) below vacuum, above full scale (+∞ included) beyond range.
    /// </summary>
    public static ReadingKind OfPressure(double pressureKpa, double fullScaleKpa) =>
        double.IsNaN(pressureKpa) ? ReadingKind.Missing
        : pressureKpa < 0.0 ? ReadingKind.BelowPhysicalMinimum
        : pressureKpa > fullScaleKpa ? ReadingKind.BeyondRange
        : ReadingKind.Possible;

    /// <summary>
    /// A coolant-temperature reading: NaN is missing, at or below absolute zero (−∞ included) below
    /// the physical minimum, +∞ beyond range. An NTC has no upper limit of its own, so every finite
    /// temperature above absolute zero is possible.
    /// </summary>
    public static ReadingKind OfTemperature(double tempC) =>
        double.IsNaN(tempC) ? ReadingKind.Missing
        : tempC <= AbsoluteZeroC ? ReadingKind.BelowPhysicalMinimum
        : double.IsPositiveInfinity(tempC) ? ReadingKind.BeyondRange
        : ReadingKind.Possible;
}
