using ThermalMonitor.Core.Acquisition;
using ThermalMonitor.Core.Alarms;

namespace ThermalMonitor.Core.Link
{
    /// <summary>
    /// The alarms the link still owes the host. An alarm enters when it is raised and leaves when
    /// the host acknowledges it; until then it is re-sent (with its clear time, if any), so a lost
    /// line or a pulled cable loses nothing. It is separate from <see cref="AlarmTable"/> because a
    /// slot can be re-raised under a new sequence number before the old one was delivered.
    /// Bounded: when every entry is unacknowledged the oldest is overwritten and counted in
    /// <see cref="OverwrittenUnacknowledged"/> (a host silent for that long is told by STATUS).
    /// </summary>
    public sealed class AlarmJournal
    {
        public const int Capacity = 16;

        private readonly int[] sequences = new int[Capacity];
        private readonly AlarmType[] types = new AlarmType[Capacity];
        private readonly Severity[] severities = new Severity[Capacity];
        private readonly ChannelId[] channels = new ChannelId[Capacity];
        private readonly long[] raisedTimesMs = new long[Capacity];
        private readonly long[] clearedTimesMs = new long[Capacity];
        private readonly bool[] cleared = new bool[Capacity];
        private readonly int[] codes = new int[Capacity];
        private readonly int[] values = new int[Capacity];
        private readonly bool[] acknowledged = new bool[Capacity];
        private readonly bool[] used = new bool[Capacity];

        public int OverwrittenUnacknowledged { get; private set; }

        public int RaisedTotal { get; private set; }

        public void Clear()
        {
            for (int i = 0; i < Capacity; i++)
            {
                used[i] = false;
                sequences[i] = 0;
            }

            OverwrittenUnacknowledged = 0;
            RaisedTotal = 0;
        }

        /// <summary>Records a raised alarm (an ALARM_RAISED event); returns the entry it occupies.</summary>
        public int Record(MonitorEvent raised)
        {
            int index = FreeIndex();
            used[index] = true;
            sequences[index] = raised.AlarmSequence;
            types[index] = raised.AlarmType;
            severities[index] = raised.Severity;
            channels[index] = raised.Channel;
            raisedTimesMs[index] = raised.TimeMs;
            clearedTimesMs[index] = 0;
            cleared[index] = false;
            codes[index] = raised.Code;
            values[index] = raised.Value;
            acknowledged[index] = false;
            RaisedTotal++;
            return index;
        }

        /// <summary>Notes the clear time of a recorded alarm (an ALARM_CLEARED event).</summary>
        public void RecordCleared(int alarmSequence, long timeMs)
        {
            int index = IndexOf(alarmSequence);
            if (index >= 0)
            {
                cleared[index] = true;
                clearedTimesMs[index] = timeMs;
            }
        }

        /// <summary>Marks one alarm delivered and acknowledged; false if it is not in the journal.</summary>
        public bool Acknowledge(int alarmSequence)
        {
            int index = IndexOf(alarmSequence);
            if (index < 0)
            {
                return false;
            }

            acknowledged[index] = true;
            return true;
        }

        public int AcknowledgeAll()
        {
            int count = 0;
            for (int i = 0; i < Capacity; i++)
            {
                if (used[i] && !acknowledged[i])
                {
                    acknowledged[i] = true;
                    count++;
                }
            }

            return count;
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

        /// <summary>Entry positions in raise order are not needed: sequence numbers order them on the host.</summary>
        public bool IsUsed(int index) => used[index];

        public bool IsAcknowledged(int index) => acknowledged[index];

        public int SequenceAt(int index) => sequences[index];

        public AlarmType TypeAt(int index) => types[index];

        public Severity SeverityAt(int index) => severities[index];

        public ChannelId ChannelAt(int index) => channels[index];

        public long RaisedTimeMsAt(int index) => raisedTimesMs[index];

        public bool IsClearedAt(int index) => cleared[index];

        public long ClearedTimeMsAt(int index) => clearedTimesMs[index];

        public int CodeAt(int index) => codes[index];

        public int ValueAt(int index) => values[index];

        private int IndexOf(int alarmSequence)
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

        /// <summary>An unused entry, else the oldest acknowledged one, else the oldest (counted as lost).</summary>
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
