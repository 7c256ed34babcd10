using ThermalMonitor.Core.FixedPoint;

namespace ThermalMonitor.Core.Detection
{
    /// <summary>
    /// The loop's own pressure–temperature relation, learned online, so the orbital thermal cycle
    /// can be subtracted before the leak statistic (DOMAIN.md §5.7).
    /// </summary>
    /// <remarks>
    /// Physics: the gas in the accumulator obeys P·V_g^n = const (DOMAIN.md §3.3) and the gas volume
    /// shrinks linearly as the liquid expands, V_g = V_g0 + V_lost − β·V_L·(T − T0) (§3.4). For n = 1,
    /// 1/P is exactly linear in the liquid temperature and in the lost volume. The model regresses
    /// y = 2^40 / P on up to three terms of the conditioned temperature (<see cref="TemperatureFilter"/>):
    /// <list type="number">
    /// <item>x1 = the filtered temperature (milli-°C);</item>
    /// <item>x2 = the lead term, fast minus slow filter (milli-°C): how far the sensor lags the liquid;</item>
    /// <item>x3 = (x1 − x̄1)² / 1024 (milli-°C² / 1024): the curvature that a polytropic exponent n &gt; 1
    /// gives 1/P over a large swing (1/P ∝ V_g^n).</item>
    /// </list>
    /// with exponentially weighted moments (time constant 2^shift blocks) and predicts
    /// ŷ = ȳ + Σ b_a·(x_a − x̄_a), P̂ = 2^40 / ŷ; the residual P − P̂ is what a leak moves. With one
    /// term this is the v1 model, computed exactly as v1 computed it.
    ///
    /// Fixed point (all long):
    /// <list type="bullet">
    /// <item>y: 2^40/P_Pa, P ≥ 30 kPa (the smallest modelPressureMinPa) ⇒ y ≤ 3.7e7 &lt; 2^26; at 250 kPa
    /// one Pa is ≈ 17.6 units of y.</item>
    /// <item>Mean accumulators hold mean · 2^(shift+8): acc += x·2^8 − round(acc / 2^shift). The 8
    /// extra bits matter: rounding in mean units would let T̄ sit up to 0.5 milli-°C off, a 2 Pa
    /// bias in the prediction that the statistic would integrate. Bounds with the shift capped at 20
    /// (ConfigValidator): temperature ≤ 2.5e5 · 2^28, y ≤ 3.7e7 · 2^28 ≈ 1e16.</item>
    /// <item>Covariance accumulators hold value · 2^shift, fed with deviations rounded to whole units
    /// (they only set the coefficients, ratios). One term: variance ≤ (2.5e5)² · 2^20 ≈ 6.6e16,
    /// covariance ≤ 2.5e5 · 3.7e7 · 2^20 ≈ 9.7e18 is the worst case the v1 shift cap allowed; with
    /// several terms the shift is capped at 16 and |x3 − x̄3| ≤ 2^22 (|x1 − x̄1| clamped at 2^24 Q8,
    /// 65 °C), so every product stays below 2^22 · 2^26 · 2^16 = 2^64 / 4.</item>
    /// <item>coefficients: y units per term unit in Q16, from <see cref="NormalEquations"/> (several
    /// terms, with a relative ridge of 2^−16) or cov/var (one term); refreshed only while the
    /// temperature variance exceeds its floor (in high-beta seasons there is no swing to learn from,
    /// so the last coefficients are kept).</item>
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

        public const int TermsMax = NormalEquations.SizeMax;

        /// <summary>Largest EWMA shift with several terms (the product budget above).</summary>
        public const int ShiftMaxWithSeveralTerms = 16;

        /// <summary>Relative ridge of the several-term solve: coefficients biased by ≈ 2^−16.</summary>
        public const int RidgeShift = 16;

        /// <summary>Extra fractional bits of the mean accumulators.</summary>
        private const int MeanFractionBits = 8;

        /// <summary>The curvature term's deviation is clamped at 65 °C (Q8).</summary>
        private const long CurvatureDeviationMaxQ8 = 1L << 24;

        /// <summary>x3 = dev² / 1024 in Q8 from a Q8 deviation: dev² is Q16, so shift by 8 + 10.</summary>
        private const int CurvatureShift = 18;

        /// <summary>A coefficient beyond this (Q16) means a degenerate fit: keep the previous ones.</summary>
        private const long CoefficientMaxQ16 = 1L << 40;

        private readonly long[] meanAcc = new long[TermsMax];
        private readonly long[] covarianceAcc = new long[TermsMax * TermsMax];
        private readonly long[] crossAcc = new long[TermsMax];
        private readonly long[] coefficientsQ16 = new long[TermsMax];
        private readonly long[] candidateQ16 = new long[TermsMax];
        private readonly long[] termQ8 = new long[TermsMax];
        private readonly long[] deviation = new long[TermsMax];
        private readonly NormalEquations solver = new NormalEquations();

        private int shift = 16;
        private int terms = 1;
        private int warmupUpdates;
        private long tempVarianceMinMilliC2;
        private long trustedDeviationMinMilliC2;
        private bool slopeLearned;
        private long meanInverseAcc;
        private int updateCount;
        private int refusedSolves;

        /// <param name="shift">EWMA time constant as a power of two updates (blocks).</param>
        /// <param name="warmupUpdates">Updates before the residual is trusted.</param>
        /// <param name="tempSwingMinMilliC">Temperature rms swing needed to learn the coefficients.</param>
        /// <param name="terms">1 (temperature), 2 (+ lead) or 3 (+ curvature).</param>
        public void Configure(int shift, int warmupUpdates, int tempSwingMinMilliC, int terms)
        {
            this.shift = shift;
            this.terms = FixedMath.Clamp(terms, 1, TermsMax);
            this.warmupUpdates = warmupUpdates;
            tempVarianceMinMilliC2 = (long)tempSwingMinMilliC * tempSwingMinMilliC;
            trustedDeviationMinMilliC2 = 4L * tempSwingMinMilliC * tempSwingMinMilliC;
            Reset();
        }

        public void Reset()
        {
            System.Array.Clear(meanAcc, 0, TermsMax);
            System.Array.Clear(covarianceAcc, 0, TermsMax * TermsMax);
            System.Array.Clear(crossAcc, 0, TermsMax);
            System.Array.Clear(coefficientsQ16, 0, TermsMax);
            meanInverseAcc = 0;
            slopeLearned = false;
            updateCount = 0;
            refusedSolves = 0;
        }

        /// <summary>At least one update learned: a prediction exists.</summary>
        public bool HasPrediction => updateCount > 0;

        /// <summary>Warm-up over: residuals are trusted by the leak statistic.</summary>
        public bool IsReady => updateCount >= warmupUpdates && updateCount > 0;

        public int UpdateCount => updateCount;

        public int Terms => terms;

        /// <summary>Solves refused as too ill-conditioned (the previous coefficients were kept).</summary>
        public int RefusedSolves => refusedSolves;

        /// <summary>The coefficients have been learned from a real thermal swing at least once.</summary>
        public bool SlopeLearned => slopeLearned;

        /// <summary>Learned d(2^40/P)/dT in Q16 per milli-°C (telemetry; negative for a normal loop).</summary>
        public long SlopeQ16 => coefficientsQ16[0];

        /// <summary>Learned coefficient of term <paramref name="index"/> (Q16 y units per term unit).</summary>
        public long CoefficientQ16(int index) => coefficientsQ16[index];

        public int MeanTempMilliC => (int)FixedMath.ShiftRound(meanAcc[0], shift + MeanFractionBits);

        /// <summary>
        /// Whether the prediction at this (filtered) temperature can be trusted:
        /// (T − T̄)² ≤ max(9·var, (2·swing)²), i.e. inside the temperatures the model has learned from.
        /// Deviation ≤ 2.5e5 keeps its square below 2^36.
        /// </summary>
        public bool CanPredict(long tempQ8)
        {
            long tempMilliC = FixedMath.DivRound(tempQ8, 1L << MeanFractionBits);
            long deviation = tempMilliC - FixedMath.ShiftRound(meanAcc[0], shift + MeanFractionBits);
            long deviationSquared = deviation * deviation;
            return deviationSquared <= trustedDeviationMinMilliC2
                || deviationSquared <= 9 * FixedMath.ShiftRound(covarianceAcc[0], shift);
        }

        /// <summary>Predicted pressure in Pa for these terms (Q8 milli-°C), saturated.</summary>
        public int PredictPa(long tempQ8, long leadQ8)
        {
            FillTerms(tempQ8, leadQ8);
            long predictedInverse = FixedMath.ShiftRound(meanInverseAcc, shift + MeanFractionBits);
            for (int a = 0; a < terms; a++)
            {
                long deviationQ8 = termQ8[a] - FixedMath.ShiftRound(meanAcc[a], shift);
                predictedInverse += FixedMath.ShiftRound(coefficientsQ16[a] * deviationQ8, 16 + MeanFractionBits);
            }

            if (predictedInverse <= 0)
            {
                return int.MaxValue;
            }

            return FixedMath.SaturateToInt(FixedMath.DivRound(InverseScale, predictedInverse));
        }

        /// <summary>Learns one (pressure, terms) update. Pressure must be ≥ the model floor (caller checks).</summary>
        public void Learn(int pressurePa, long tempQ8, long leadQ8)
        {
            long inverse = FixedMath.DivRound(InverseScale, pressurePa);
            FillTerms(tempQ8, leadQ8);
            if (updateCount == 0)
            {
                for (int a = 0; a < terms; a++)
                {
                    meanAcc[a] = termQ8[a] << shift;
                }

                meanInverseAcc = inverse << (shift + MeanFractionBits);
            }
            else
            {
                long inverseDeviationQ8 = (inverse << MeanFractionBits) - FixedMath.ShiftRound(meanInverseAcc, shift);
                meanInverseAcc += inverseDeviationQ8;
                long inverseDeviation = FixedMath.DivRound(inverseDeviationQ8, 1L << MeanFractionBits);
                for (int a = 0; a < terms; a++)
                {
                    long deviationQ8 = termQ8[a] - FixedMath.ShiftRound(meanAcc[a], shift);
                    meanAcc[a] += deviationQ8;
                    deviation[a] = FixedMath.DivRound(deviationQ8, 1L << MeanFractionBits);
                }

                for (int a = 0; a < terms; a++)
                {
                    for (int b = a; b < terms; b++)
                    {
                        int index = (a * terms) + b;
                        covarianceAcc[index] += (deviation[a] * deviation[b]) - FixedMath.ShiftRound(covarianceAcc[index], shift);
                        covarianceAcc[(b * terms) + a] = covarianceAcc[index];
                    }

                    crossAcc[a] += (deviation[a] * inverseDeviation) - FixedMath.ShiftRound(crossAcc[a], shift);
                }

                RefreshCoefficients();
            }

            if (updateCount < int.MaxValue)
            {
                updateCount++;
            }
        }

        /// <summary>Fills the term values (Q8) for this update; the curvature term uses the current mean.</summary>
        private void FillTerms(long tempQ8, long leadQ8)
        {
            termQ8[0] = tempQ8;
            if (terms >= 2)
            {
                termQ8[1] = leadQ8;
            }

            if (terms >= 3)
            {
                // The first update defines the mean: no curvature yet.
                long deviationQ8 = updateCount == 0
                    ? 0
                    : FixedMath.Clamp(tempQ8 - FixedMath.ShiftRound(meanAcc[0], shift), -CurvatureDeviationMaxQ8, CurvatureDeviationMaxQ8);
                termQ8[2] = FixedMath.ShiftRound(deviationQ8 * deviationQ8, CurvatureShift);
            }
        }

        private void RefreshCoefficients()
        {
            long tempVariance = FixedMath.ShiftRound(covarianceAcc[0], shift);
            if (tempVariance < tempVarianceMinMilliC2)
            {
                return;
            }

            if (terms == 1)
            {
                // cov/var with both accumulators carrying the same 2^shift: take 16 bits off the
                // denominator instead of shifting the (large) numerator up.
                long denominator = FixedMath.ShiftRound(covarianceAcc[0], 16);
                if (denominator > 0)
                {
                    coefficientsQ16[0] = FixedMath.DivRound(crossAcc[0], denominator);
                    slopeLearned = true;
                }

                return;
            }

            if (!solver.TrySolve(covarianceAcc, crossAcc, terms, RidgeShift, candidateQ16))
            {
                refusedSolves++;
                return;
            }

            for (int a = 0; a < terms; a++)
            {
                if (FixedMath.Abs(candidateQ16[a]) > CoefficientMaxQ16)
                {
                    refusedSolves++;
                    return;
                }
            }

            for (int a = 0; a < terms; a++)
            {
                coefficientsQ16[a] = candidateQ16[a];
            }

            slopeLearned = true;
        }
    }
}
