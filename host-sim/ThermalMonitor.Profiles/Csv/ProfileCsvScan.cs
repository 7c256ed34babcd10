namespace ThermalMonitor.Profiles;

/// <summary>What one pass over a Profile CSV found besides its rows.</summary>
/// <param name="Name">The <c>name</c> metadata, else the fallback name.</param>
/// <param name="Metadata">The metadata lines, keys as written.</param>
/// <param name="TemperatureRecorded">Whether the header has a <c>temp_c</c> column.</param>
/// <param name="RowCount">Data rows.</param>
internal sealed record ProfileCsvScan(string Name, IReadOnlyDictionary<string, string> Metadata, bool TemperatureRecorded, int RowCount);
