namespace ThermalMonitor.Report;

/// <summary>False alarms on the nominal time of one phenomenon, per detector.</summary>
/// <param name="Label">Phenomenon name, e.g. "sensor-lag" or "all".</param>
/// <param name="Description">What it varies.</param>
/// <param name="Days">Nominal time, days.</param>
/// <param name="FalseAlarms">False alarms per detector, in <see cref="CampaignView.Detectors"/> order.</param>
public sealed record CampaignRateRow(string Label, string Description, double Days, IReadOnlyList<int> FalseAlarms);
