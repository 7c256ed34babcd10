namespace ThermalMonitor.Profiles;

/// <summary>Pressure unit of a foreign CSV's pressure column (<c>--pressure-unit</c>).</summary>
public enum PressureUnit
{
    /// <summary>Pascal.</summary>
    Pa,

    /// <summary>Kilopascal (the profile's own unit).</summary>
    KPa,

    /// <summary>Bar (100 kPa).</summary>
    Bar,

    /// <summary>Pound-force per square inch (6.894757 kPa).</summary>
    Psi,
}
