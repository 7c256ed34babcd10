using ThermalMonitor.Core;
using ThermalMonitor.Core.Alarms;
using ThermalMonitor.Profiles;

namespace ThermalMonitor.Scoring;

/// <summary>Turns the firmware's event stream into the replay-result alarm list (by alarm sequence number).</summary>
public sealed class AlarmLog
{
    private readonly List<ResultAlarm> alarms = [];
    private readonly Dictionary<int, int> indexBySequence = [];

    public IReadOnlyList<ResultAlarm> Alarms => alarms;

    /// <summary>Applies one event; returns the alarm if the event raised one.</summary>
    public ResultAlarm? Apply(MonitorEvent e)
    {
        if (e.Id == EventId.AlarmRaised)
        {
            var raised = new ResultAlarm(
                e.AlarmSequence,
                MonitorDictionary.AlarmTypeName(e.AlarmType),
                MonitorDictionary.SeverityName(e.Severity),
                MonitorDictionary.ChannelName(e.Channel),
                e.TimeMs / 1000.0,
                null,
                MonitorDictionary.CodeName(e));
            indexBySequence[e.AlarmSequence] = alarms.Count;
            alarms.Add(raised);
            return raised;
        }

        if (e.Id == EventId.AlarmCleared && indexBySequence.TryGetValue(e.AlarmSequence, out int index))
        {
            alarms[index] = alarms[index] with { ClearedTimeS = e.TimeMs / 1000.0 };
        }

        return null;
    }
}
