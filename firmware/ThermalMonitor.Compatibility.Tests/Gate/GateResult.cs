namespace ThermalMonitor.Compatibility.Tests.Gate;

/// <summary>What the gate found in one project, and which nanoFramework API IDs the project uses.</summary>
internal sealed record GateResult(IReadOnlyList<Finding> Findings, IReadOnlyList<string> UsedApiIds)
{
    public bool Passed => Findings.Count == 0;

    /// <summary>The report a failing test prints: one finding per line, file:line:col first.</summary>
    public string Describe() =>
        Passed ? "no findings" : $"{Findings.Count} finding(s):{Environment.NewLine}{string.Join(Environment.NewLine, Findings)}";
}
