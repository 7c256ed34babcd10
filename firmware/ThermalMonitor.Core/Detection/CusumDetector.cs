using ThermalMonitor.Core.FixedPoint;

namespace ThermalMonitor.Core.Detection
{
    /// <summary>
    /// Page's one-sided CUSUM for a downward shift of the pressure residual (DOMAIN.md §5.2), in
    /// the integer form S = max(0, S + (−r − k)) with reference k = δ/2 and threshold
    /// H = ln(ARL0) · σ² / δ (all Pa), ARL0 = configured false-alarm interval in samples.
    /// </summary>
    /// <remarks>
    /// Robustness: the residual is clipped to ±clip before use (a one-sample glitch adds at most
    /// clip − k; Huber-style), S saturates at 2H so it forgets a transient quickly, and the alarm is
    /// confirmed with hysteresis: once S reaches H, the alarm is raised when S has stayed above
    /// H · clear% for the persistence time and is at or above H again at its end — a leak holds S at
    /// the top, a transient lets it fall away. It clears once S has stayed at or below H · clear% for
    /// the clear time. (Requiring S ≥ H on every sample of the persistence would restart the count on
    /// every dip of a noisy statistic and make the raise time hypersensitive.)
    /// Fixed point: S, k, H in Q8 Pa (×256); H ≤ 2^31 · 256 by validation.
    /// </remarks>
    public sealed class CusumDetector
    {
        private long referenceQ8;
        private long thresholdQ8;
        private long clearLevelQ8;
        private long statisticMaxQ8;
        private int clipPa;
        private int raiseSamples = 1;
        private int clearSamples = 1;
        private int pendingSamples;
        private int clearingSamples;

        public long StatisticQ8 { get; private set; }

        public long ThresholdQ8 => thresholdQ8;

        /// <summary>S/H in per-mille (telemetry and the learning freeze).</summary>
        public int StatisticPermille => thresholdQ8 <= 0 ? 0 : (int)FixedMath.DivRound(StatisticQ8 * 1000, thresholdQ8);

        public bool IsActive { get; private set; }

        public void Configure(long referenceQ8, long thresholdQ8, int clearPercent, int clipPa, int raiseSamples, int clearSamples)
        {
            this.referenceQ8 = referenceQ8;
            this.thresholdQ8 = thresholdQ8;
            clearLevelQ8 = FixedMath.DivRound(thresholdQ8 * clearPercent, 100);
            statisticMaxQ8 = 2 * thresholdQ8;
            this.clipPa = clipPa;
            this.raiseSamples = raiseSamples < 1 ? 1 : raiseSamples;
            this.clearSamples = clearSamples < 1 ? 1 : clearSamples;
            Reset();
        }

        public void Reset()
        {
            StatisticQ8 = 0;
            IsActive = false;
            pendingSamples = 0;
            clearingSamples = 0;
        }

        public bool Update(int residualPa)
        {
            long clippedQ8 = (long)FixedMath.Clamp(residualPa, -clipPa, clipPa) << 8;
            StatisticQ8 = FixedMath.Clamp(StatisticQ8 - clippedQ8 - referenceQ8, 0, statisticMaxQ8);
            if (IsActive)
            {
                clearingSamples = StatisticQ8 <= clearLevelQ8 ? clearingSamples + 1 : 0;
                if (clearingSamples >= clearSamples)
                {
                    IsActive = false;
                    clearingSamples = 0;
                }

                return IsActive;
            }

            bool confirming = pendingSamples > 0 ? StatisticQ8 > clearLevelQ8 : StatisticQ8 >= thresholdQ8;
            pendingSamples = confirming ? FixedMath.Min(pendingSamples + 1, raiseSamples) : 0;
            if (pendingSamples >= raiseSamples && StatisticQ8 >= thresholdQ8)
            {
                IsActive = true;
                pendingSamples = 0;
            }

            return IsActive;
        }
    }
}
