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
    /// y = 2^36 / P on T with exponentially weighted moments (time constant 2^shift samples) and
    /// predicts P̂ = 2^36 / (ȳ + slope·(T − T̄)); the residual P − P̂ is what a leak moves.
    ///
    /// Fixed point (all long):
    /// <list type="bullet">
    /// <item>y: 2^36/P_centiKpa, P ≥ 5 kPa ⇒ y ≤ 1.4e7; at 250 kPa one centi-kPa is ≈ 110 units of y.</item>
    /// <item>EWMA accumulators hold value · 2^shift: acc += x − round(acc / 2^shift). With the shift
    /// capped at 20 (ConfigValidator): temperature mean ≤ 2e5 · 2^20, y mean ≤ 1.4e7 · 2^20,
    /// variance ≤ (2e5)² · 2^20 ≈ 4.2e16, covariance ≤ 2e5 · 1.4e7 · 2^20 ≈ 2.9e18 &lt; 2^63.</item>
    /// <item>slope: y units per milli-°C in Q16 (cov / var), refreshed only while the temperature
    /// variance exceeds its floor (in high-beta seasons there is no swing to learn from, so the last
    /// slope is kept).</item>
    /// </list>
    /// </remarks>
    public sealed class ThermalModel
    {
        public const long InverseScale = 1L << 36;

        private int shift = 16;
        private int warmupSamples;
        private long tempVarianceMinMilliC2;

        private long meanTempAcc;
        private long meanInverseAcc;
        private long tempVarianceAcc;
        private long covarianceAcc;
        private long slopeQ16;
        private int updateCount;

        public void Configure(int shift, int warmupSamples, long tempVarianceMinMilliC2)
        {
            this.shift = shift;
            this.warmupSamples = warmupSamples;
            this.tempVarianceMinMilliC2 = tempVarianceMinMilliC2;
            Reset();
        }

        public void Reset()
        {
            meanTempAcc = 0;
            meanInverseAcc = 0;
            tempVarianceAcc = 0;
            covarianceAcc = 0;
            slopeQ16 = 0;
            updateCount = 0;
        }

        /// <summary>At least one sample learned: a prediction exists.</summary>
        public bool HasPrediction => updateCount > 0;

        /// <summary>Warm-up over: residuals are trusted by the leak statistic.</summary>
        public bool IsReady => updateCount >= warmupSamples && updateCount > 0;

        public int UpdateCount => updateCount;

        /// <summary>Learned d(2^36/P)/dT in Q16 per milli-°C (telemetry; negative for a normal loop).</summary>
        public long SlopeQ16 => slopeQ16;

        public int MeanTempMilliC => (int)FixedMath.ShiftRound(meanTempAcc, shift);

        /// <summary>Predicted pressure in centi-kPa at this coolant temperature, saturated.</summary>
        public int PredictCentiKpa(int tempMilliC)
        {
            long meanTemp = FixedMath.ShiftRound(meanTempAcc, shift);
            long meanInverse = FixedMath.ShiftRound(meanInverseAcc, shift);
            long predictedInverse = meanInverse + FixedMath.ShiftRound(slopeQ16 * (tempMilliC - meanTemp), 16);
            if (predictedInverse <= 0)
            {
                return int.MaxValue;
            }

            return FixedMath.SaturateToInt(FixedMath.DivRound(InverseScale, predictedInverse));
        }

        /// <summary>Learns one (pressure, temperature) pair. Pressure must be ≥ the model floor (caller checks).</summary>
        public void Learn(int pressureCentiKpa, int tempMilliC)
        {
            long inverse = FixedMath.DivRound(InverseScale, pressureCentiKpa);
            if (updateCount == 0)
            {
                meanTempAcc = (long)tempMilliC << shift;
                meanInverseAcc = inverse << shift;
                tempVarianceAcc = 0;
                covarianceAcc = 0;
            }
            else
            {
                long tempDeviation = tempMilliC - FixedMath.ShiftRound(meanTempAcc, shift);
                long inverseDeviation = inverse - FixedMath.ShiftRound(meanInverseAcc, shift);
                meanTempAcc += tempDeviation;
                meanInverseAcc += inverseDeviation;
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
            }
        }
    }
}
