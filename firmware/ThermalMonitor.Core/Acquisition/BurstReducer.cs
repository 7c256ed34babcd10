using ThermalMonitor.Core.FixedPoint;

namespace ThermalMonitor.Core.Acquisition
{
    /// <summary>
    /// Reduces a burst of N raw ADC reads to one value: drop the <c>trimEachSide</c> lowest and
    /// highest reads, average the rest. Outlier bursts up to <c>trimEachSide</c> reads on either side
    /// cannot move the result (docs/physics.md §4.3: ESP32 reads carry occasional 20+ LSB outliers).
    /// </summary>
    /// <remarks>
    /// Outputs (valid after <see cref="Reduce"/> returns true):
    /// <list type="bullet">
    /// <item><see cref="CountsQ8"/>: trimmed mean in Q8 counts (counts · 256, range 0..1048320),
    /// rounded half away from zero. Eight fractional bits keep the resolution oversampling buys and
    /// keep quantisation far below the noise (the fixed-point pipeline tracks its double reference).</item>
    /// <item><see cref="SpreadCounts"/>: max − min of the kept reads (feeds the noisy check).</item>
    /// <item><see cref="RejectedCount"/>: reads further than the outlier band from the burst
    /// median (the lower middle of an even burst) — how many reads the burst would have lost to
    /// outliers (telemetry).</item>
    /// </list>
    /// How: the results need only a few order statistics (the first and last kept read, the median)
    /// and the sums of the trimmed reads, not a sorted burst. A burst's reads lie within a few
    /// σ (3–8 LSB) of each other, so one pass counts them into a histogram of
    /// <see cref="HistogramBins"/> counts centred on the first read, and short walks over its
    /// occupied bins find the order statistics. On the nanoFramework interpreter, which pays for
    /// every IL instruction and array access, this is about 35 instructions per read instead of the
    /// insertion sort's ≈ 7,000 per 32-read burst. A burst with a read further than
    /// <see cref="HistogramBins"/>/2 from its first read (a large outlier, a broken channel) takes
    /// the insertion sort, exactly as before; both give the same results (a property test holds them
    /// to the sort).
    /// </remarks>
    public sealed class BurstReducer
    {
        /// <summary>Histogram width in counts, centred on the burst's first read (bytes: ≤ 64 reads per bin).</summary>
        public const int HistogramBins = 128;

        private const int HistogramCentre = HistogramBins / 2;

        // Scratch only, cleared at the start of every Reduce: the monitor's three reducers run one
        // after the other and share one histogram and one sort buffer (the sort only for bursts too
        // wide for the histogram), which keeps them within the old sort buffers' memory.
        private readonly byte[] binCounts;
        private readonly int[] sortedCounts;

        public BurstReducer()
            : this(new int[Channels.BurstLengthMax], new byte[HistogramBins])
        {
        }

        /// <param name="sortScratch">A buffer of at least <see cref="Channels.BurstLengthMax"/> ints for wide bursts.</param>
        /// <param name="histogramScratch">A buffer of <see cref="HistogramBins"/> bytes.</param>
        /// <remarks>Reducers that never run at the same time may share both buffers.</remarks>
        public BurstReducer(int[] sortScratch, byte[] histogramScratch)
        {
            // Programmer errors, caught at start-up.
            if (sortScratch == null || sortScratch.Length < Channels.BurstLengthMax)
            {
                throw new System.ArgumentException("sort scratch shorter than the longest burst", "sortScratch");
            }

            if (histogramScratch == null || histogramScratch.Length != HistogramBins)
            {
                throw new System.ArgumentException("histogram scratch of the wrong size", "histogramScratch");
            }

            sortedCounts = sortScratch;
            binCounts = histogramScratch;
        }

        // Fields behind the outputs, internal so that the monitor reads them directly: on the
        // nanoFramework interpreter a property access is a method call, three per channel per sample.
        internal int countsQ8;
        internal int spreadCounts;
        internal int rejectedCount;

        public int CountsQ8 => countsQ8;

        public int SpreadCounts => spreadCounts;

        public int RejectedCount => rejectedCount;

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

            // The first read must itself be valid: it places the histogram, and a valid base keeps
            // every subtraction below free of overflow.
            int firstCounts = readsCounts[0];
            if (firstCounts < 0 || firstCounts > Channels.AdcCountsMax)
            {
                return false;
            }

            byte[] bins = binCounts;
            System.Array.Clear(bins, 0, HistogramBins); // native in nanoCLR: one call, not 128 stores
            int baseCounts = firstCounts - HistogramCentre; // bin 0; in −64..4031
            int lowestBin = HistogramCentre;
            int highestBin = HistogramCentre;
            int binSum = 0; // ≤ 64 · 127
            // Two reads per pass: on the interpreter the loop's own instructions are a sixth of the
            // work per read, and one OR checks both reads' bounds (a negative or ≥ HistogramBins
            // bin sets a bit no bin in range has). With baseCounts in −64..4031 no int read wraps
            // into the window, so every binned read is base + bin exactly.
            int i = 0;
            int pairsEnd = count - 1;
            for (; i < pairsEnd; i += 2)
            {
                int readBin = readsCounts[i] - baseCounts;
                int nextBin = readsCounts[i + 1] - baseCounts;
                if ((uint)(readBin | nextBin) >= HistogramBins)
                {
                    return ReduceBySorting(readsCounts, count, trimEachSide, outlierBandCounts);
                }

                bins[readBin]++;
                bins[nextBin]++;
                binSum += readBin + nextBin;
                if (readBin < lowestBin)
                {
                    lowestBin = readBin;
                }
                else if (readBin > highestBin)
                {
                    highestBin = readBin;
                }

                if (nextBin < lowestBin)
                {
                    lowestBin = nextBin;
                }
                else if (nextBin > highestBin)
                {
                    highestBin = nextBin;
                }
            }

            if (i < count)
            {
                // The odd read out.
                int readBin = readsCounts[i] - baseCounts;
                if ((uint)readBin >= HistogramBins)
                {
                    return ReduceBySorting(readsCounts, count, trimEachSide, outlierBandCounts);
                }

                bins[readBin]++;
                binSum += readBin;
                if (readBin < lowestBin)
                {
                    lowestBin = readBin;
                }
                else if (readBin > highestBin)
                {
                    highestBin = readBin;
                }
            }

            // Validation once, on the extremes, instead of two compares per read.
            if (baseCounts + lowestBin < 0 || baseCounts + highestBin > Channels.AdcCountsMax)
            {
                return false;
            }

            // Upwards: the first kept read (rank trimEachSide) and the sum of the trimmed low reads.
            int bin = lowestBin;
            int binReads = bins[bin];
            int below = 0; // reads in bins under `bin`
            int trimmedBinSum = 0;
            while (below + binReads <= trimEachSide)
            {
                below += binReads;
                trimmedBinSum += binReads * bin;
                bin++;
                binReads = bins[bin];
            }

            int firstKeptBin = bin;
            trimmedBinSum += (trimEachSide - below) * bin;

            // On to the median (rank (count − 1) / 2 ≥ trimEachSide): only its count is needed.
            int medianRank = (count - 1) >> 1; // count ≥ 1: a shift is the division
            while (below + binReads <= medianRank)
            {
                below += binReads;
                bin++;
                binReads = bins[bin];
            }

            int medianBin = bin;

            // Downwards: the last kept read (rank count − 1 − trimEachSide) and the trimmed high reads.
            bin = highestBin;
            binReads = bins[bin];
            int above = 0; // reads in bins over `bin`
            while (above + binReads <= trimEachSide)
            {
                above += binReads;
                trimmedBinSum += binReads * bin;
                bin--;
                binReads = bins[bin];
            }

            int lastKeptBin = bin;
            trimmedBinSum += (trimEachSide - above) * bin;

            int keptCount = count - (2 * trimEachSide);
            int sumCounts = binSum - trimmedBinSum + (keptCount * baseCounts); // kept reads, 0..64 · 4095

            // DivRound(sum · 256, keptCount) for a non-negative sum < 2^26: the same rounding in int,
            // one 32-bit division instead of two 64-bit ones and a call.
            countsQ8 = ((sumCounts << 8) + (keptCount >> 1)) / keptCount;
            spreadCounts = lastKeptBin - firstKeptBin;

            // Usually every read is within the band of the median and no bin needs counting.
            bool allWithinBand = medianBin - lowestBin <= outlierBandCounts && highestBin - medianBin <= outlierBandCounts;
            rejectedCount = allWithinBand ? 0 : CountOutsideBand(bins, lowestBin, highestBin, medianBin, outlierBandCounts, count);
            return true;
        }

        /// <summary>Reads more than <paramref name="bandCounts"/> from the median bin; usually no bin is visited.</summary>
        private static int CountOutsideBand(byte[] bins, int lowestBin, int highestBin, int medianBin, int bandCounts, int count)
        {
            if (bandCounts < 0)
            {
                return count; // |x − median| ≥ 0 exceeds any negative band
            }

            if (bandCounts >= HistogramBins)
            {
                return 0; // every read is within HistogramBins − 1 of the median
            }

            int rejected = 0;
            for (int bin = lowestBin; bin < medianBin - bandCounts; bin++)
            {
                rejected += bins[bin];
            }

            for (int bin = highestBin; bin > medianBin + bandCounts; bin--)
            {
                rejected += bins[bin];
            }

            return rejected;
        }

        /// <summary>The original algorithm, for bursts wider than the histogram: insertion sort, then trim.</summary>
        private bool ReduceBySorting(int[] readsCounts, int count, int trimEachSide, int outlierBandCounts)
        {
            for (int i = 0; i < count; i++)
            {
                int value = readsCounts[i];
                if (value < 0 || value > Channels.AdcCountsMax)
                {
                    return false;
                }

                // Insertion sort: shift larger values up, bounded by i (N ≤ 64: at most 2016 moves).
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

            countsQ8 = (int)FixedMath.DivRound((long)sumCounts * 256, keptCount);
            spreadCounts = sortedCounts[keptLast] - sortedCounts[keptFirst];

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

            rejectedCount = rejected;
            return true;
        }
    }
}
