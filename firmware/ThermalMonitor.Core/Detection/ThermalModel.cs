using ThermalMonitor.Core.FixedPoint;

namespace ThermalMonitor.Core.Detection
{
    /// <summary>
    /// The loop's own pressure–temperature relation, learned online, so the orbital thermal cycle
    /// can be subtracted before the leak statistic (docs/physics.md §5.7).
    /// </summary>
    /// <remarks>
    /// Physics: the gas in the accumulator obeys P·V_g^n = const (docs/physics.md §3.3) and the gas volume
    /// shrinks linearly as the liquid expands, V_g = V_g0 + V_lost − β·V_L·(T − T0) (§3.4). For n = 1,
    /// 1/P is exactly linear in the liquid temperature and in the lost volume. The model regresses
    /// y = 2^40 / P on up to four terms of the block temperature T (<see cref="TemperatureFilter"/>):
    /// <list type="number">
    /// <item>x1 = T (milli-°C);</item>
    /// <item>x2 = T − F(T), the lead: how far the sensor lags the liquid;</item>
    /// <item>x3 = (T − c)² / 16384 (milli-°C² / 16384, c the first temperature learned): the curvature
    /// that a polytropic exponent n &gt; 1 gives 1/P over a large swing (1/P ∝ V_g^n);</item>
    /// <item>x4 = T − 2F(T) + F(F(T)), the second lead: what the first misses where the liquid's
    /// temperature turns.</item>
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

        /// <summary>Fraction bits of the several-term means (Q22: no dead band even at weight 2^16).</summary>
        private const int MeanQ22Bits = 22;

        /// <summary>Fraction bits of the several-term moments.</summary>
        private const int MomentBits = 16;

        /// <summary>
        /// With several terms the coefficients (second moments) learn 2^CoefficientExtraShift times
        /// more slowly than the means: the coefficients are the loop's physics (dP/dT, the sensor's
        /// lag, the gas curvature), which do not change, while the offset follows inventory and drift.
        /// A pump event or a valve that moves the pressure for minutes then barely moves them.
        /// </summary>
        public const int CoefficientExtraShift = 4;

        /// <summary>The curvature term's deviation is clamped at 65 °C (Q8).</summary>
        private const long CurvatureDeviationMaxQ8 = 1L << 24;

        /// <summary>x3 = dev² / 16384 in Q8 from a Q8 deviation: dev² is Q16, so shift by 8 + 14.</summary>
        private const int CurvatureShift = 22;

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
        private readonly long[] subCovariance = new long[TermsMax * TermsMax];

        private readonly long[] subCross = new long[TermsMax];
        private readonly long[] subSolutionQ16 = new long[TermsMax];

        private const int LeadBit = 2;
        private const int CurvatureBit = 4;
        private const int SecondLeadBit = 8;

        private int shift = 16;
        private int terms = 1;
        private int warmupUpdates;
        private long tempVarianceMinMilliC2;
        private long trustedDeviationMinMilliC2;
        private bool slopeLearned;
        private long meanInverseAcc;
        private int updateCount;
        private int refusedSolves;
        private int firstLearnedUpdate;

        // Several terms: means in Q22 (value · 2^22, the Q8 value with 14 more bits) and moments in
        // Q16, updated with weight 1/min(n + 1, 2^shift) (means; the moments 2^4 times slower), i.e.
        // a plain average until the time constant is reached (no start-up bias from a stale mean),
        // then the EWMA. The temperature spread that bounds trusted predictions is learned at the
        // means' pace, so a new season's swings become trusted as fast as in v1.
        private readonly long[] meanQ22 = new long[TermsMax];
        private long meanInverseQ22;
        private long trustedVarianceQ16;
        private long curvatureCentreQ8;

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
            System.Array.Clear(meanQ22, 0, TermsMax);
            meanInverseQ22 = 0;
            trustedVarianceQ16 = 0;
            curvatureCentreQ8 = 0;
            slopeLearned = false;
            updateCount = 0;
            refusedSolves = 0;
            firstLearnedUpdate = 0;
        }

        /// <summary>At least one update learned: a prediction exists.</summary>
        public bool HasPrediction => updateCount > 0;

        /// <summary>
        /// Warm-up over: residuals are trusted by the leak statistic. With several terms, the first
        /// coefficients learned (a loop that started with no swing meets its first eclipses) need a
        /// warm-up of their own: until then the fit of that first swing is still settling. A loop
        /// that never swings decides on its mean alone, near the temperatures it has had.
        /// </summary>
        public bool IsReady => updateCount >= warmupUpdates && updateCount > 0
            && (terms == 1 || !slopeLearned || updateCount - firstLearnedUpdate >= warmupUpdates);

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

        public int MeanTempMilliC => (int)FixedMath.ShiftRound(MeanQ8(0), MeanFractionBits);

        /// <summary>
        /// Whether the prediction at this (filtered) temperature can be trusted:
        /// (T − T̄)² ≤ max(9·var, (2·swing)²), i.e. inside the temperatures the model has learned from.
        /// Deviation ≤ 2.5e5 keeps its square below 2^36.
        /// </summary>
        public bool CanPredict(long tempQ8)
        {
            long tempMilliC = FixedMath.DivRound(tempQ8, 1L << MeanFractionBits);
            long deviation = tempMilliC - (terms == 1 ? FixedMath.ShiftRound(meanAcc[0], shift + MeanFractionBits) : FixedMath.ShiftRound(meanQ22[0], MeanQ22Bits));
            long deviationSquared = deviation * deviation;
            if (terms == 1)
            {
                return deviationSquared <= trustedDeviationMinMilliC2 || deviationSquared <= 9 * TempVarianceMilliC2();
            }

            // Several terms (a statistic far more sensitive than v1's): before any coefficient has
            // been learned the model knows only the mean, so it is trusted only where the
            // temperature has been, never over the swing floor.
            long spread = 9 * FixedMath.ShiftRound(trustedVarianceQ16, MomentBits);
            return deviationSquared <= spread || (slopeLearned && deviationSquared <= trustedDeviationMinMilliC2);
        }

        /// <summary>Predicted pressure in Pa for these terms (Q8 milli-°C), saturated.</summary>
        public int PredictPa(long tempQ8, long leadQ8, long secondLeadQ8)
        {
            FillTerms(tempQ8, leadQ8, secondLeadQ8);
            long predictedInverse = terms == 1 ? FixedMath.ShiftRound(meanInverseAcc, shift + MeanFractionBits) : FixedMath.ShiftRound(meanInverseQ22, MeanQ22Bits);
            for (int a = 0; a < terms; a++)
            {
                long deviationQ8 = termQ8[a] - MeanQ8(a);
                predictedInverse += FixedMath.ShiftRound(coefficientsQ16[a] * deviationQ8, 16 + MeanFractionBits);
            }

            if (predictedInverse <= 0)
            {
                return int.MaxValue;
            }

            return FixedMath.SaturateToInt(FixedMath.DivRound(InverseScale, predictedInverse));
        }

        /// <summary>Learns one (pressure, terms) update. Pressure must be ≥ the model floor (caller checks).</summary>
        public void Learn(int pressurePa, long tempQ8, long leadQ8, long secondLeadQ8)
        {
            long inverse = FixedMath.DivRound(InverseScale, pressurePa);
            FillTerms(tempQ8, leadQ8, secondLeadQ8);
            if (terms == 1)
            {
                LearnOneTerm(inverse);
            }
            else
            {
                LearnSeveralTerms(inverse);
            }

            if (updateCount < int.MaxValue)
            {
                updateCount++;
            }
        }

        /// <summary>The v1 model, computed exactly as v1 computed it (EWMA from the first sample on).</summary>
        private void LearnOneTerm(long inverse)
        {
            if (updateCount == 0)
            {
                meanAcc[0] = termQ8[0] << shift;
                meanInverseAcc = inverse << (shift + MeanFractionBits);
                return;
            }

            long inverseDeviationQ8 = (inverse << MeanFractionBits) - FixedMath.ShiftRound(meanInverseAcc, shift);
            meanInverseAcc += inverseDeviationQ8;
            long inverseDeviation = FixedMath.DivRound(inverseDeviationQ8, 1L << MeanFractionBits);
            long deviationQ8 = termQ8[0] - FixedMath.ShiftRound(meanAcc[0], shift);
            meanAcc[0] += deviationQ8;
            long deviation = FixedMath.DivRound(deviationQ8, 1L << MeanFractionBits);
            covarianceAcc[0] += (deviation * deviation) - FixedMath.ShiftRound(covarianceAcc[0], shift);
            crossAcc[0] += (deviation * inverseDeviation) - FixedMath.ShiftRound(crossAcc[0], shift);
            RefreshCoefficients();
        }

        /// <summary>
        /// Several terms: weight 1/min(n + 1, 2^shift) for the means and the trusted spread,
        /// 1/min(n + 1, 2^(shift + 4)) for the moments. Deviations are taken from the means before
        /// this update and rounded to whole units; moments in Q16 (|x3 − x̄3| · |y − ȳ| ≤ 2^18 · 2^26,
        /// · 2^16 = 2^60).
        /// </summary>
        private void LearnSeveralTerms(long inverse)
        {
            long inverseQ22 = inverse << MeanQ22Bits;
            if (updateCount == 0)
            {
                for (int a = 0; a < terms; a++)
                {
                    meanQ22[a] = termQ8[a] << (MeanQ22Bits - MeanFractionBits);
                }

                meanInverseQ22 = inverseQ22;
                return;
            }

            long weight = updateCount < (1 << shift) ? updateCount + 1 : 1L << shift;
            int momentShift = shift + CoefficientExtraShift;
            long momentWeight = updateCount < (1 << momentShift) ? updateCount + 1 : 1L << momentShift;
            long inverseDeviation = FixedMath.DivRound(inverseQ22 - meanInverseQ22, 1L << MeanQ22Bits);
            meanInverseQ22 += FixedMath.DivRound(inverseQ22 - meanInverseQ22, weight);
            for (int a = 0; a < terms; a++)
            {
                long termQ22 = termQ8[a] << (MeanQ22Bits - MeanFractionBits);
                deviation[a] = FixedMath.DivRound(termQ22 - meanQ22[a], 1L << MeanQ22Bits);
                meanQ22[a] += FixedMath.DivRound(termQ22 - meanQ22[a], weight);
            }

            for (int a = 0; a < terms; a++)
            {
                for (int b = a; b < terms; b++)
                {
                    int index = (a * terms) + b;
                    covarianceAcc[index] += FixedMath.DivRound(((deviation[a] * deviation[b]) << MomentBits) - covarianceAcc[index], momentWeight);
                    covarianceAcc[(b * terms) + a] = covarianceAcc[index];
                }

                crossAcc[a] += FixedMath.DivRound(((deviation[a] * inverseDeviation) << MomentBits) - crossAcc[a], momentWeight);
            }

            trustedVarianceQ16 += FixedMath.DivRound(((deviation[0] * deviation[0]) << MomentBits) - trustedVarianceQ16, weight);

            RefreshCoefficients();
        }

        /// <summary>Mean of term <paramref name="index"/> in Q8.</summary>
        private long MeanQ8(int index) =>
            terms == 1 ? FixedMath.ShiftRound(meanAcc[index], shift) : FixedMath.ShiftRound(meanQ22[index], MeanQ22Bits - MeanFractionBits);

        /// <summary>Learned temperature variance (milli-°C²).</summary>
        private long TempVarianceMilliC2() =>
            terms == 1 ? FixedMath.ShiftRound(covarianceAcc[0], shift) : FixedMath.ShiftRound(covarianceAcc[0], MomentBits);

        /// <summary>Fills the term values (Q8) for this update; the curvature term uses the current mean.</summary>
        private void FillTerms(long tempQ8, long leadQ8, long secondLeadQ8)
        {
            termQ8[0] = tempQ8;
            if (terms >= 2)
            {
                termQ8[1] = leadQ8;
            }

            if (terms >= 4)
            {
                termQ8[3] = secondLeadQ8;
            }

            if (terms >= 3)
            {
                // Around a fixed centre (the first temperature learned), so that with x1 the term
                // spans {1, T, T²} at every update; a centre that moved with the mean would change
                // what the term means while its moments are being averaged.
                if (updateCount == 0)
                {
                    curvatureCentreQ8 = tempQ8;
                }

                long deviationQ8 = FixedMath.Clamp(tempQ8 - curvatureCentreQ8, -CurvatureDeviationMaxQ8, CurvatureDeviationMaxQ8);
                termQ8[2] = FixedMath.ShiftRound(deviationQ8 * deviationQ8, CurvatureShift);
            }
        }

        private void RefreshCoefficients()
        {
            if (TempVarianceMilliC2() < tempVarianceMinMilliC2)
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

            int mask = (1 << terms) - 1;
            if (!Solve(mask))
            {
                return;
            }

            // Physics bounds the terms; a fit outside them is a fit to something that is not thermal
            // (a pump event, a valve), so the term is dropped and the rest refitted. A sensor can
            // only lag the liquid: the lead terms have the temperature term's sign.
            if (terms >= 2 && IsWrongWay(1))
            {
                mask &= ~(LeadBit | SecondLeadBit);
                if (!Solve(mask))
                {
                    return;
                }
            }

            if (terms >= 4 && (mask & SecondLeadBit) != 0 && IsWrongWay(3))
            {
                mask &= ~SecondLeadBit;
                if (!Solve(mask))
                {
                    return;
                }
            }

            // 1/P ∝ V_g^n with V_g linear in T: y'' = (n − 1)/n · y'²/y ≥ 0, at most 0.3 · b1²/ȳ
            // for n ≤ 1.4. Negative: dropped; beyond: held at the bound.
            if (terms >= 3 && candidateQ16[2] < 0)
            {
                mask &= ~CurvatureBit;
                if (!Solve(mask))
                {
                    return;
                }
            }

            if (terms >= 3)
            {
                candidateQ16[2] = FixedMath.Min(candidateQ16[2], CurvatureBoundQ16(candidateQ16[0]));
            }

            for (int a = 0; a < terms; a++)
            {
                coefficientsQ16[a] = candidateQ16[a];
            }

            if (!slopeLearned)
            {
                firstLearnedUpdate = updateCount;
            }

            slopeLearned = true;
        }

        /// <summary>
        /// The curvature bound in Q16 per curvature unit: y'' ≤ 0.3 · b1²/ȳ, and b3 · x3 = b3 · dev²/16384
        /// is y''/2 · dev², so b3 ≤ 8192 · 0.3 · b1²/ȳ; with b1 in Q16, b3Q16 ≤ b1Q16² · 3 / (80 · ȳ).
        /// |b1Q16| ≤ 2^40 is checked by Solve, but a physical slope is below 2^28: the product is capped.
        /// </summary>
        private long CurvatureBoundQ16(long slopeQ16)
        {
            long meanInverse = FixedMath.Max(1, FixedMath.ShiftRound(meanInverseQ22, MeanQ22Bits));
            long slope = FixedMath.Min(FixedMath.Abs(slopeQ16), 1L << 29);
            return FixedMath.DivRound(slope * slope * 3, 80 * meanInverse);
        }

        /// <summary>Term <paramref name="index"/> has the opposite sign of the temperature term.</summary>
        private bool IsWrongWay(int index) =>
            (candidateQ16[0] < 0 && candidateQ16[index] > 0) || (candidateQ16[0] > 0 && candidateQ16[index] < 0);

        /// <summary>
        /// Solves for the terms in <paramref name="mask"/> (bit a = term a), the others set to 0.
        /// False (counted) when the system is refused or a coefficient is degenerate.
        /// </summary>
        private bool Solve(int mask)
        {
            int size = 0;
            for (int a = 0; a < terms; a++)
            {
                if ((mask & (1 << a)) == 0)
                {
                    continue;
                }

                int row = 0;
                for (int b = 0; b < terms; b++)
                {
                    if ((mask & (1 << b)) != 0)
                    {
                        subCovariance[(size * TermsMax) + row] = covarianceAcc[(a * terms) + b];
                        row++;
                    }
                }

                subCross[size] = crossAcc[a];
                size++;
            }

            // The solver reads a size×size row-major matrix: compact the rows.
            for (int i = 0; i < size; i++)
            {
                for (int j = 0; j < size; j++)
                {
                    subCovariance[(i * size) + j] = subCovariance[(i * TermsMax) + j];
                }
            }

            if (!solver.TrySolve(subCovariance, subCross, size, RidgeShift, subSolutionQ16))
            {
                refusedSolves++;
                return false;
            }

            int next = 0;
            for (int a = 0; a < terms; a++)
            {
                long value = (mask & (1 << a)) != 0 ? subSolutionQ16[next++] : 0;
                if (FixedMath.Abs(value) > CoefficientMaxQ16)
                {
                    refusedSolves++;
                    return false;
                }

                candidateQ16[a] = value;
            }

            return true;
        }
    }
}
