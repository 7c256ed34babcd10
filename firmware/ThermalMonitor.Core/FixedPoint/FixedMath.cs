namespace ThermalMonitor.Core.FixedPoint
{
    /// <summary>
    /// Integer helpers with declared rounding and saturation. nanoFramework's System.Math has no
    /// long overloads (Math.Abs(long) silently binds to Abs(float)) and the portable core may
    /// reference mscorlib only, so the core brings its own.
    /// </summary>
    /// <remarks>
    /// Rounding vocabulary used across the core:
    /// <list type="bullet">
    /// <item>"round half away from zero" — <see cref="DivRound"/>: the symmetric rule, so negating
    /// the input negates the output (residuals and slopes keep their symmetry).</item>
    /// <item>"round half up" — <see cref="ShiftRound"/>: floor((v + 2^(s-1)) / 2^s), the cheap
    /// rule for EWMA accumulators where symmetry does not matter.</item>
    /// </list>
    /// </remarks>
    public static class FixedMath
    {
        /// <summary>Saturates a 64-bit value into the int range.</summary>
        public static int SaturateToInt(long value)
        {
            if (value > int.MaxValue)
            {
                return int.MaxValue;
            }

            if (value < int.MinValue)
            {
                return int.MinValue;
            }

            return (int)value;
        }

        /// <summary>a + b, saturated to the int range (never wraps).</summary>
        public static int AddSaturated(int a, int b)
        {
            return SaturateToInt((long)a + b);
        }

        /// <summary>a − b, saturated to the int range (never wraps).</summary>
        public static int SubtractSaturated(int a, int b)
        {
            return SaturateToInt((long)a - b);
        }

        /// <summary>|value|; int.MinValue saturates to int.MaxValue instead of staying negative.</summary>
        public static int Abs(int value)
        {
            if (value >= 0)
            {
                return value;
            }

            return value == int.MinValue ? int.MaxValue : -value;
        }

        /// <summary>|value|; long.MinValue saturates to long.MaxValue instead of staying negative.</summary>
        public static long Abs(long value)
        {
            if (value >= 0)
            {
                return value;
            }

            return value == long.MinValue ? long.MaxValue : -value;
        }

        public static int Min(int a, int b) => a < b ? a : b;

        public static int Max(int a, int b) => a > b ? a : b;

        public static long Min(long a, long b) => a < b ? a : b;

        public static long Max(long a, long b) => a > b ? a : b;

        public static int Clamp(int value, int min, int max)
        {
            if (value < min)
            {
                return min;
            }

            return value > max ? max : value;
        }

        public static long Clamp(long value, long min, long max)
        {
            if (value < min)
            {
                return min;
            }

            return value > max ? max : value;
        }

        /// <summary>
        /// numerator / denominator rounded half away from zero. denominator must be non-zero
        /// (callers validate divisors at configuration time); |numerator| + |denominator|/2 must
        /// fit in a long.
        /// </summary>
        public static long DivRound(long numerator, long denominator)
        {
            if (denominator < 0)
            {
                numerator = -numerator;
                denominator = -denominator;
            }

            long half = denominator / 2;
            return numerator >= 0
                ? (numerator + half) / denominator
                : -((-numerator + half) / denominator);
        }

        /// <summary>value / 2^shift rounded half up (arithmetic shift); shift in 1..62.</summary>
        public static long ShiftRound(long value, int shift)
        {
            return (value + (1L << (shift - 1))) >> shift;
        }

        /// <summary>
        /// a · b / denominator rounded half away from zero; |a · b| must fit in a long (the callers'
        /// ranges are documented next to them).
        /// </summary>
        public static long MulDivRound(long a, long b, long denominator)
        {
            return DivRound(a * b, denominator);
        }

        /// <summary>floor(log2(value)) for value ≥ 1; 0 for value ≤ 1.</summary>
        public static int FloorLog2(long value)
        {
            int log = 0;
            while (value > 1 && log < 63)
            {
                value >>= 1;
                log++;
            }

            return log;
        }
    }
}
