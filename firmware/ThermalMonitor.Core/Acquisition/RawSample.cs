using ThermalMonitor.Core.FixedPoint;

namespace ThermalMonitor.Core.Acquisition
{
    /// <summary>
    /// One sampling cycle's raw input: a burst of ADC reads per channel and the time they were
    /// taken. Preallocated once and refilled every cycle by the board layer (ADC), the virtual
    /// board (injected counts) or the simulator, so the sampling path never allocates.
    /// </summary>
    public sealed class RawSample
    {
        // Internal so that the monitor's hot path reads them directly: on the nanoFramework
        // interpreter each accessor call costs as much as a few dozen instructions.
        internal readonly int[][] readsCounts;
        internal readonly int[] readCount;
        internal readonly ReadStatus[] status;

        public RawSample()
        {
            readsCounts = new int[Channels.Count][];
            readCount = new int[Channels.Count];
            status = new ReadStatus[Channels.Count];
            for (int channel = 0; channel < Channels.Count; channel++)
            {
                readsCounts[channel] = new int[Channels.BurstLengthMax];
                status[channel] = ReadStatus.NotRead;
            }
        }

        /// <summary>Monotonic time of the cycle in milliseconds (since boot, or profile time in a replay).</summary>
        public long TimestampMs { get; set; }

        /// <summary>The channel's read buffer (length <see cref="Channels.BurstLengthMax"/>); fill, then call <see cref="SetReads"/>.</summary>
        public int[] ReadsCounts(ChannelId channel) => readsCounts[(int)channel];

        public int ReadCount(ChannelId channel) => readCount[(int)channel];

        public ReadStatus Status(ChannelId channel) => status[(int)channel];

        /// <summary>Declares how many reads of the channel's buffer are valid.</summary>
        public void SetReads(ChannelId channel, int count)
        {
            readCount[(int)channel] = FixedMath.Clamp(count, 0, Channels.BurstLengthMax);
            status[(int)channel] = ReadStatus.Ok;
        }

        /// <summary>Marks the channel's read as failed with a reason; its counts are then ignored.</summary>
        public void SetFailed(ChannelId channel, ReadStatus reason)
        {
            readCount[(int)channel] = 0;
            status[(int)channel] = reason;
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
        }
    }
}
