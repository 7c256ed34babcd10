namespace ThermalMonitor.Profiles;

/// <summary>
/// What the header of a CSV that is not a Profile CSV v1 says about its columns, read from its first
/// lines only (a recording may be hundreds of megabytes): which of time, pressure, temperature and
/// cabin the common header names (<see cref="ColumnMap.CommonNames"/>) find, so that a refusal can
/// name the <c>--map</c> that would read it.
/// </summary>
public static class ForeignHeader
{
    /// <summary>The header cells of <paramref name="path"/> and the columns found by name; null when no header line is found.</summary>
    public static ForeignHeaderGuess? Guess(string path)
    {
        string? header = FileHead.Lines(path).FirstOrDefault(l => l.Trim().Length > 0 && !l.TrimStart().StartsWith('#'));
        if (header is null)
        {
            return null;
        }

        char delimiter = ForeignCsv.CandidateDelimiters.MaxBy(d => CsvFields.CountOutsideQuotes(header, d));
        List<string> cells = CsvFields.Split(header, delimiter, out _) ?? [header];
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach ((ForeignColumn column, string[] names) in ColumnMap.CommonNames)
        {
            string? cell = cells.FirstOrDefault(c => names.Contains(ColumnMap.NormaliseHeader(c), StringComparer.Ordinal));
            if (cell is not null)
            {
                found[ColumnMap.Key(column)] = cell.Trim();
            }
        }

        return new ForeignHeaderGuess([.. cells.Select(c => c.Trim())], found);
    }
}
