using ThermalMonitor.Core.FixedPoint;

namespace ThermalMonitor.Core.Detection
{
    /// <summary>
    /// Learns how noisy the pressure residual is, at the time scales the leak statistic decides on,
    /// so the threshold follows the loop instead of a configured guess (docs/physics.md §5.10: Hawkins'
    /// self-starting charts; Runger &amp; Willemain's batch means for autocorrelated data).
    /// </summary>
    /// <remarks>
    /// The residual arrives once per decision block. Level j averages 4^j consecutive blocks
    /// (1, 4, 16, 64, 256 blocks); each level keeps a robust scale σ_j of its means: an exponentially
    /// weighted mean absolute deviation from the level's own slow mean, times √(π/2) (consistent for
    /// Gaussian noise), with each deviation clipped at four current σ_j so a glitch moves it by a few
    /// per cent at most. L_j·σ_j² estimates the long-run variance of one block at scale L_j: it equals
    /// σ_0² for white noise and grows with correlation — rows logged at 1 Hz and interpolated, a
    /// coloured transducer, or a thermal-model mismatch that lasts minutes. A statistic that sums N
    /// blocks is governed by the long-run variance at scale N, so a member of the CUSUM bank asks for
    /// the largest L_j·σ_j² up to its own scale (<see cref="EffectiveSigmaQ8"/>).
    /// The caller stops feeding it while a depressurization may be developing (the leak must not be
    /// learned as noise) and calls <see cref="BreakSequence"/> for every block it skips.
    /// Starting values are conservative: until a level has seen <see cref="MatureUpdates"/> means, its
    /// variance is taken as at least the level below's without averaging gain (fully correlated), and
    /// no level is ever below the configured floor.
    ///
    /// Fixed point: means and mean absolute deviations in Q16 Pa (residuals ≤ 2^31 Pa in, clamped so
    /// σ_j ≤ 2^18 Pa); variances in Q16 Pa² (σ in Q8, squared): L_j·σ_j² ≤ 2^8 · 2^52 = 2^60.
    /// EWMA weight 1/(n+1) for the first 64 updates of a level (a plain average), then 2^−6.
    /// </remarks>
    public sealed class ResidualNoise
    {
        public const int Levels = 5;

        /// <summary>Each level averages 2^LevelFanShift means of the level below.</summary>
        public const int LevelFanShift = 2;

        /// <summary>Updates before a level's own estimate replaces the conservative start.</summary>
        public const int MatureUpdates = 8;

        private const int EwmaShift = 6;

        /// <summary>Level 0's peak decays by 2^−14 per block (4.5 h); level j's by 2^−(14 − 2j) per mean.</summary>
        private const int PeakDecayShiftLevel0 = 14;
        private const int ClipSigmas = 4;
        private const long SigmaMaxQ8 = 1L << 26;

        /// <summary>√(π/2) in Q8 (1.2539; exact 1.2533): mean absolute deviation → σ for Gaussian noise.</summary>
        private const long MeanAbsToSigmaQ8 = 321;

        private readonly long[] pendingSumQ16 = new long[Levels];
        private readonly int[] pendingCount = new int[Levels];
        private readonly long[] meanQ16 = new long[Levels];
        private readonly long[] meanAbsDeviationQ16 = new long[Levels];
        private readonly int[] updates = new int[Levels];
        private readonly long[] scaledVarianceQ16 = new long[Levels];
        private readonly long[] peakDeviationQ16 = new long[Levels];

        private long floorVarianceQ16;

        /// <param name="floorSigmaQ8">Smallest σ of one block ever assumed (Q8 Pa, ≥ 1).</param>
        public void Configure(long floorSigmaQ8)
        {
            long floor = FixedMath.Clamp(floorSigmaQ8, 1, SigmaMaxQ8);
            floorVarianceQ16 = floor * floor;
            Reset();
        }

        public void Reset()
        {
            System.Array.Clear(pendingSumQ16, 0, Levels);
            System.Array.Clear(pendingCount, 0, Levels);
            System.Array.Clear(meanQ16, 0, Levels);
            System.Array.Clear(meanAbsDeviationQ16, 0, Levels);
            System.Array.Clear(updates, 0, Levels);
            System.Array.Clear(peakDeviationQ16, 0, Levels);
            RefreshScaledVariances();
        }

        /// <summary>
        /// The largest recent deviation of a level's mean from the level's slow mean (Q8 Pa), decaying
        /// with a time constant of about 4.5 h: the amplitude of a structured, intermittent error (a
        /// thermal-model mismatch at every eclipse entry) that a robust σ deliberately discounts.
        /// </summary>
        public long PeakDeviationQ8(int level) => FixedMath.ShiftRound(peakDeviationQ16[level], 8);

        /// <summary>Updates of level <paramref name="level"/> so far.</summary>
        public int UpdatesAt(int level) => updates[level];

        /// <summary>Robust σ of level <paramref name="level"/>'s means (Q8 Pa); 0 before its first deviation.</summary>
        public long LevelSigmaQ8(int level) => FixedMath.Min(SigmaMaxQ8, FixedMath.ShiftRound(meanAbsDeviationQ16[level] * MeanAbsToSigmaQ8, 16));

        /// <summary>
        /// σ of one block for a statistic that sums up to 4^<paramref name="levelMax"/> blocks: the square
        /// root of the largest L_j·σ_j² for j ≤ levelMax (conservative while a level is young), never
        /// below the floor. Q8 Pa.
        /// </summary>
        public long EffectiveSigmaQ8(int levelMax)
        {
            int top = FixedMath.Clamp(levelMax, 0, Levels - 1);
            long largest = floorVarianceQ16;
            for (int j = 0; j <= top; j++)
            {
                largest = FixedMath.Max(largest, scaledVarianceQ16[j]);
            }

            return FixedMath.SqrtFloor(largest);
        }

        /// <summary>The block sequence is broken (a skipped block): partial averages start over.</summary>
        public void BreakSequence()
        {
            System.Array.Clear(pendingSumQ16, 0, Levels);
            System.Array.Clear(pendingCount, 0, Levels);
        }

        /// <summary>Learns one block's residual (Pa).</summary>
        public void Add(int residualPa)
        {
            long valueQ16 = (long)residualPa << 16;
            for (int level = 0; level < Levels; level++)
            {
                Update(level, valueQ16);
                if (level + 1 == Levels)
                {
                    break;
                }

                pendingSumQ16[level + 1] += valueQ16;
                pendingCount[level + 1]++;
                if (pendingCount[level + 1] < (1 << LevelFanShift))
                {
                    break;
                }

                valueQ16 = FixedMath.ShiftRound(pendingSumQ16[level + 1], LevelFanShift);
                pendingSumQ16[level + 1] = 0;
                pendingCount[level + 1] = 0;
            }

            RefreshScaledVariances();
        }

        private void Update(int level, long valueQ16)
        {
            int n = updates[level];
            if (n == 0)
            {
                meanQ16[level] = valueQ16;
                meanAbsDeviationQ16[level] = 0;
            }
            else
            {
                long deviation = FixedMath.Abs(valueQ16 - meanQ16[level]);

                // Peak envelope: instant rise, exponential decay (2^(14 − 2j) updates of 4^j blocks).
                long decayed = peakDeviationQ16[level] - (peakDeviationQ16[level] >> (PeakDecayShiftLevel0 - (level * LevelFanShift)));
                peakDeviationQ16[level] = FixedMath.Max(decayed, deviation);
                if (n >= MatureUpdates)
                {
                    // Huber: one glitch adds at most four σ to the average.
                    long clipQ16 = ClipSigmas * FixedMath.ShiftRound(meanAbsDeviationQ16[level] * MeanAbsToSigmaQ8, 8);
                    deviation = FixedMath.Min(deviation, FixedMath.Max(clipQ16, 1));
                }

                long weight = n < (1 << EwmaShift) ? n + 1 : 1L << EwmaShift;
                meanAbsDeviationQ16[level] += FixedMath.DivRound(deviation - meanAbsDeviationQ16[level], weight);
                meanQ16[level] += FixedMath.DivRound(valueQ16 - meanQ16[level], weight);
            }

            if (n < int.MaxValue)
            {
                updates[level] = n + 1;
            }
        }

        private void RefreshScaledVariances()
        {
            long below = floorVarianceQ16;
            for (int level = 0; level < Levels; level++)
            {
                long sigmaQ8 = LevelSigmaQ8(level);
                long scaled = (sigmaQ8 * sigmaQ8) << (level * LevelFanShift);
                if (updates[level] < MatureUpdates)
                {
                    // Young level: assume the worst (no gain from averaging correlated blocks).
                    scaled = FixedMath.Max(scaled, below << LevelFanShift);
                }

                scaledVarianceQ16[level] = FixedMath.Max(scaled, floorVarianceQ16);
                below = scaledVarianceQ16[level];
            }
        }
    }
}
