using ThermalMonitor.Core.FixedPoint;

namespace ThermalMonitor.Core.Detection
{
    /// <summary>
    /// The loop's own pressure–temperature relation, learned online, so the orbital thermal cycle
    /// can be subtracted before the leak statistic (DOMAIN.md §5.7).
    /// </summary>
    /// <remarks>
    /// Physics: the gas in the accumulator obeys P·V_g = const (isothermal, DOMAIN.md §3.3) and the
    /// gas volume shrinks linearly as the liquid expands, V_g = V_g0 + V_lost − β·V_L·(T − T0)
    /// (§3.4). So 1/P is linear in coolant temperature — and in lost volume. The model regresses
    /// y = 2^40 / P on T with exponentially weighted moments (time constant 2^shift samples) and
    /// predicts P̂ = 2^40 / (ȳ + slope·(T − T̄)); the residual P − P̂ is what a leak moves.
    ///
    /// Fixed point (all long):
    /// <list type="bullet">
    /// <item>y: 2^40/P_Pa, P ≥ 30 kPa (the smallest modelPressureMinPa) ⇒ y ≤ 3.7e7; at 250 kPa one Pa
    /// is ≈ 17.6 units of y.</item>
    /// <item>Mean accumulators hold mean · 2^(shift+8): acc += x·2^8 − round(acc / 2^shift). The 8
    /// extra bits matter: rounding in mean units would let T̄ sit up to 0.5 milli-°C off, a 2 Pa
    /// bias in the prediction that the CUSUM would integrate. Bounds with the shift capped at 20
    /// (ConfigValidator): temperature ≤ 2e5 · 2^28, y ≤ 3.7e7 · 2^28 ≈ 1e16.</item>
    /// <item>Variance/covariance accumulators hold value · 2^shift, fed with deviations rounded to
    /// whole units (they only set the slope, a ratio): variance ≤ (2e5)² · 2^20 ≈ 4.2e16,
    /// covariance ≤ 2e5 · 3.7e7 · 2^20 ≈ 7.7e18 &lt; 2^63 ≈ 9.2e18.</item>
    /// <item>slope: y units per milli-°C in Q16 (cov / var), refreshed only while the temperature
    /// variance exceeds its floor (in high-beta seasons there is no swing to learn from, so the last
    /// slope is kept).</item>
    /// <item>The prediction is trusted only for temperatures the model has learned from: within three
    /// standard deviations of the learned temperature spread, or twice the minimum swing, of the mean
    /// (compared squared, no square root). An unlearned or barely learned relation is never
    /// extrapolated: a loop that leaves a high-beta season reads its first, ever larger eclipse swings
    /// as new territory, not as a leak — otherwise the learning freeze would lock the error in.</item>
    /// </list>
    /// </remarks>
    public sealed class ThermalModel
    {
        public const long InverseScale = 1L << 40;

        /// <summary>Extra fractional bits of the mean accumulators.</summary>
        private const int MeanFractionBits = 8;

        private int shift = 16;
        private int warmupSamples;
        private long tempVarianceMinMilliC2;
        private long trustedDeviationMinMilliC2;
        private bool slopeLearned;

        private long meanTempAcc;
        private long meanInverseAcc;
        private long tempVarianceAcc;
        private long covarianceAcc;
        private long slopeQ16;
        private int updateCount;

        public void Configure(int shift, int warmupSamples, int tempSwingMinMilliC)
        {
            this.shift = shift;
            this.warmupSamples = warmupSamples;
            tempVarianceMinMilliC2 = (long)tempSwingMinMilliC * tempSwingMinMilliC;
            trustedDeviationMinMilliC2 = 4L * tempSwingMinMilliC * tempSwingMinMilliC;
            Reset();
        }

        public void Reset()
        {
            meanTempAcc = 0;
            meanInverseAcc = 0;
            tempVarianceAcc = 0;
            covarianceAcc = 0;
            slopeQ16 = 0;
            slopeLearned = false;
            updateCount = 0;
        }

        /// <summary>At least one sample learned: a prediction exists.</summary>
        public bool HasPrediction => updateCount > 0;

        /// <summary>Warm-up over: residuals are trusted by the leak statistic.</summary>
        public bool IsReady => updateCount >= warmupSamples && updateCount > 0;

        public int UpdateCount => updateCount;

        /// <summary>A slope has been learned from a real thermal swing at least once.</summary>
        public bool SlopeLearned => slopeLearned;

        /// <summary>
        /// Whether the prediction at this temperature can be trusted: (T − T̄)² ≤ max(9·var, (2·swing)²),
        /// i.e. inside the temperatures the model has learned from. Deviation ≤ 2e5 keeps its square
        /// below 2^36.
        /// </summary>
        public bool CanPredict(int tempMilliC)
        {
            long deviation = (long)tempMilliC - FixedMath.ShiftRound(meanTempAcc, shift + MeanFractionBits);
            long deviationSquared = deviation * deviation;
            return deviationSquared <= trustedDeviationMinMilliC2
                || deviationSquared <= 9 * FixedMath.ShiftRound(tempVarianceAcc, shift);
        }

        /// <summary>Learned d(2^40/P)/dT in Q16 per milli-°C (telemetry; negative for a normal loop).</summary>
        public long SlopeQ16 => slopeQ16;

        public int MeanTempMilliC => (int)FixedMath.ShiftRound(meanTempAcc, shift + MeanFractionBits);

        /// <summary>Predicted pressure in Pa at this coolant temperature, saturated.</summary>
        public int PredictPa(int tempMilliC)
        {
            long meanTempQ8 = FixedMath.ShiftRound(meanTempAcc, shift);
            long meanInverse = FixedMath.ShiftRound(meanInverseAcc, shift + MeanFractionBits);
            long tempDeviationQ8 = ((long)tempMilliC << MeanFractionBits) - meanTempQ8;
            long predictedInverse = meanInverse + FixedMath.ShiftRound(slopeQ16 * tempDeviationQ8, 16 + MeanFractionBits);
            if (predictedInverse <= 0)
            {
                return int.MaxValue;
            }

            return FixedMath.SaturateToInt(FixedMath.DivRound(InverseScale, predictedInverse));
        }

        /// <summary>Learns one (pressure, temperature) pair. Pressure must be ≥ the model floor (caller checks).</summary>
        public void Learn(int pressurePa, int tempMilliC)
        {
            long inverse = FixedMath.DivRound(InverseScale, pressurePa);
            if (updateCount == 0)
            {
                meanTempAcc = (long)tempMilliC << (shift + MeanFractionBits);
                meanInverseAcc = inverse << (shift + MeanFractionBits);
                tempVarianceAcc = 0;
                covarianceAcc = 0;
            }
            else
            {
                long tempDeviationQ8 = ((long)tempMilliC << MeanFractionBits) - FixedMath.ShiftRound(meanTempAcc, shift);
                long inverseDeviationQ8 = (inverse << MeanFractionBits) - FixedMath.ShiftRound(meanInverseAcc, shift);
                meanTempAcc += tempDeviationQ8;
                meanInverseAcc += inverseDeviationQ8;
                long tempDeviation = FixedMath.DivRound(tempDeviationQ8, 1L << MeanFractionBits);
                long inverseDeviation = FixedMath.DivRound(inverseDeviationQ8, 1L << MeanFractionBits);
                tempVarianceAcc += (tempDeviation * tempDeviation) - FixedMath.ShiftRound(tempVarianceAcc, shift);
                covarianceAcc += (tempDeviation * inverseDeviation) - FixedMath.ShiftRound(covarianceAcc, shift);
                RefreshSlope();
            }

            if (updateCount < int.MaxValue)
            {
                updateCount++;
            }
        }

        private void RefreshSlope()
        {
            long tempVariance = FixedMath.ShiftRound(tempVarianceAcc, shift);
            if (tempVariance < tempVarianceMinMilliC2)
            {
                return;
            }

            // cov/var with both accumulators carrying the same 2^shift: take 16 bits off the
            // denominator instead of shifting the (large) numerator up.
            long denominator = FixedMath.ShiftRound(tempVarianceAcc, 16);
            if (denominator > 0)
            {
                slopeQ16 = FixedMath.DivRound(covarianceAcc, denominator);
                slopeLearned = true;
            }
        }
    }
}
