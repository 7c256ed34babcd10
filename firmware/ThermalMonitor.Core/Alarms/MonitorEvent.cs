using ThermalMonitor.Core.Acquisition;

namespace ThermalMonitor.Core.Alarms
{
    /// <summary>
    /// One reported event. Instances are preallocated (queue slots and the caller's receiving
    /// object) and copied field by field, so reporting never allocates.
    /// </summary>
    public sealed class MonitorEvent
    {
        /// <summary>Event sequence number, increasing by one per event enqueued; drops are reported by a QueueOverflow event, not by gaps.</summary>
        public int Sequence;

        public long TimeMs;
        public EventId Id;
        public Severity Severity;

        /// <summary>For alarm events: which alarm; None otherwise.</summary>
        public AlarmType AlarmType;

        public ChannelId Channel;

        /// <summary>For alarm events: the alarm's sequence number (what an acknowledgement names).</summary>
        public int AlarmSequence;

        /// <summary>Detail code: a DetectionCause for leak/temperature alarms, a FaultReason for sensor faults and glitches.</summary>
        public int Code;

        /// <summary>A number that goes with the event (see <see cref="EventId"/>).</summary>
        public int Value;

        public void CopyFrom(MonitorEvent other)
        {
            Sequence = other.Sequence;
            TimeMs = other.TimeMs;
            Id = other.Id;
            Severity = other.Severity;
            AlarmType = other.AlarmType;
            Channel = other.Channel;
            AlarmSequence = other.AlarmSequence;
            Code = other.Code;
            Value = other.Value;
        }
    }
}
