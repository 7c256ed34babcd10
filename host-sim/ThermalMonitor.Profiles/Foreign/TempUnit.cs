namespace ThermalMonitor.Profiles;

/// <summary>Temperature unit of a foreign CSV's temperature columns (<c>--temp-unit</c>).</summary>
public enum TempUnit
{
    /// <summary>Degrees Celsius (the profile's own unit).</summary>
    C,

    /// <summary>Kelvin.</summary>
    K,

    /// <summary>Degrees Fahrenheit.</summary>
    F,
}
