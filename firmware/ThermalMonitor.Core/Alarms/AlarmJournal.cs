namespace ThermalMonitor.Core.Alarms
{
    /// <summary>
    /// Every alarm occurrence the board still knows of: its number, slot, cause, reading, raise and
    /// clear times, and whether the host has acknowledged it. This is the one place alarm
    /// acknowledgement is kept: <see cref="AlarmTable"/> derives each slot's latch state from its
    /// latest occurrence here, and the link re-sends the unacknowledged entries from here.
    /// An occurrence that cleared and was raised again under a new number stays (no longer its
    /// slot's latest) until it too is acknowledged, so nothing the host has not seen is dropped.
    /// Bounded: the latest occurrence of each slot is never overwritten; when the other entries are
    /// all unacknowledged the oldest is, and is counted in <see cref="OverwrittenUnacknowledged"/>.
    /// </summary>
    public sealed class AlarmJournal
    {
        /// <summary>Room for every slot's latest occurrence plus nine older ones.</summary>
        public const int Capacity = 16;

        private readonly int[] sequences = new int[Capacity];
        private readonly AlarmSlot[] slots = new AlarmSlot[Capacity];
        private readonly long[] raisedTimesMs = new long[Capacity];
        private readonly long[] clearedTimesMs = new long[Capacity];
        private readonly int[] codes = new int[Capacity];
        private readonly int[] values = new int[Capacity];
        private readonly bool[] cleared = new bool[Capacity];
        private readonly bool[] acknowledged = new bool[Capacity];
        private readonly bool[] used = new bool[Capacity];
        private readonly bool[] latest = new bool[Capacity];

        public int OverwrittenUnacknowledged { get; private set; }

        /// <summary>Occurrences recorded since the last <see cref="Clear"/>.</summary>
        public int RaisedTotal { get; private set; }

        public void Clear()
        {
            for (int i = 0; i < Capacity; i++)
            {
                used[i] = false;
                latest[i] = false;
                sequences[i] = 0;
            }

            OverwrittenUnacknowledged = 0;
            RaisedTotal = 0;
        }

        /// <summary>Records a new occurrence, the latest of its slot; returns the entry it occupies.</summary>
        public int Record(AlarmSlot slot, int alarmSequence, int code, int value, long timeMs)
        {
            for (int i = 0; i < Capacity; i++)
            {
                if (used[i] && latest[i] && slots[i] == slot)
                {
                    latest[i] = false;
                }
            }

            int index = FreeIndex();
            used[index] = true;
            latest[index] = true;
            sequences[index] = alarmSequence;
            slots[index] = slot;
            raisedTimesMs[index] = timeMs;
            clearedTimesMs[index] = 0;
            cleared[index] = false;
            codes[index] = code;
            values[index] = value;
            acknowledged[index] = false;
            RaisedTotal++;
            return index;
        }

        public void RecordCleared(int index, long timeMs)
        {
            cleared[index] = true;
            clearedTimesMs[index] = timeMs;
        }

        public void RecordAcknowledged(int index) => acknowledged[index] = true;

        /// <summary>The entry holding that alarm number; -1 if none does.</summary>
        public int IndexOf(int alarmSequence)
        {
            if (alarmSequence <= 0)
            {
                return -1;
            }

            for (int i = 0; i < Capacity; i++)
            {
                if (used[i] && sequences[i] == alarmSequence)
                {
                    return i;
                }
            }

            return -1;
        }

        public int UnacknowledgedCount
        {
            get
            {
                int count = 0;
                for (int i = 0; i < Capacity; i++)
                {
                    if (used[i] && !acknowledged[i])
                    {
                        count++;
                    }
                }

                return count;
            }
        }

        /// <summary>Entry positions carry no order: alarm numbers order the entries.</summary>
        public bool IsUsed(int index) => used[index];

        /// <summary>The newest occurrence of its slot (its latch state is the slot's).</summary>
        public bool IsLatestAt(int index) => latest[index];

        public bool IsAcknowledged(int index) => acknowledged[index];

        public int SequenceAt(int index) => sequences[index];

        public AlarmSlot SlotAt(int index) => slots[index];

        public long RaisedTimeMsAt(int index) => raisedTimesMs[index];

        public bool IsClearedAt(int index) => cleared[index];

        public long ClearedTimeMsAt(int index) => clearedTimesMs[index];

        /// <summary>DetectionCause or FaultReason recorded at the raise.</summary>
        public int CodeAt(int index) => codes[index];

        /// <summary>The reading that went with the raise (Pa, milli-°C, or the channel's value).</summary>
        public int ValueAt(int index) => values[index];

        /// <summary>
        /// An unused entry, else the oldest acknowledged one, else the oldest unacknowledged one
        /// (counted as lost) — never a slot's latest occurrence, whose latch state lives in it.
        /// At most <see cref="AlarmSlots.Count"/> entries are latest, so a candidate always exists.
        /// </summary>
        private int FreeIndex()
        {
            int oldestAcknowledged = -1;
            int oldest = -1;
            for (int i = 0; i < Capacity; i++)
            {
                if (!used[i])
                {
                    return i;
                }

                if (latest[i])
                {
                    continue;
                }

                if (acknowledged[i] && (oldestAcknowledged < 0 || sequences[i] < sequences[oldestAcknowledged]))
                {
                    oldestAcknowledged = i;
                }

                if (oldest < 0 || sequences[i] < sequences[oldest])
                {
                    oldest = i;
                }
            }

            if (oldestAcknowledged >= 0)
            {
                return oldestAcknowledged;
            }

            OverwrittenUnacknowledged++;
            return oldest;
        }
    }
}
