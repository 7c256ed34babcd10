using ThermalMonitor.Core.Acquisition;

namespace ThermalMonitor.Core.Alarms
{
    /// <summary>
    /// Latching alarm state per <see cref="AlarmSlot"/>: raise with a new alarm sequence number,
    /// report the clear, keep the alarm latched until it is acknowledged (PROTOCOL.md §8).
    /// Conditions arrive already persisted and hysteresis-filtered from detection/validation.
    /// A slot's state is derived from its condition and its latest occurrence in the
    /// <see cref="AlarmJournal"/>, which alone keeps acknowledgements.
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
        private readonly AlarmJournal journal = new AlarmJournal();

        // Per slot only what is not alarm state: which journal entry holds the slot's latest
        // occurrence (-1: never raised since the reset); whether its condition is present is a bit
        // of presentMask.
        private readonly int[] latestEntries = new int[AlarmSlots.Count];
        private int lastAlarmSequence;

        /// <summary>
        /// Bit <c>slot</c> set while that slot's condition is present. One int rather than a flag
        /// per slot, so that the monitor can skip all seven updates with one compare when no
        /// condition changed (seven calls fewer per sample on the nanoFramework interpreter).
        /// </summary>
        internal int presentMask;

        public AlarmTable(EventQueue events)
        {
            this.events = events;
            Clear();
        }

        /// <summary>Every occurrence with its acknowledgement: the one store of alarm state.</summary>
        public AlarmJournal Journal => journal;

        public AlarmState State(AlarmSlot slot)
        {
            int entry = latestEntries[(int)slot];
            if (entry < 0)
            {
                return AlarmState.Normal;
            }

            bool acknowledged = journal.IsAcknowledged(entry);
            if (IsConditionPresent(slot))
            {
                return acknowledged ? AlarmState.ActiveAcknowledged : AlarmState.Active;
            }

            return acknowledged ? AlarmState.Normal : AlarmState.ClearedUnacknowledged;
        }

        /// <summary>Sequence number of the slot's current (or last) occurrence; 0 if never raised.</summary>
        public int Sequence(AlarmSlot slot) => latestEntries[(int)slot] < 0 ? 0 : journal.SequenceAt(latestEntries[(int)slot]);

        /// <summary>DetectionCause or FaultReason recorded when the slot was raised.</summary>
        public int Code(AlarmSlot slot) => latestEntries[(int)slot] < 0 ? 0 : journal.CodeAt(latestEntries[(int)slot]);

        public long RaisedTimeMs(AlarmSlot slot) => latestEntries[(int)slot] < 0 ? 0 : journal.RaisedTimeMsAt(latestEntries[(int)slot]);

        public long ClearedTimeMs(AlarmSlot slot) => latestEntries[(int)slot] < 0 ? 0 : journal.ClearedTimeMsAt(latestEntries[(int)slot]);

        /// <summary>The reading that went with the raise (Pa, milli-°C, or the channel's value).</summary>
        public int Value(AlarmSlot slot) => latestEntries[(int)slot] < 0 ? 0 : journal.ValueAt(latestEntries[(int)slot]);

        public bool IsConditionPresent(AlarmSlot slot) => (presentMask & (1 << (int)slot)) != 0;

        /// <summary>Latched and waiting for an acknowledgement.</summary>
        public bool IsUnacknowledged(AlarmSlot slot)
        {
            int entry = latestEntries[(int)slot];
            return entry >= 0 && !journal.IsAcknowledged(entry);
        }

        /// <summary>Slots whose latest occurrence waits for an acknowledgement.</summary>
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

        /// <summary>
        /// Feeds the slot's persisted condition for this sample; <paramref name="code"/> and
        /// <paramref name="value"/> are recorded if this raises the alarm.
        /// </summary>
        public void Update(AlarmSlot slot, bool present, int code, int value, long timeMs)
        {
            int index = (int)slot;
            int bit = 1 << index;
            if (present == ((presentMask & bit) != 0))
            {
                return;
            }

            presentMask ^= bit;
            if (present)
            {
                // From Normal, or from ClearedUnacknowledged: the cleared occurrence is closed and
                // stays in the journal for its own acknowledgement; this one needs a new one.
                Raise(slot, code, value, timeMs);
                return;
            }

            journal.RecordCleared(latestEntries[index], timeMs);
            Emit(EventId.AlarmCleared, latestEntries[index], timeMs);
        }

        /// <summary>
        /// Acknowledges the occurrence with this number: a slot's latest one changes that slot's
        /// latch (an ALARM_ACKED event); an older, closed one is only marked delivered.
        /// </summary>
        public AckResult Acknowledge(int alarmSequence, long timeMs)
        {
            int entry = journal.IndexOf(alarmSequence);
            if (entry < 0)
            {
                return AckResult.NotFound;
            }

            if (journal.IsAcknowledged(entry))
            {
                return AckResult.AlreadyAcknowledged;
            }

            journal.RecordAcknowledged(entry);
            if (!journal.IsLatestAt(entry))
            {
                return AckResult.Delivered;
            }

            Emit(EventId.AlarmAcknowledged, entry, timeMs);
            return AckResult.Acknowledged;
        }

        /// <summary>Acknowledges every unacknowledged occurrence; returns how many.</summary>
        public int AcknowledgeAll(long timeMs)
        {
            int acknowledged = 0;

            // Latched slots first, in slot order (their ALARM_ACKED events), then closed occurrences.
            for (int slot = 0; slot < AlarmSlots.Count; slot++)
            {
                int entry = latestEntries[slot];
                if (entry >= 0 && !journal.IsAcknowledged(entry))
                {
                    journal.RecordAcknowledged(entry);
                    Emit(EventId.AlarmAcknowledged, entry, timeMs);
                    acknowledged++;
                }
            }

            for (int entry = 0; entry < AlarmJournal.Capacity; entry++)
            {
                if (journal.IsUsed(entry) && !journal.IsAcknowledged(entry))
                {
                    journal.RecordAcknowledged(entry);
                    acknowledged++;
                }
            }

            return acknowledged;
        }

        /// <summary>All slots normal, the journal empty and alarm numbers from 1 again (a monitor restart).</summary>
        public void Reset()
        {
            Clear();
            lastAlarmSequence = 0;
        }

        /// <summary>All slots normal and the journal empty; alarm numbers go on.</summary>
        public void Clear()
        {
            journal.Clear();
            for (int index = 0; index < AlarmSlots.Count; index++)
            {
                latestEntries[index] = -1;
            }

            presentMask = 0;
        }

        private void Raise(AlarmSlot slot, int code, int value, long timeMs)
        {
            lastAlarmSequence = lastAlarmSequence == int.MaxValue ? 1 : lastAlarmSequence + 1;
            int entry = journal.Record(slot, lastAlarmSequence, code, value, timeMs);
            latestEntries[(int)slot] = entry;
            Emit(EventId.AlarmRaised, entry, timeMs);
        }

        private void Emit(EventId id, int entry, long timeMs)
        {
            AlarmSlot slot = journal.SlotAt(entry);
            events.Enqueue(id, AlarmSlots.SeverityOf(slot), timeMs, AlarmSlots.TypeOf(slot), AlarmSlots.ChannelOf(slot), journal.SequenceAt(entry), journal.CodeAt(entry), journal.ValueAt(entry));
        }
    }
}
