namespace ThermalMonitor.Report;

/// <summary>A plain table of the campaign page: text cells, numeric columns right-aligned.</summary>
/// <param name="Id">Fragment id of its section, e.g. "summary".</param>
/// <param name="Caption">Section title.</param>
/// <param name="Note">A line under the title, or null.</param>
/// <param name="Header">Column headings.</param>
/// <param name="Rows">Cells, one list per row, as long as the header.</param>
/// <param name="NumericFrom">Columns from this index on are numeric (right-aligned).</param>
public sealed record CampaignTable(
    string Id, string Caption, string? Note, IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows, int NumericFrom = 1);
