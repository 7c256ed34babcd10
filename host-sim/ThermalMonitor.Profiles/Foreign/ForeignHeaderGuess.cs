namespace ThermalMonitor.Profiles;

/// <summary>A CSV header's cells and the columns found in it by their common names (key: time, pressure, temp, cabin).</summary>
public sealed record ForeignHeaderGuess(IReadOnlyList<string> Cells, IReadOnlyDictionary<string, string> Found)
{
    /// <summary>The needed columns not found by name, each with the names tried, e.g. "time (time, time_s, timestamp)".</summary>
    public IReadOnlyList<string> MissingRequired =>
    [
        .. new[] { ForeignColumn.Time, ForeignColumn.Pressure }
            .Where(c => !Found.ContainsKey(ColumnMap.Key(c)))
            .Select(c => $"{ColumnMap.Key(c)} ({string.Join(", ", ColumnMap.CommonNames[c])})"),
    ];

    /// <summary>The <c>--map</c> text for the columns found, e.g. <c>time=Time,pressure="P (bar)"</c>.</summary>
    public string Map => string.Join(",", Found.Select(p => p.Key + "=" + (p.Value.Contains(',') || p.Value.Contains(' ') ? "\"" + p.Value + "\"" : p.Value)));

    /// <summary>Time and pressure, the columns a replay needs, were both found.</summary>
    public bool HasRequiredColumns => Found.ContainsKey("time") && Found.ContainsKey("pressure");
}
