namespace ThermalMonitor.Report;

/// <summary>One leak case of a campaign, for the delay plots.</summary>
/// <param name="Label">Names the case in tooltips, e.g. "case 42, loop 3".</param>
/// <param name="HoleMm">Hole diameter.</param>
/// <param name="BoundS">Information bound, s; null when not computed.</param>
/// <param name="DelayS">Each detector's detection delay, s, in <see cref="CampaignView.Detectors"/> order; null = missed.</param>
public sealed record CampaignLeakPoint(string Label, double HoleMm, double? BoundS, IReadOnlyList<double?> DelayS);
