namespace ThermalMonitor.Core.Alarms
{
    /// <summary>
    /// Bounded FIFO of events between the sampling cycle and the link. When it is full, new
    /// events are dropped and counted — never silently: the last slot is reserved for one
    /// <see cref="EventId.QueueOverflow"/> event whose Value keeps counting drops until it is read.
    /// Alarm state itself lives in <see cref="AlarmTable"/>, so a full queue cannot lose an alarm.
    /// </summary>
    public sealed class EventQueue
    {
        /// <summary>
        /// Slots, the last one reserved for the overflow event. The link drains the queue after every
        /// step and every command, so it must hold what one of those enqueues, plus the one board
        /// event (LOOP_OVERRUN) that can arrive between a step's drain and the next. One Step
        /// enqueues at most 19: SAMPLE_GAP or TIME_NOT_INCREASING (1), GLITCH_REJECTED and
        /// CHANNEL_RECOVERED once per channel (3 + 3), MODEL_READY (1), one raise or clear per alarm
        /// slot (7), INVARIANT_FAILED once per invariant (4, latched). Commands enqueue fewer
        /// (ACK ALL: one per slot, 7; CFG, RESET, ACK: 1). 19 + 1 = 20 of the 23 ordinary slots; the
        /// spare 3 absorb a new event kind before the overflow slot is ever needed.
        /// </summary>
        public const int Capacity = 24;

        private readonly MonitorEvent[] slots;
        private int headIndex;
        internal int count; // internal: the monitor checks it every sample (a property read is a call on the interpreter)
        private int nextSequence = 1;
        private int overflowSlotIndex = -1;

        public EventQueue()
        {
            slots = new MonitorEvent[Capacity];
            for (int i = 0; i < Capacity; i++)
            {
                slots[i] = new MonitorEvent();
            }
        }

        public int Count => count;

        /// <summary>Events dropped since start-up because the queue was full.</summary>
        public int DroppedTotal { get; private set; }

        /// <summary>The sequence number the next event will get.</summary>
        public int NextSequence => nextSequence;

        public void Enqueue(EventId id, Severity severity, long timeMs, AlarmType alarmType, Acquisition.ChannelId channel, int alarmSequence, int code, int value)
        {
            if (count >= Capacity - 1)
            {
                RecordDrop(timeMs);
                return;
            }

            MonitorEvent target = Append();
            target.Id = id;
            target.Severity = severity;
            target.TimeMs = timeMs;
            target.AlarmType = alarmType;
            target.Channel = channel;
            target.AlarmSequence = alarmSequence;
            target.Code = code;
            target.Value = value;
        }

        /// <summary>Copies the oldest event into <paramref name="into"/> and removes it.</summary>
        public bool TryDequeue(MonitorEvent into)
        {
            if (count == 0)
            {
                return false;
            }

            into.CopyFrom(slots[headIndex]);
            if (headIndex == overflowSlotIndex)
            {
                overflowSlotIndex = -1;
            }

            headIndex = (headIndex + 1) % Capacity;
            count--;
            return true;
        }

        public void Clear()
        {
            headIndex = 0;
            count = 0;
            overflowSlotIndex = -1;
        }

        /// <summary>Empty, with sequence numbers starting again at 1 (a monitor restart).</summary>
        public void Reset()
        {
            Clear();
            nextSequence = 1;
            DroppedTotal = 0;
        }

        private void RecordDrop(long timeMs)
        {
            DroppedTotal++;
            if (overflowSlotIndex >= 0)
            {
                slots[overflowSlotIndex].Value++;
                return;
            }

            // count == Capacity - 1 here: the reserved slot is free.
            overflowSlotIndex = (headIndex + count) % Capacity;
            MonitorEvent overflow = Append();
            overflow.Id = EventId.QueueOverflow;
            overflow.Severity = MonitorDictionary.EventSeverity(EventId.QueueOverflow);
            overflow.TimeMs = timeMs;
            overflow.AlarmType = AlarmType.None;
            overflow.Channel = Acquisition.ChannelId.Pressure;
            overflow.AlarmSequence = 0;
            overflow.Code = 0;
            overflow.Value = 1;
        }

        private MonitorEvent Append()
        {
            MonitorEvent target = slots[(headIndex + count) % Capacity];
            count++;
            target.Sequence = nextSequence;
            nextSequence = nextSequence == int.MaxValue ? 1 : nextSequence + 1;
            return target;
        }
    }
}
