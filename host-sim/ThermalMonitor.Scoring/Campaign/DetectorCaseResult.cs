namespace ThermalMonitor.Scoring;

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

    /// <summary>
    /// For a leak: whether a DEPRESSURIZATION alarm (a false one) was still active, not cleared, when the
    /// hole opened. A latched alarm raises nothing new until it clears, so such a leak is usually missed
    /// (no raise after the onset) although the alarm is up. Null without a leak.
    /// </summary>
    public bool? AlarmActiveAtOnset { get; init; }
}
