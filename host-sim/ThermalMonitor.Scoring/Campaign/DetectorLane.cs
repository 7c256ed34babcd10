using ThermalMonitor.Core;
using ThermalMonitor.Core.Alarms;
using ThermalMonitor.Core.Monitoring;

namespace ThermalMonitor.Scoring;

/// <summary>
/// One detector configuration in a campaign case: its firmware monitor and the DEPRESSURIZATION raises
/// it reported, split at the leak onset into false alarms (before) and the first detection (at or after).
/// </summary>
internal sealed class DetectorLane
{
    private static readonly string Depressurization = MonitorDictionary.AlarmTypeName(AlarmType.Depressurization);

    private readonly MonitorEvent received = new();
    private readonly List<CampaignAlarm> falseAlarms = [];
    private readonly SortedDictionary<string, int> byCause = new(StringComparer.Ordinal);
    private readonly HashSet<int> activeSequences = [];
    private int falseAlarmCount;
    private bool onsetSeen;

    public DetectorLane(string name, LeakMonitor monitor)
    {
        Name = name;
        Monitor = monitor;
    }

    public string Name { get; }

    public LeakMonitor Monitor { get; }

    public CampaignAlarm? FirstLeakAlarm { get; private set; }

    /// <summary>Whether a DEPRESSURIZATION alarm was raised and not yet cleared when the leak began; null before the onset or without a leak.</summary>
    public bool? AlarmActiveAtOnset { get; private set; }

    /// <summary>
    /// Empties the monitor's event queue after the step of the sample at <paramref name="sampleTimeS"/>,
    /// keeping its DEPRESSURIZATION raises and noting whether one was still active when the onset came.
    /// </summary>
    public void Drain(double onsetS, double sampleTimeS)
    {
        if (!onsetSeen && sampleTimeS >= onsetS)
        {
            onsetSeen = true;
            AlarmActiveAtOnset = activeSequences.Count > 0;
        }

        while (Monitor.TryDequeueEvent(received))
        {
            if (MonitorDictionary.AlarmTypeName(received.AlarmType) != Depressurization)
            {
                continue;
            }

            if (received.Id == EventId.AlarmCleared)
            {
                activeSequences.Remove(received.AlarmSequence);
                continue;
            }

            if (received.Id != EventId.AlarmRaised)
            {
                continue;
            }

            activeSequences.Add(received.AlarmSequence);

            var alarm = new CampaignAlarm(
                received.TimeMs / 1000.0, MonitorDictionary.SeverityName(received.Severity), MonitorDictionary.CodeName(received));
            if (alarm.TimeS >= onsetS)
            {
                FirstLeakAlarm ??= alarm;
            }
            else
            {
                falseAlarmCount++;
                byCause[alarm.Cause] = byCause.GetValueOrDefault(alarm.Cause) + 1;
                if (falseAlarms.Count < DetectorCaseResult.MaxListedFalseAlarms)
                {
                    falseAlarms.Add(alarm);
                }
            }
        }
    }

    public DetectorCaseResult ToResult() => new(Name, falseAlarmCount, byCause, falseAlarms, FirstLeakAlarm)
    {
        AlarmActiveAtOnset = AlarmActiveAtOnset,
    };
}
