namespace ThermalMonitor.Replay;

/// <summary>What one detector configuration did in one campaign case.</summary>
/// <param name="Detector">Configuration name.</param>
/// <param name="FalseAlarmCount">DEPRESSURIZATION raises on nominal time (the whole case, or before the onset).</param>
/// <param name="FalseAlarmsByCause">All of them per cause (ordinal order).</param>
/// <param name="FalseAlarms">The first <see cref="MaxListedFalseAlarms"/> of them (count and causes are exact).</param>
/// <param name="FirstLeakAlarm">First DEPRESSURIZATION raised at or after the onset; null if none (missed) or no leak.</param>
public sealed record DetectorCaseResult(
    string Detector, int FalseAlarmCount, IReadOnlyDictionary<string, int> FalseAlarmsByCause, IReadOnlyList<CampaignAlarm> FalseAlarms,
    CampaignAlarm? FirstLeakAlarm)
{
    /// <summary>How many false alarms a case result lists per detector (JSON size stays bounded when a detector misbehaves).</summary>
    public const int MaxListedFalseAlarms = 100;
}
