namespace ThermalMonitor.Profiles;

/// <summary>
/// How to read a foreign CSV (docs/design.md §5 "Foreign CSV import"); each maps to a CLI option.
/// </summary>
/// <param name="Map">
/// <c>--map time=&lt;col&gt;,pressure=&lt;col&gt;[,temp=&lt;col&gt;][,cabin=&lt;col&gt;]</c>: a column is a
/// header name (case-insensitive) or a 1-based column number. Keys left out are found by common header
/// names; time and pressure are required, a file without a temperature column is a pressure-only
/// recording. Null: all found by name.
/// </param>
/// <param name="Delimiter"><c>--delimiter</c>; null: detected from the header (comma, semicolon, tab, pipe).</param>
/// <param name="PressureUnit"><c>--pressure-unit</c>.</param>
/// <param name="Gauge"><c>--gauge</c>: the pressure column is gauge; 101.325 kPa is added.</param>
/// <param name="TempUnit"><c>--temp-unit</c>, for the coolant and cabin temperature columns.</param>
public sealed record ForeignCsvOptions(
    string? Map = null,
    char? Delimiter = null,
    PressureUnit PressureUnit = PressureUnit.KPa,
    bool Gauge = false,
    TempUnit TempUnit = TempUnit.C)
{
    /// <summary>Defaults: columns by name, delimiter detected, kPa absolute, °C.</summary>
    public static ForeignCsvOptions Default { get; } = new();
}
