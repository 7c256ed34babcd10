namespace ThermalMonitor.Profiles;

/// <summary>Converts foreign units to the profile's kPa and °C.</summary>
public static class UnitConversion
{
    /// <summary>Standard atmosphere, added to gauge readings (<c>--gauge</c>).</summary>
    public const double StandardAtmosphereKpa = 101.325;

    /// <summary>One psi in kPa: 0.45359237 kg × 9.80665 m/s² per (0.0254 m)², exact by definition.</summary>
    public const double KpaPerPsi = 6.894757293168361;

    /// <summary><paramref name="value"/> in <paramref name="unit"/> as kPa, plus one atmosphere if gauge.</summary>
    public static double ToKpa(double value, PressureUnit unit, bool gauge)
    {
        double kpa = unit switch
        {
            PressureUnit.Pa => value / 1000.0,
            PressureUnit.KPa => value,
            PressureUnit.Bar => value * 100.0,
            PressureUnit.Psi => value * KpaPerPsi,
            _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "Unknown pressure unit."),
        };
        return gauge ? kpa + StandardAtmosphereKpa : kpa;
    }

    /// <summary><paramref name="value"/> in <paramref name="unit"/> as °C.</summary>
    public static double ToCelsius(double value, TempUnit unit) => unit switch
    {
        TempUnit.C => value,
        TempUnit.K => value - 273.15,
        TempUnit.F => (value - 32.0) * 5.0 / 9.0,
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "Unknown temperature unit."),
    };

    /// <summary>The unit as written on the command line and in metadata: Pa, kPa, bar, psi.</summary>
    public static string Name(PressureUnit unit) => unit switch
    {
        PressureUnit.Pa => "Pa",
        PressureUnit.KPa => "kPa",
        PressureUnit.Bar => "bar",
        PressureUnit.Psi => "psi",
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "Unknown pressure unit."),
    };

    /// <summary>
    /// Parses a pressure unit as written on the command line: Pa, kPa, bar, psi (case-insensitive).
    /// </summary>
    /// <exception cref="ArgumentException">Anything else; the message lists the choices.</exception>
    public static PressureUnit ParsePressureUnit(string text) =>
        text?.Trim().ToLowerInvariant() switch
        {
            "pa" => PressureUnit.Pa,
            "kpa" => PressureUnit.KPa,
            "bar" => PressureUnit.Bar,
            "psi" => PressureUnit.Psi,
            _ => throw new ArgumentException($"Pressure unit must be Pa, kPa, bar or psi, not '{text}'.", nameof(text)),
        };

    /// <summary>Parses a temperature unit: C, K, F (case-insensitive).</summary>
    /// <exception cref="ArgumentException">Anything else; the message lists the choices.</exception>
    public static TempUnit ParseTempUnit(string text) =>
        text?.Trim().ToUpperInvariant() switch
        {
            "C" => TempUnit.C,
            "K" => TempUnit.K,
            "F" => TempUnit.F,
            _ => throw new ArgumentException($"Temperature unit must be C, K or F, not '{text}'.", nameof(text)),
        };
}
