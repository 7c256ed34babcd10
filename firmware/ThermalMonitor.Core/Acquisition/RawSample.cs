using ThermalMonitor.Core.FixedPoint;

namespace ThermalMonitor.Core.Acquisition
{
    /// <summary>
    /// One sampling cycle's raw input: a burst of ADC reads per channel and the time they were
    /// taken. Preallocated once and refilled every cycle by the board layer (ADC), the virtual
    /// board (injected counts) or the simulator, so the sampling path never allocates. A channel
    /// may instead carry its burst already reduced (<see cref="SetReduced"/>: an INJR line, whose
    /// host ran the same <see cref="BurstReducer"/> with the same settings); the monitor then takes
    /// those values instead of reducing reads.
    /// </summary>
    public sealed class RawSample
    {
        internal const int ReducedInts = 3;
        private const int NotReduced = -1;

        // Internal so that the monitor's hot path reads them directly: on the nanoFramework
        // interpreter each accessor call costs as much as a few dozen instructions.
        internal readonly int[][] readsCounts;
        internal readonly int[] readCount;
        internal readonly ReadStatus[] status;

        // Per channel, three ints: the reduced burst's mean Q8 (-1: the channel carries reads, not a
        // reduced burst), spread and rejected reads. One array: the board's memory budget is tight.
        internal readonly int[] reduced;

        public RawSample()
        {
            readsCounts = new int[Channels.Count][];
            readCount = new int[Channels.Count];
            status = new ReadStatus[Channels.Count];
            reduced = new int[ReducedInts * Channels.Count];
            for (int channel = 0; channel < Channels.Count; channel++)
            {
                readsCounts[channel] = new int[Channels.BurstLengthMax];
                status[channel] = ReadStatus.NotRead;
                reduced[ReducedInts * channel] = NotReduced;
            }
        }

        /// <summary>Monotonic time of the cycle in milliseconds (since boot, or profile time in a replay).</summary>
        public long TimestampMs { get; set; }

        /// <summary>The channel's read buffer (length <see cref="Channels.BurstLengthMax"/>); fill, then call <see cref="SetReads"/>.</summary>
        public int[] ReadsCounts(ChannelId channel) => readsCounts[(int)channel];

        public int ReadCount(ChannelId channel) => readCount[(int)channel];

        public ReadStatus Status(ChannelId channel) => status[(int)channel];

        /// <summary>True when the channel carries a reduced burst (<see cref="SetReduced"/>) instead of reads.</summary>
        public bool IsReduced(ChannelId channel) => reduced[ReducedInts * (int)channel] >= 0;

        /// <summary>The reduced burst's trimmed mean, Q8 counts (valid when <see cref="IsReduced"/>).</summary>
        public int ReducedCountsQ8(ChannelId channel) => reduced[ReducedInts * (int)channel];

        /// <summary>The reduced burst's spread of the kept reads, counts (valid when <see cref="IsReduced"/>).</summary>
        public int ReducedSpreadCounts(ChannelId channel) => reduced[(ReducedInts * (int)channel) + 1];

        /// <summary>The reduced burst's reads outside the outlier band (valid when <see cref="IsReduced"/>).</summary>
        public int ReducedRejectedCount(ChannelId channel) => reduced[(ReducedInts * (int)channel) + 2];

        /// <summary>Declares how many reads of the channel's buffer are valid.</summary>
        public void SetReads(ChannelId channel, int count)
        {
            readCount[(int)channel] = FixedMath.Clamp(count, 0, Channels.BurstLengthMax);
            status[(int)channel] = ReadStatus.Ok;
            reduced[ReducedInts * (int)channel] = NotReduced;
        }

        /// <summary>Marks the channel's read as failed with a reason; its counts are then ignored.</summary>
        public void SetFailed(ChannelId channel, ReadStatus reason)
        {
            readCount[(int)channel] = 0;
            status[(int)channel] = reason;
            reduced[ReducedInts * (int)channel] = NotReduced;
        }

        /// <summary>
        /// The channel was read and its burst already reduced, as <see cref="BurstReducer"/> gives
        /// it: trimmed mean in Q8 counts, spread of the kept reads in counts, reads outside the
        /// outlier band. The caller range-checks them (a negative mean is refused here: it would
        /// read as "not reduced"); the read buffer is then ignored.
        /// </summary>
        public void SetReduced(ChannelId channel, int countsQ8, int spreadCounts, int rejectedCount)
        {
            if (countsQ8 < 0)
            {
                throw new System.ArgumentOutOfRangeException("countsQ8");
            }

            int index = (int)channel;
            readCount[index] = 0;
            status[index] = ReadStatus.Ok;
            int at = ReducedInts * index;
            reduced[at] = countsQ8;
            reduced[at + 1] = spreadCounts;
            reduced[at + 2] = rejectedCount;
        }

        /// <summary>Copies all of another sample (used by replay sources and tests).</summary>
        public void CopyFrom(RawSample other)
        {
            TimestampMs = other.TimestampMs;
            for (int channel = 0; channel < Channels.Count; channel++)
            {
                readCount[channel] = other.readCount[channel];
                status[channel] = other.status[channel];
                System.Array.Copy(other.readsCounts[channel], readsCounts[channel], Channels.BurstLengthMax);
            }

            System.Array.Copy(other.reduced, reduced, ReducedInts * Channels.Count);
        }
    }
}
