namespace ThermalMonitor.Core.FixedPoint
{
    /// <summary>
    /// Natural logarithm in integer arithmetic, used at configuration time only (CUSUM threshold
    /// ln(ARL0), NTC table). Integer so that the ESP32 (whose images compute double in float
    /// precision) and the host derive bit-identical constants.
    /// </summary>
    public static class FixedLog
    {
        /// <summary>Q30 one.</summary>
        private const long OneQ30 = 1L << 30;

        /// <summary>ln(2) in Q30: round(0.69314718055994531 · 2^30).</summary>
        private const long Ln2Q30 = 744261118L;

        /// <summary>Series terms are bounded: z &lt; 1/3 gives z^31/31 &lt; 2^-53, far below Q30.</summary>
        private const int SeriesTermsMax = 16;

        /// <summary>
        /// ln(value / 2^16) in Q16 (value is a positive Q16 number, i.e. 65536 means 1.0).
        /// Accurate to ±1 LSB (1.5e-5) over the whole positive long range.
        /// Returns long.MinValue for value ≤ 0 (ln undefined): callers validate first.
        /// </summary>
        public static long LnQ16(long valueQ16)
        {
            if (valueQ16 <= 0)
            {
                return long.MinValue;
            }

            return FixedMath.DivRound(LnQ30(valueQ16), 1L << 14);
        }

        /// <summary>
        /// ln(value / 2^16) in Q30, accurate to a few LSB (≈ 1e-8): for the NTC table, where a
        /// Q16 logarithm alone would cost 0.3 milli-°C. Returns long.MinValue for value ≤ 0.
        /// </summary>
        public static long LnQ30(long valueQ16)
        {
            if (valueQ16 <= 0)
            {
                return long.MinValue;
            }

            // Normalise to m ∈ [2^30, 2^31), i.e. value = (m / 2^30) · 2^exponent.
            long mantissaQ30 = valueQ16;
            int exponent = 30 - 16;
            while (mantissaQ30 >= (OneQ30 << 1))
            {
                mantissaQ30 = (mantissaQ30 + 1) >> 1;
                exponent++;
            }

            while (mantissaQ30 < OneQ30)
            {
                mantissaQ30 <<= 1;
                exponent--;
            }


            // ln(m) = 2·atanh(z), z = (m − 1)/(m + 1) ∈ [0, 1/3): a fast, alternating-free series.
            long zQ30 = ((mantissaQ30 - OneQ30) << 30) / (mantissaQ30 + OneQ30);
            long zSquaredQ30 = (zQ30 * zQ30) >> 30;
            long termQ30 = zQ30;
            long sumQ30 = 0;
            for (int i = 0; i < SeriesTermsMax && termQ30 != 0; i++)
            {
                sumQ30 += termQ30 / (2 * i + 1);
                termQ30 = (termQ30 * zSquaredQ30) >> 30;
            }

            return (2 * sumQ30) + (exponent * Ln2Q30);
        }

        /// <summary>ln(value) in Q16 for a positive integer value.</summary>
        public static long LnOfIntegerQ16(long value)
        {
            if (value <= 0)
            {
                return long.MinValue;
            }

            // Values above 2^46 would overflow the Q16 shift; take out powers of two first.
            int extraPowersOfTwo = 0;
            while (value >= (1L << 46))
            {
                value = (value + 1) >> 1;
                extraPowersOfTwo++;
            }

            return LnQ16(value << 16) + FixedMath.DivRound(extraPowersOfTwo * Ln2Q30, 1L << 14);
        }
    }
}
