using ThermalMonitor.Core.Acquisition;

namespace ThermalMonitor.Core.Alarms
{
    /// <summary>
    /// Latching alarm state per <see cref="AlarmSlot"/>: raise with a new alarm sequence number,
    /// report the clear, keep the alarm latched until it is acknowledged (DESIGN.md §4).
    /// Conditions arrive already persisted and hysteresis-filtered from detection/validation.
    /// </summary>
    /// <remarks>
    /// Transitions (each emits one event):
    /// Normal → Active on condition (AlarmRaised, new seq);
    /// Active → ClearedUnacknowledged when the condition goes (AlarmCleared);
    /// Active → ActiveAcknowledged on ack (AlarmAcknowledged);
    /// ActiveAcknowledged → Normal when the condition goes (AlarmCleared);
    /// ClearedUnacknowledged → Normal on ack (AlarmAcknowledged);
    /// ClearedUnacknowledged → Active when the condition returns (AlarmRaised, new seq: the old
    /// occurrence is closed — it was cleared — and the new one needs its own ack).
    /// </remarks>
    public sealed class AlarmTable
    {
        private readonly EventQueue events;
        private readonly AlarmState[] states = new AlarmState[AlarmSlots.Count];
        private readonly int[] sequences = new int[AlarmSlots.Count];
        private readonly int[] codes = new int[AlarmSlots.Count];
        private readonly int[] values = new int[AlarmSlots.Count];
        private readonly long[] raisedTimesMs = new long[AlarmSlots.Count];
        private readonly long[] clearedTimesMs = new long[AlarmSlots.Count];
        private int lastAlarmSequence;

        public AlarmTable(EventQueue events)
        {
            this.events = events;
        }

        public AlarmState State(AlarmSlot slot) => states[(int)slot];

        /// <summary>Sequence number of the slot's current (or last) occurrence; 0 if never raised.</summary>
        public int Sequence(AlarmSlot slot) => sequences[(int)slot];

        /// <summary>DetectionCause or FaultReason recorded when the slot was raised.</summary>
        public int Code(AlarmSlot slot) => codes[(int)slot];

        public long RaisedTimeMs(AlarmSlot slot) => raisedTimesMs[(int)slot];

        public long ClearedTimeMs(AlarmSlot slot) => clearedTimesMs[(int)slot];

        public bool IsConditionPresent(AlarmSlot slot)
        {
            AlarmState state = states[(int)slot];
            return state == AlarmState.Active || state == AlarmState.ActiveAcknowledged;
        }

        /// <summary>Latched and waiting for an acknowledgement (the link re-sends these).</summary>
        public bool IsUnacknowledged(AlarmSlot slot)
        {
            AlarmState state = states[(int)slot];
            return state == AlarmState.Active || state == AlarmState.ClearedUnacknowledged;
        }

        public int UnacknowledgedCount
        {
            get
            {
                int unacknowledged = 0;
                for (int slot = 0; slot < AlarmSlots.Count; slot++)
                {
                    if (IsUnacknowledged((AlarmSlot)slot))
                    {
                        unacknowledged++;
                    }
                }

                return unacknowledged;
            }
        }

        /// <summary>The reading that went with the raise (Pa, milli-°C, or the channel's value).</summary>
        public int Value(AlarmSlot slot) => values[(int)slot];

        /// <summary>
        /// Feeds the slot's persisted condition for this sample; <paramref name="code"/> and
        /// <paramref name="value"/> are recorded if this raises the alarm.
        /// </summary>
        public void Update(AlarmSlot slot, bool conditionPresent, int code, int value, long timeMs)
        {
            int index = (int)slot;
            AlarmState state = states[index];
            if (conditionPresent)
            {
                if (state == AlarmState.Normal || state == AlarmState.ClearedUnacknowledged)
                {
                    Raise(slot, code, value, timeMs);
                }

                return;
            }

            if (state == AlarmState.Active)
            {
                states[index] = AlarmState.ClearedUnacknowledged;
                Clear(slot, timeMs);
            }
            else if (state == AlarmState.ActiveAcknowledged)
            {
                states[index] = AlarmState.Normal;
                Clear(slot, timeMs);
            }
        }

        /// <summary>Acknowledges the latched alarm with this sequence number.</summary>
        public AckResult Acknowledge(int alarmSequence, long timeMs)
        {
            for (int index = 0; index < AlarmSlots.Count; index++)
            {
                if (sequences[index] != alarmSequence || alarmSequence == 0)
                {
                    continue;
                }

                return AcknowledgeSlot((AlarmSlot)index, timeMs);
            }

            return AckResult.NotFound;
        }

        /// <summary>Acknowledges every latched alarm; returns how many were acknowledged.</summary>
        public int AcknowledgeAll(long timeMs)
        {
            int acknowledged = 0;
            for (int index = 0; index < AlarmSlots.Count; index++)
            {
                if (IsUnacknowledged((AlarmSlot)index) && AcknowledgeSlot((AlarmSlot)index, timeMs) == AckResult.Acknowledged)
                {
                    acknowledged++;
                }
            }

            return acknowledged;
        }

        private AckResult AcknowledgeSlot(AlarmSlot slot, long timeMs)
        {
            int index = (int)slot;
            AlarmState state = states[index];
            if (state == AlarmState.Active)
            {
                states[index] = AlarmState.ActiveAcknowledged;
            }
            else if (state == AlarmState.ClearedUnacknowledged)
            {
                states[index] = AlarmState.Normal;
            }
            else if (state == AlarmState.ActiveAcknowledged)
            {
                return AckResult.AlreadyAcknowledged;
            }
            else
            {
                // Normal with a matching sequence: acknowledged earlier and since cleared.
                return AckResult.AlreadyAcknowledged;
            }

            Emit(EventId.AlarmAcknowledged, slot, timeMs);
            return AckResult.Acknowledged;
        }

        private void Raise(AlarmSlot slot, int code, int value, long timeMs)
        {
            int index = (int)slot;
            lastAlarmSequence = lastAlarmSequence == int.MaxValue ? 1 : lastAlarmSequence + 1;
            sequences[index] = lastAlarmSequence;
            codes[index] = code;
            values[index] = value;
            raisedTimesMs[index] = timeMs;
            clearedTimesMs[index] = 0;
            states[index] = AlarmState.Active;
            Emit(EventId.AlarmRaised, slot, timeMs);
        }

        private void Clear(AlarmSlot slot, long timeMs)
        {
            clearedTimesMs[(int)slot] = timeMs;
            Emit(EventId.AlarmCleared, slot, timeMs);
        }

        private void Emit(EventId id, AlarmSlot slot, long timeMs)
        {
            int index = (int)slot;
            events.Enqueue(id, AlarmSlots.SeverityOf(slot), timeMs, AlarmSlots.TypeOf(slot), AlarmSlots.ChannelOf(slot), sequences[index], codes[index], values[index]);
        }

        /// <summary>Forgets every alarm (start-up only; a detector reset keeps the latch).</summary>
        /// <summary>All slots normal and alarm sequence numbers starting again at 1 (a monitor restart).</summary>
        public void Reset()
        {
            Clear();
            lastAlarmSequence = 0;
        }

        public void Clear()
        {
            for (int index = 0; index < AlarmSlots.Count; index++)
            {
                states[index] = AlarmState.Normal;
                sequences[index] = 0;
                codes[index] = 0;
                values[index] = 0;
                raisedTimesMs[index] = 0;
                clearedTimesMs[index] = 0;
            }
        }
    }
}
