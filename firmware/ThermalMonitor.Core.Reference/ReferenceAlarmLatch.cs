using ThermalMonitor.Core.Acquisition;
using ThermalMonitor.Core.Alarms;

namespace ThermalMonitor.Core.Reference;

/// <summary>
/// Raises and clears alarms from persisted conditions, numbering raises from 1 as the firmware's
/// alarm table does, and reports them as <see cref="MonitorEvent"/>s (AlarmRaised / AlarmCleared) so
/// the tests read both pipelines alike. The reference never acknowledges, so an alarm is either
/// normal, active, or cleared and waiting for an acknowledgement (which a returning condition
/// raises again under a new number). Written from docs/design.md §4, sharing no code with AlarmTable.
/// </summary>
public sealed class ReferenceAlarmLatch
{
    private readonly Dictionary<AlarmSlot, bool> active = [];
    private readonly Dictionary<AlarmSlot, int> sequenceOf = [];
    private readonly Queue<MonitorEvent> pending = new();
    private int lastSequence;

    public bool TryDequeue(MonitorEvent into)
    {
        if (!pending.TryDequeue(out MonitorEvent? next))
        {
            return false;
        }

        into.CopyFrom(next);
        return true;
    }

    public void Update(AlarmSlot slot, bool condition, int code, int value, long timeMs)
    {
        bool wasActive = active.GetValueOrDefault(slot);
        if (condition == wasActive)
        {
            return;
        }

        active[slot] = condition;
        if (condition)
        {
            sequenceOf[slot] = ++lastSequence;
        }

        (AlarmType type, Severity severity, ChannelId channel) = Describe(slot);
        pending.Enqueue(new MonitorEvent
        {
            Id = condition ? EventId.AlarmRaised : EventId.AlarmCleared,
            TimeMs = timeMs,
            AlarmType = type,
            Severity = severity,
            Channel = channel,
            AlarmSequence = sequenceOf[slot],
            Code = code,
            Value = value,
        });
    }

    private static (AlarmType, Severity, ChannelId) Describe(AlarmSlot slot) => slot switch
    {
        AlarmSlot.DepressurizationCaution => (AlarmType.Depressurization, Severity.Caution, ChannelId.Pressure),
        AlarmSlot.DepressurizationWarning => (AlarmType.Depressurization, Severity.Warning, ChannelId.Pressure),
        AlarmSlot.OvertempCaution => (AlarmType.Overtemp, Severity.Caution, ChannelId.Temperature),
        AlarmSlot.OvertempWarning => (AlarmType.Overtemp, Severity.Warning, ChannelId.Temperature),
        AlarmSlot.SensorFaultPressure => (AlarmType.SensorFault, Severity.Warning, ChannelId.Pressure),
        AlarmSlot.SensorFaultTemperature => (AlarmType.SensorFault, Severity.Caution, ChannelId.Temperature),
        AlarmSlot.SensorFaultSupply => (AlarmType.SensorFault, Severity.Caution, ChannelId.Supply),
        _ => throw new ArgumentOutOfRangeException(nameof(slot), slot, "unknown alarm slot"),
    };
}
