namespace ThermalMonitor.Compatibility.Tests.Gate;

/// <summary>
/// Collects findings, keeping one per file, line, rule and symbol (a line that uses a missing API
/// twice, or that several checks look at, is one problem to fix), in file/line order.
/// </summary>
internal sealed class FindingList
{
    private readonly Dictionary<(string File, int Line, string RuleId, string SymbolId), Finding> findings = [];

    public void Add(Finding finding) => findings.TryAdd((finding.File, finding.Line, finding.RuleId, finding.SymbolId), finding);

    public void AddRange(IEnumerable<Finding> range)
    {
        foreach (var finding in range)
        {
            Add(finding);
        }
    }

    public IReadOnlyList<Finding> ToSortedList() =>
    [
        .. findings.Values
            .OrderBy(f => f.File, StringComparer.Ordinal)
            .ThenBy(f => f.Line)
            .ThenBy(f => f.Column)
            .ThenBy(f => f.RuleId, StringComparer.Ordinal)
            .ThenBy(f => f.SymbolId, StringComparer.Ordinal),
    ];
}
