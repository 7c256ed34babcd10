namespace ThermalMonitor.Profiles;

/// <summary>What a foreign CSV column is imported as.</summary>
internal enum ForeignColumn
{
    Time,
    Pressure,
    Temp,
    Cabin,
}
