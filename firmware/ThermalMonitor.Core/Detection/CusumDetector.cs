using ThermalMonitor.Core.FixedPoint;

namespace ThermalMonitor.Core.Detection
{
    /// <summary>
    /// Page's one-sided CUSUM for a downward shift of the pressure residual (DOMAIN.md §5.2), in
    /// the integer form S = max(0, S + (−r − k)) with reference k = δ/2 and threshold
    /// H = ln(ARL0) · σ² / δ (all centi-kPa), ARL0 = configured false-alarm interval in samples.
    /// </summary>
    /// <remarks>
    /// Robustness: the residual is clipped to ±clip before use (a one-sample glitch adds at most
    /// clip − k; Huber-style), S saturates at 2H so it forgets a transient quickly, and the alarm
    /// needs S ≥ H for a persistence time and clears once S ≤ H · clear% for the clear time.
    /// Fixed point: S, k, H in Q8 centi-kPa (×256); H ≤ 2^31 · 256 by validation.
    /// </remarks>
    public sealed class CusumDetector
    {
        private readonly PersistentCondition condition = new PersistentCondition();
        private long referenceQ8;
        private long thresholdQ8;
        private long clearLevelQ8;
        private long statisticMaxQ8;
        private int clipCentiKpa;

        public long StatisticQ8 { get; private set; }

        public long ThresholdQ8 => thresholdQ8;

        /// <summary>S/H in per-mille (telemetry and the learning freeze).</summary>
        public int StatisticPermille => thresholdQ8 <= 0 ? 0 : (int)FixedMath.DivRound(StatisticQ8 * 1000, thresholdQ8);

        public bool IsActive => condition.IsActive;

        public void Configure(long referenceQ8, long thresholdQ8, int clearPercent, int clipCentiKpa, int raiseSamples, int clearSamples)
        {
            this.referenceQ8 = referenceQ8;
            this.thresholdQ8 = thresholdQ8;
            clearLevelQ8 = FixedMath.DivRound(thresholdQ8 * clearPercent, 100);
            statisticMaxQ8 = 2 * thresholdQ8;
            this.clipCentiKpa = clipCentiKpa;
            condition.Configure(raiseSamples, clearSamples);
            Reset();
        }

        public void Reset()
        {
            StatisticQ8 = 0;
            condition.Reset();
        }

        public bool Update(int residualCentiKpa)
        {
            long clippedQ8 = (long)FixedMath.Clamp(residualCentiKpa, -clipCentiKpa, clipCentiKpa) << 8;
            StatisticQ8 = FixedMath.Clamp(StatisticQ8 - clippedQ8 - referenceQ8, 0, statisticMaxQ8);
            bool present = condition.IsActive ? StatisticQ8 > clearLevelQ8 : StatisticQ8 >= thresholdQ8;
            return condition.Update(present);
        }
    }
}
