using ThermalMonitor.Core.FixedPoint;

namespace ThermalMonitor.Core.Acquisition
{
    /// <summary>
    /// Reduces a burst of N raw ADC reads to one value: sort (insertion sort into a preallocated
    /// scratch buffer, N ≤ 64 so at most 2016 moves), drop the <c>trimEachSide</c> lowest and
    /// highest reads, average the rest. Outlier bursts up to <c>trimEachSide</c> reads on either side
    /// cannot move the result (DOMAIN.md §4.3: ESP32 reads carry occasional 20+ LSB outliers).
    /// </summary>
    /// <remarks>
    /// Outputs (valid after <see cref="Reduce"/> returns true):
    /// <list type="bullet">
    /// <item><see cref="CountsQ8"/>: trimmed mean in Q8 counts (counts · 256, range 0..1048320),
    /// rounded half away from zero. Eight fractional bits keep the resolution oversampling buys and
    /// keep quantisation far below the noise (the fixed-point pipeline tracks its double reference).</item>
    /// <item><see cref="SpreadCounts"/>: max − min of the kept reads (feeds the noisy check).</item>
    /// <item><see cref="RejectedCount"/>: reads further than the outlier band from the burst
    /// median — how many reads the burst would have lost to outliers (telemetry).</item>
    /// </list>
    /// </remarks>
    public sealed class BurstReducer
    {
        private readonly int[] sortedCounts = new int[Channels.BurstLengthMax];

        public int CountsQ8 { get; private set; }

        public int SpreadCounts { get; private set; }

        public int RejectedCount { get; private set; }

        /// <summary>
        /// Reduces <paramref name="count"/> reads. Returns false (outputs unchanged) when the burst
        /// is empty, too short for the trim, or holds a value outside 0..4095 — a bad read is a
        /// fault, never a number.
        /// </summary>
        public bool Reduce(int[] readsCounts, int count, int trimEachSide, int outlierBandCounts)
        {
            if (count <= 2 * trimEachSide || count > Channels.BurstLengthMax || trimEachSide < 0)
            {
                return false;
            }

            for (int i = 0; i < count; i++)
            {
                int value = readsCounts[i];
                if (value < 0 || value > Channels.AdcCountsMax)
                {
                    return false;
                }

                // Insertion sort: shift larger values up, bounded by i.
                int j = i - 1;
                while (j >= 0 && sortedCounts[j] > value)
                {
                    sortedCounts[j + 1] = sortedCounts[j];
                    j--;
                }

                sortedCounts[j + 1] = value;
            }

            int keptFirst = trimEachSide;
            int keptLast = count - 1 - trimEachSide;
            int keptCount = keptLast - keptFirst + 1;
            int sumCounts = 0; // ≤ 64 · 4095 < 2^18: no overflow
            for (int i = keptFirst; i <= keptLast; i++)
            {
                sumCounts += sortedCounts[i];
            }

            CountsQ8 = (int)FixedMath.DivRound((long)sumCounts * 256, keptCount);
            SpreadCounts = sortedCounts[keptLast] - sortedCounts[keptFirst];

            // Median of an even burst: the lower middle; only used to count outliers.
            int medianCounts = sortedCounts[(count - 1) / 2];
            int rejected = 0;
            for (int i = 0; i < count; i++)
            {
                if (FixedMath.Abs(sortedCounts[i] - medianCounts) > outlierBandCounts)
                {
                    rejected++;
                }
            }

            RejectedCount = rejected;
            return true;
        }
    }
}
