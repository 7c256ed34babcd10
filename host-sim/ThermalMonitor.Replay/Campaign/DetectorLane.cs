using ThermalMonitor.Core;
using ThermalMonitor.Core.Alarms;
using ThermalMonitor.Core.Monitoring;

namespace ThermalMonitor.Replay;

/// <summary>
/// One detector configuration in a campaign case: its firmware monitor and the DEPRESSURIZATION raises
/// it reported, split at the leak onset into false alarms (before) and the first detection (at or after).
/// </summary>
internal sealed class DetectorLane
{
    private const string Depressurization = "DEPRESSURIZATION";

    private readonly MonitorEvent received = new();
    private readonly List<CampaignAlarm> falseAlarms = [];
    private readonly SortedDictionary<string, int> byCause = new(StringComparer.Ordinal);
    private int falseAlarmCount;

    public DetectorLane(string name, LeakMonitor monitor)
    {
        Name = name;
        Monitor = monitor;
    }

    public string Name { get; }

    public LeakMonitor Monitor { get; }

    public CampaignAlarm? FirstLeakAlarm { get; private set; }

    /// <summary>Empties the monitor's event queue, keeping its DEPRESSURIZATION raises.</summary>
    public void Drain(double onsetS)
    {
        while (Monitor.TryDequeueEvent(received))
        {
            if (received.Id != EventId.AlarmRaised || MonitorDictionary.AlarmTypeName(received.AlarmType) != Depressurization)
            {
                continue;
            }

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

    public DetectorCaseResult ToResult() => new(Name, falseAlarmCount, byCause, falseAlarms, FirstLeakAlarm);
}
