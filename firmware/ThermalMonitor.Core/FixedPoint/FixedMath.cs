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

            // A shift, not a second 64-bit division (a library routine on the ESP32): equal to
            // denominator / 2 for every denominator ≥ 0 and for long.MinValue, the one that stays
            // negative above.
            long half = denominator >> 1;
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

        /// <summary>
        /// value · 2^(−shift) for shift ≥ 0 (rounded half up, <see cref="ShiftRound"/>) and
        /// value · 2^(−shift) = value &lt;&lt; −shift for shift &lt; 0 (exact; the caller keeps the result
        /// inside a long). shift in −62..62.
        /// </summary>
        public static long ShiftSigned(long value, int shift)
        {
            if (shift > 0)
            {
                return ShiftRound(value, shift);
            }

            return shift == 0 ? value : value << -shift;
        }

        /// <summary>Number of significant bits of |value| (0 for 0, 1 for 1, 63 for long.MaxValue).</summary>
        public static int BitLength(long value)
        {
            // Halving steps instead of one shift per bit: six compares where a 40-bit moment took 40
            // loop turns (the model's solve and every square root call this once per block).
            long magnitude = Abs(value);
            int bits = 0;
            if (magnitude >= 1L << 32)
            {
                magnitude >>= 32;
                bits += 32;
            }

            if (magnitude >= 1L << 16)
            {
                magnitude >>= 16;
                bits += 16;
            }

            if (magnitude >= 1L << 8)
            {
                magnitude >>= 8;
                bits += 8;
            }

            if (magnitude >= 1L << 4)
            {
                magnitude >>= 4;
                bits += 4;
            }

            if (magnitude >= 1L << 2)
            {
                magnitude >>= 2;
                bits += 2;
            }

            if (magnitude >= 1L << 1)
            {
                magnitude >>= 1;
                bits++;
            }

            return bits + (int)magnitude; // magnitude is now 0 or 1
        }

        /// <summary>
        /// floor(√value) for value ≥ 0 (0 for negative values): Newton's iteration from above, at most
        /// 64 steps (it converges in about log2(value)/2 + 5).
        /// </summary>
        public static long SqrtFloor(long value)
        {
            if (value <= 0)
            {
                return 0;
            }

            // Start at a power of two at or above √value, so the iteration decreases monotonically.
            long estimate = 1L << ((BitLength(value) + 1) / 2);
            for (int i = 0; i < 64; i++)
            {
                long next = (estimate + (value / estimate)) / 2;
                if (next >= estimate)
                {
                    break;
                }

                estimate = next;
            }

            return estimate;
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
