namespace ThermalMonitor.Scoring;

/// <summary>A DEPRESSURIZATION alarm a detector raised in a campaign case.</summary>
/// <param name="TimeS">Raise time, s from the case's start.</param>
/// <param name="Severity">As the firmware names it, e.g. "CAUTION".</param>
/// <param name="Cause">As the firmware names it, e.g. "CUSUM", "RATE_OF_DROP", "RED_LOW_LIMIT".</param>
public sealed record CampaignAlarm(double TimeS, string Severity, string Cause);
