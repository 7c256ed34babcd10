using ThermalMonitor.Core.FixedPoint;

namespace ThermalMonitor.Core.Detection
{
    /// <summary>
    /// The slow path's statistic: a bank of Page CUSUMs for a downward shift of the residual, each
    /// tuned to a different shift δ_i (halving from the largest), so that a leak of any size meets a
    /// member tuned near it (docs/physics.md §5.10: a small bank with geometrically spaced δ comes within a
    /// small factor of the information bound over a wide range of sizes; Detection/README.md has the
    /// math). Integer form per member: S_i = clamp(S_i − clip_i(r) − k_i, 0, 2H_i), k_i = δ_i/2,
    /// H_i = h·σ²/δ_i, h = ln(ARL0 · members) (a false alarm of any member is a false alarm).
    /// </summary>
    /// <remarks>
    /// Two ways to set σ and δ (parameter <c>noiseAdaptive</c>):
    /// <list type="bullet">
    /// <item>fixed: σ = residualSigmaPa, δ_i = cusumShiftPa / 2^i, residuals clipped to ±clip_i with
    /// clip_0 = cusumClipPa and every member allowed the same excess clip_i − k_i. One member is the
    /// v1 detector, computed exactly as v1 computed it.</item>
    /// <item>adaptive: every block, member i takes σ_i from <see cref="ResidualNoise"/> at the time
    /// scale it sums over (its step-detection delay 2h/m_i² blocks, halved, at least 16 blocks), and
    /// keeps the configured ratios: δ_i = m_i·σ_i with m_0 = cusumShiftPa / residualSigmaPa,
    /// clip_i = k_i + c·σ_i with c = (cusumClipPa − cusumShiftPa/2) / residualSigmaPa.</item>
    /// </list>
    /// Confirmation with hysteresis, per member (one member is v1's rule): once S_i reaches H_i,
    /// the alarm is raised when S_i has stayed above its clear level for the persistence and is at
    /// or above H_i again at the end; it clears once every member has stayed at or below its clear
    /// level for the clear time. Growth check (parameter <c>cusumGrowthCheck</c>): a member's
    /// persistence becomes max(persistence, D_i/4) blocks, D_i = 2h/m_i² its step-detection delay,
    /// and it may raise only while its drop is still developing — the clipped increments since it
    /// reached H_i sum to at least zero. A leak keeps taking pressure away; a pump transient or a
    /// glitch that has passed leaves a statistic that is high but falling by about k_i per block.
    /// Fixed point: S, k, H, clip in Q8 Pa (long), residuals in whole Pa; m_i and c in Q8; h in Q16.
    /// Adaptive constants: k ≤ 2^8·2^26 / 2, H = h·σ/m ≤ 2^21·2^26 / 2^8 per division — far inside a long.
    /// </remarks>
    public sealed class CusumBank
    {
        public const int MembersMax = 8;

        /// <summary>Longest growth window (blocks); sizes the residual ring.</summary>
        public const int GrowthWindowMax = 256;

        /// <summary>k is at least 1.25 times the recent peak deviation one level above the member's scale (Q8).</summary>
        public const long PeakMarginQ8 = 320;

        /// <summary>The shortest time scale whose noise a member uses (blocks): longer than logged-row spacing.</summary>
        public const int NoiseScaleMinBlocks = 16;

        private readonly long[] statisticQ8 = new long[MembersMax];
        private readonly long[] referenceQ8 = new long[MembersMax];
        private readonly long[] thresholdQ8 = new long[MembersMax];
        private readonly long[] clearLevelQ8 = new long[MembersMax];
        private readonly long[] clipQ8 = new long[MembersMax];
        private readonly long[] shiftRatioQ8 = new long[MembersMax];
        private readonly int[] noiseLevel = new int[MembersMax];
        private readonly int[] raiseBlocksOf = new int[MembersMax];
        private readonly int[] pendingBlocks = new int[MembersMax];
        private readonly int[] residualRingPa = new int[GrowthWindowMax];

        private int members = 1;
        private bool adaptive;
        private bool growthCheck;
        private long logThresholdQ16;
        private long clipExcessRatioQ8;
        private int clearPercent;
        private int raiseBlocks = 1;
        private int clearBlocks = 1;
        private int clearingBlocks;
        private int ringNewest = -1;
        private int ringFilled;
        // Internal: the monitor reads both every sample (a property read is a call on the interpreter).
        internal int statisticPermille;
        internal bool withinBounds = true;

        public bool IsActive => active;

        // Internal: the detector reads it every sample (a property read is a call on the interpreter).
        internal bool active;

        public int Members => members;

        /// <summary>S_i (Q8 Pa).</summary>
        public long StatisticQ8(int member) => statisticQ8[member];

        /// <summary>H_i in force (Q8 Pa).</summary>
        public long ThresholdQ8(int member) => thresholdQ8[member];

        /// <summary>k_i in force (Q8 Pa).</summary>
        public long ReferenceQ8(int member) => referenceQ8[member];

        /// <summary>The largest S_i/H_i in per-mille (telemetry and the learning freeze).</summary>
        /// <remarks>
        /// S and H change only when a block is decided (<see cref="Update"/>) or the bank is reset or
        /// configured, but the telemetry and the invariant check read these every sample: they are
        /// computed there, once (five long divisions and two loops fewer per sample on the interpreter).
        /// </remarks>
        public int StatisticPermille => statisticPermille;

        /// <summary>Every member inside [0, 2H_i] (an invariant the monitor checks).</summary>
        public bool WithinBounds => withinBounds;

        /// <summary>
        /// Fixed noise: σ = <paramref name="sigmaPa"/>, member i tuned to <paramref name="shiftPa"/>/2^i.
        /// </summary>
        public void ConfigureFixed(int memberCount, long logThresholdQ16, int sigmaPa, int shiftPa, int clipPa, int clearPercent, int raiseBlocks, int clearBlocks, bool growthCheck)
        {
            ConfigureCommon(memberCount, logThresholdQ16, clearPercent, raiseBlocks, clearBlocks, growthCheck);
            adaptive = false;
            long sigma = sigmaPa;
            for (int i = 0; i < members; i++)
            {
                // δ_i = shift/2^i: k_i = shift·128/2^i (Q8), H_i = h·σ²/δ_i = H_0·2^i (H_0 exactly as v1 computed it).
                referenceQ8[i] = ((long)shiftPa * 128) >> i;
                thresholdQ8[i] = i == 0 ? FixedMath.DivRound(logThresholdQ16 * sigma * sigma, (long)shiftPa * 256) : thresholdQ8[0] << i;
                clipQ8[i] = ((long)clipPa << 8) - (referenceQ8[0] - referenceQ8[i]);
                SetDerivedLevels(i);
                raiseBlocksOf[i] = MemberPersistence(DelayBlocks(logThresholdQ16, FixedMath.DivRound((long)shiftPa * 256, sigma << i)));
            }

            Reset();
        }

        /// <summary>
        /// Noise learned online: member i keeps δ_i/σ = (<paramref name="shiftPa"/>/<paramref name="sigmaPa"/>)/2^i
        /// and clip_i − k_i = σ·(<paramref name="clipPa"/> − <paramref name="shiftPa"/>/2)/<paramref name="sigmaPa"/>,
        /// with σ from the noise estimator at the member's time scale.
        /// </summary>
        public void ConfigureAdaptive(int memberCount, long logThresholdQ16, int sigmaPa, int shiftPa, int clipPa, int clearPercent, int raiseBlocks, int clearBlocks, bool growthCheck)
        {
            ConfigureCommon(memberCount, logThresholdQ16, clearPercent, raiseBlocks, clearBlocks, growthCheck);
            adaptive = true;
            clipExcessRatioQ8 = FixedMath.DivRound(((long)clipPa * 256) - ((long)shiftPa * 128), sigmaPa);
            for (int i = 0; i < members; i++)
            {
                shiftRatioQ8[i] = FixedMath.Max(1, FixedMath.DivRound((long)shiftPa * 256, (long)sigmaPa << i));
                long delayBlocks = DelayBlocks(logThresholdQ16, shiftRatioQ8[i]);
                raiseBlocksOf[i] = MemberPersistence(delayBlocks);
                noiseLevel[i] = NoiseLevelFor(delayBlocks);
                referenceQ8[i] = 0;
                thresholdQ8[i] = 0;
                clipQ8[i] = 0;
                clearLevelQ8[i] = 0;
            }

            Reset();
        }

        /// <summary>The noise level (<see cref="ResidualNoise"/>) member <paramref name="member"/> reads.</summary>
        public int NoiseLevelOf(int member) => noiseLevel[member];

        public void Reset()
        {
            System.Array.Clear(statisticQ8, 0, MembersMax);
            System.Array.Clear(residualRingPa, 0, GrowthWindowMax);
            ringNewest = -1;
            ringFilled = 0;
            active = false;
            System.Array.Clear(pendingBlocks, 0, MembersMax);
            clearingBlocks = 0;
            RefreshSummary();
        }

        /// <summary>
        /// One block's residual (Pa). In adaptive mode <paramref name="noise"/> sets this block's σ per
        /// member first. Returns whether the alarm condition is active.
        /// </summary>
        public bool Update(int residualPa, ResidualNoise noise)
        {
            if (adaptive)
            {
                ApplyNoise(noise);
            }

            RememberResidual(residualPa);
            long residualQ8 = (long)residualPa << 8;
            for (int i = 0; i < members; i++)
            {
                long clipped = FixedMath.Clamp(residualQ8, -clipQ8[i], clipQ8[i]);
                statisticQ8[i] = FixedMath.Clamp(statisticQ8[i] - clipped - referenceQ8[i], 0, 2 * thresholdQ8[i]);
            }

            RefreshSummary();
            if (active)
            {
                clearingBlocks = AllAtOrBelowClearLevel() ? clearingBlocks + 1 : 0;
                if (clearingBlocks >= clearBlocks)
                {
                    active = false;
                    clearingBlocks = 0;
                }

                return active;
            }

            bool raise = false;
            for (int i = 0; i < members; i++)
            {
                // Each member confirms on its own: from the block it reaches H, for its persistence,
                // staying above its clear level, and at or above H at the end.
                bool confirming = pendingBlocks[i] > 0 ? statisticQ8[i] > clearLevelQ8[i] : statisticQ8[i] >= thresholdQ8[i];
                pendingBlocks[i] = confirming ? FixedMath.Min(pendingBlocks[i] + 1, raiseBlocksOf[i]) : 0;
                raise |= pendingBlocks[i] >= raiseBlocksOf[i] && statisticQ8[i] >= thresholdQ8[i] && (!growthCheck || IsGrowing(i));
            }

            if (raise)
            {
                active = true;
                System.Array.Clear(pendingBlocks, 0, MembersMax);
            }

            return active;
        }

        /// <summary>Recomputes <see cref="StatisticPermille"/> and <see cref="WithinBounds"/> after S or H changed.</summary>
        private void RefreshSummary()
        {
            long largest = 0;
            bool bounded = true;
            for (int i = 0; i < members; i++)
            {
                if (thresholdQ8[i] > 0)
                {
                    largest = FixedMath.Max(largest, FixedMath.DivRound(statisticQ8[i] * 1000, thresholdQ8[i]));
                }

                if (statisticQ8[i] < 0 || statisticQ8[i] > 2 * thresholdQ8[i])
                {
                    bounded = false;
                }
            }

            statisticPermille = FixedMath.SaturateToInt(largest);
            withinBounds = bounded;
        }

        private void ConfigureCommon(int memberCount, long logThresholdQ16, int clearPercent, int raiseBlocks, int clearBlocks, bool growthCheck)
        {
            members = FixedMath.Clamp(memberCount, 1, MembersMax);
            this.logThresholdQ16 = logThresholdQ16;
            this.clearPercent = clearPercent;
            this.raiseBlocks = raiseBlocks < 1 ? 1 : raiseBlocks;
            this.clearBlocks = clearBlocks < 1 ? 1 : clearBlocks;
            this.growthCheck = growthCheck;
        }

        private void SetDerivedLevels(int i)
        {
            clearLevelQ8[i] = FixedMath.DivRound(thresholdQ8[i] * clearPercent, 100);
        }

        /// <summary>Step-detection delay 2h/m² in blocks for a member with shift ratio m (Q8): 2·hQ16/mQ8².</summary>
        private static long DelayBlocks(long logThresholdQ16, long shiftRatioQ8)
        {
            long ratio = FixedMath.Max(1, shiftRatioQ8);
            return FixedMath.DivRound(2 * logThresholdQ16, ratio * ratio);
        }

        /// <summary>
        /// With the growth check, a member confirms for max(persistence, delay/4) blocks: long enough
        /// that the drop seen after it reached H tells a developing leak from a transient that has
        /// passed (its time scale is its step-detection delay). Without it, the configured persistence
        /// (v1).
        /// </summary>
        private int MemberPersistence(long delayBlocks) =>
            growthCheck ? (int)FixedMath.Clamp(FixedMath.Max(raiseBlocks, delayBlocks / 4), 1, GrowthWindowMax) : raiseBlocks;

        /// <summary>Largest level j with 4^j ≤ max(16, delay/2).</summary>
        private static int NoiseLevelFor(long delayBlocks)
        {
            long scale = FixedMath.Max(NoiseScaleMinBlocks, delayBlocks / 2);
            int level = 0;
            while (level + 1 < ResidualNoise.Levels && (1L << ((level + 1) * ResidualNoise.LevelFanShift)) <= scale)
            {
                level++;
            }

            return level;
        }

        private void ApplyNoise(ResidualNoise noise)
        {
            for (int i = 0; i < members; i++)
            {
                long sigmaQ8 = noise.EffectiveSigmaQ8(noiseLevel[i]);
                long ratioQ8 = shiftRatioQ8[i];
                long reference = FixedMath.DivRound(sigmaQ8 * ratioQ8, 512);

                // A member must not react to what the loop does every orbit: a deviation as large as
                // the recent peak one level above its own scale (an eclipse-entry mismatch of a lagging
                // sensor) is nominal. For white noise that peak is below k already.
                int peakLevel = FixedMath.Min(noiseLevel[i] + 1, ResidualNoise.Levels - 1);
                long peakFloor = FixedMath.DivRound(noise.PeakDeviationQ8(peakLevel) * PeakMarginQ8, 256);
                if (peakFloor > reference)
                {
                    reference = peakFloor;
                }

                // H = h·σ²/δ with δ = 2k (= h·σ/m while k is not floored).
                referenceQ8[i] = reference;
                long sigmaSquaredOverShift = FixedMath.DivRound(sigmaQ8 * sigmaQ8, 2 * FixedMath.Max(1, reference));
                thresholdQ8[i] = FixedMath.Max(1, FixedMath.DivRound(logThresholdQ16 * sigmaSquaredOverShift, 1L << 16));
                clipQ8[i] = referenceQ8[i] + FixedMath.DivRound(clipExcessRatioQ8 * sigmaQ8, 256);
                SetDerivedLevels(i);
            }
        }

        private void RememberResidual(int residualPa)
        {
            ringNewest = ringNewest + 1 >= GrowthWindowMax ? 0 : ringNewest + 1;
            residualRingPa[ringNewest] = residualPa;
            if (ringFilled < GrowthWindowMax)
            {
                ringFilled++;
            }
        }

        private bool AnyAboveClearLevel()
        {
            for (int i = 0; i < members; i++)
            {
                if (statisticQ8[i] > clearLevelQ8[i])
                {
                    return true;
                }
            }

            return false;
        }

        private bool AllAtOrBelowClearLevel() => !AnyAboveClearLevel();

        /// <summary>
        /// Σ over the blocks since the member reached H (all but the first) of (−clip(r) − k) ≥ 0: its
        /// drop is still developing. A transient that has passed leaves increments of about −k.
        /// </summary>
        private bool IsGrowing(int member)
        {
            int window = FixedMath.Min(FixedMath.Max(1, pendingBlocks[member] - 1), ringFilled);
            long sumQ8 = 0;
            int index = ringNewest;
            for (int n = 0; n < window; n++)
            {
                long clipped = FixedMath.Clamp((long)residualRingPa[index] << 8, -clipQ8[member], clipQ8[member]);
                sumQ8 += -clipped - referenceQ8[member];
                index = index == 0 ? GrowthWindowMax - 1 : index - 1;
            }

            return sumQ8 >= 0;
        }
    }
}
