namespace ThermalMonitor.Core.FixedPoint
{
    /// <summary>
    /// Solves the normal equations A·b = c of a small least-squares fit (at most three unknowns) in
    /// integer arithmetic (at most four unknowns): the thermal model's coefficients from its covariance moments. Runs at most
    /// once per decision block, never per sample; allocates nothing after construction.
    /// </summary>
    /// <remarks>
    /// Method: the unknowns are rescaled by powers of two so that every diagonal entry lies in
    /// [2^28, 2^30) ("one" is about 2^29), a relative ridge A_aa·2^−ridgeShift is added to the
    /// diagonal (it keeps a nearly collinear pair of regressors from amplifying noise, and biases the
    /// coefficients by about 2^−ridgeShift), then Gaussian elimination without pivoting (A is a
    /// covariance matrix, symmetric and positive semi-definite) and back substitution.
    /// Power-of-two scaling is exact: it changes variables without rounding, so only the elimination
    /// rounds. Fixed point:
    /// <list type="bullet">
    /// <item>scaled matrix entries: |a_ab| ≤ √(a_aa·a_bb) &lt; 2^30, products &lt; 2^60;</item>
    /// <item>scaled right-hand side: |c'| &lt; 2^24 (a common power-of-two shift q), products with a
    /// matrix entry &lt; 2^54;</item>
    /// <item>solution z in Q30 of the scaled problem, back substitution ≤ 2^60 + 3 · 2^30 · 2^31 &lt; 2^63;
    /// a system so ill-conditioned that |z| would pass 2^31 (condition number beyond ~2^6 after the ridge) is refused: the caller keeps its previous
    /// coefficients rather than trust amplified noise;</item>
    /// <item>coefficients out: b_a = z_a · 2^(q − p_a), returned in Q16, rounded half up, saturated.</item>
    /// </list>
    /// </remarks>
    public sealed class NormalEquations
    {
        public const int SizeMax = 4;

        /// <summary>Diagonal entries are scaled into [2^28, 2^30).</summary>
        private const int DiagonalBits = 29;

        /// <summary>The scaled right-hand side stays below 2^24.</summary>
        private const int RightHandSideBits = 24;

        /// <summary>Fraction bits of the scaled solution.</summary>
        private const int SolutionFractionBits = 30;

        /// <summary>Largest |z| (Q30) accepted: beyond it the products of back substitution could overflow.</summary>
        private const long SolutionMaxQ30 = 1L << 31;

        private readonly long[] scaled = new long[SizeMax * SizeMax];
        private readonly long[] rightHandSide = new long[SizeMax];
        private readonly long[] solutionQ30 = new long[SizeMax];
        private readonly int[] scaleShift = new int[SizeMax];

        /// <summary>
        /// Solves (A + ridge)·b = c. <paramref name="covariance"/> is row-major n×n and
        /// <paramref name="cross"/> has n entries, both carrying the same (any) common factor.
        /// Returns false, leaving <paramref name="coefficientsQ16"/> untouched, when a diagonal entry is
        /// not positive or the system is too ill-conditioned to solve safely.
        /// </summary>
        public bool TrySolve(long[] covariance, long[] cross, int n, int ridgeShift, long[] coefficientsQ16)
        {
            if (n < 1 || n > SizeMax || ridgeShift < 1 || ridgeShift > 30)
            {
                return false;
            }

            if (!Scale(covariance, cross, n, ridgeShift, out int commonShift))
            {
                return false;
            }

            if (!Eliminate(n) || !BackSubstitute(n))
            {
                return false;
            }

            for (int a = 0; a < n; a++)
            {
                // b_a = z_a · 2^(q − p_a); z is Q30 and b is wanted in Q16.
                int shift = SolutionFractionBits - 16 - commonShift + scaleShift[a];
                coefficientsQ16[a] = ShiftSaturated(solutionQ30[a], shift);
            }

            return true;
        }

        private bool Scale(long[] covariance, long[] cross, int n, int ridgeShift, out int commonShift)
        {
            commonShift = 0;
            for (int a = 0; a < n; a++)
            {
                long diagonal = covariance[(a * n) + a];
                if (diagonal <= 0)
                {
                    return false;
                }

                // Arithmetic shift is floor division by two, also for negative differences.
                scaleShift[a] = (FixedMath.BitLength(diagonal) - DiagonalBits) >> 1;
            }

            for (int a = 0; a < n; a++)
            {
                for (int b = 0; b < n; b++)
                {
                    scaled[(a * SizeMax) + b] = FixedMath.ShiftSigned(covariance[(a * n) + b], scaleShift[a] + scaleShift[b]);
                }

                scaled[(a * SizeMax) + a] += scaled[(a * SizeMax) + a] >> ridgeShift;
            }

            long largest = 0;
            for (int a = 0; a < n; a++)
            {
                rightHandSide[a] = FixedMath.ShiftSigned(cross[a], scaleShift[a]);
                largest = FixedMath.Max(largest, FixedMath.Abs(rightHandSide[a]));
            }

            commonShift = FixedMath.BitLength(largest) - RightHandSideBits;
            for (int a = 0; a < n; a++)
            {
                rightHandSide[a] = FixedMath.ShiftSigned(rightHandSide[a], commonShift);
            }

            return true;
        }

        private bool Eliminate(int n)
        {
            for (int k = 0; k < n; k++)
            {
                long pivot = scaled[(k * SizeMax) + k];
                if (pivot <= 0)
                {
                    return false;
                }

                for (int i = k + 1; i < n; i++)
                {
                    long factor = scaled[(i * SizeMax) + k];
                    for (int j = k; j < n; j++)
                    {
                        scaled[(i * SizeMax) + j] -= FixedMath.DivRound(factor * scaled[(k * SizeMax) + j], pivot);
                    }

                    rightHandSide[i] -= FixedMath.DivRound(factor * rightHandSide[k], pivot);
                    if (FixedMath.Abs(rightHandSide[i]) >= (1L << (RightHandSideBits + 6)))
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        private bool BackSubstitute(int n)
        {
            for (int i = n - 1; i >= 0; i--)
            {
                long numerator = rightHandSide[i] << SolutionFractionBits;
                for (int j = i + 1; j < n; j++)
                {
                    numerator -= scaled[(i * SizeMax) + j] * solutionQ30[j];
                }

                long pivot = scaled[(i * SizeMax) + i];
                if (pivot <= 0)
                {
                    return false;
                }

                long solution = FixedMath.DivRound(numerator, pivot);
                if (FixedMath.Abs(solution) > SolutionMaxQ30)
                {
                    return false;
                }

                solutionQ30[i] = solution;
            }

            return true;
        }

        /// <summary>value · 2^−shift, rounded half up for right shifts, saturated for left shifts.</summary>
        private static long ShiftSaturated(long value, int shift)
        {
            if (shift >= 0)
            {
                return shift > 62 ? 0 : FixedMath.ShiftSigned(value, shift);
            }

            int left = -shift;
            if (left > 62 || FixedMath.BitLength(value) + left > 62)
            {
                return value >= 0 ? long.MaxValue : long.MinValue;
            }

            return value << left;
        }
    }
}
