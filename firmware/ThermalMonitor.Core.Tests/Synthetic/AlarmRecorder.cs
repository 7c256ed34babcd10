using ThermalMonitor.Core.Acquisition;
using ThermalMonitor.Core.Alarms;

namespace ThermalMonitor.Core.Tests.Synthetic;

/// <summary>Turns a monitor's event stream into alarm occurrences keyed by sample index.</summary>
public sealed class AlarmRecorder
{
    private readonly MonitorEvent scratch = new();
    private readonly Dictionary<int, AlarmOccurrence> bySequence = [];

    public List<AlarmOccurrence> Occurrences { get; } = [];

    public int GlitchEvents { get; private set; }

    public void Drain(Func<MonitorEvent, bool> tryDequeue, long sampleIndex)
    {
        while (tryDequeue(scratch))
        {
            switch (scratch.Id)
            {
                case EventId.AlarmRaised:
                    var occurrence = new AlarmOccurrence(SlotOf(scratch), scratch.AlarmSequence, sampleIndex, scratch.Code);
                    bySequence[scratch.AlarmSequence] = occurrence;
                    Occurrences.Add(occurrence);
                    break;
                case EventId.AlarmCleared when bySequence.TryGetValue(scratch.AlarmSequence, out AlarmOccurrence? raised):
                    raised.ClearedSample = sampleIndex;
                    break;
                case EventId.GlitchRejected:
                    GlitchEvents++;
                    break;
            }
        }
    }

    public IEnumerable<AlarmOccurrence> Of(AlarmType type) =>
        Occurrences.Where(o => AlarmSlots.TypeOf(o.Slot) == type);

    private static AlarmSlot SlotOf(MonitorEvent e) => (e.AlarmType, e.Severity, e.Channel) switch
    {
        (AlarmType.Depressurization, Severity.Caution, _) => AlarmSlot.DepressurizationCaution,
        (AlarmType.Depressurization, _, _) => AlarmSlot.DepressurizationWarning,
        (AlarmType.Overtemp, Severity.Caution, _) => AlarmSlot.OvertempCaution,
        (AlarmType.Overtemp, _, _) => AlarmSlot.OvertempWarning,
        (_, _, ChannelId.Pressure) => AlarmSlot.SensorFaultPressure,
        (_, _, ChannelId.Temperature) => AlarmSlot.SensorFaultTemperature,
        _ => AlarmSlot.SensorFaultSupply,
    };
}
