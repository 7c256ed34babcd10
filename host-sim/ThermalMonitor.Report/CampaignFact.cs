namespace ThermalMonitor.Report;

/// <summary>A fact in the campaign page's header, shown as a chip "label: value".</summary>
/// <param name="Label">e.g. "seed".</param>
/// <param name="Value">e.g. "1".</param>
public sealed record CampaignFact(string Label, string Value);
