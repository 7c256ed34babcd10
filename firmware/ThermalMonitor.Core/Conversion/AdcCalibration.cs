using ThermalMonitor.Core.FixedPoint;

namespace ThermalMonitor.Core.Conversion
{
    /// <summary>
    /// Per-board ADC calibration: counts → microvolts at the pin, piecewise linear through 2..8
    /// measured knots (two-point calibration is the 2-knot case; extra knots follow the ESP32's
    /// compressed top above ≈2.45 V, DOMAIN.md §4.3). Outside the knots the end segments extend.
    /// </summary>
    /// <remarks>
    /// Segment slopes are precomputed at configuration time in Q20 microvolts per Q4 count, so a
    /// conversion is one multiply and shift: |ΔcountsQ4| ≤ 65520 and slope ≤ 2^31 keep the product
    /// below 2^47. Output rounded half up, saturated to the int range.
    /// </remarks>
    public sealed class AdcCalibration
    {
        public const int KnotCountMax = 8;

        private readonly int[] knotCountsQ4 = new int[KnotCountMax];
        private readonly int[] knotMicrovolts = new int[KnotCountMax];
        private readonly long[] segmentSlopeQ20 = new long[KnotCountMax];
        private int knotCount;

        /// <summary>
        /// Loads knots (counts strictly increasing in 0..4095, microvolts strictly increasing).
        /// Validation with field-level errors happens in the configuration layer; this returns
        /// false and keeps the previous table if the knots are unusable.
        /// </summary>
        public bool Load(int[] countsKnots, int[] microvoltsKnots, int count)
        {
            if (count < 2 || count > KnotCountMax)
            {
                return false;
            }

            for (int i = 1; i < count; i++)
            {
                if (countsKnots[i] <= countsKnots[i - 1] || microvoltsKnots[i] <= microvoltsKnots[i - 1])
                {
                    return false;
                }
            }

            for (int i = 0; i < count; i++)
            {
                knotCountsQ4[i] = countsKnots[i] * 16;
                knotMicrovolts[i] = microvoltsKnots[i];
            }

            for (int i = 0; i < count - 1; i++)
            {
                long riseMicrovolts = (long)knotMicrovolts[i + 1] - knotMicrovolts[i];
                long runCountsQ4 = (long)knotCountsQ4[i + 1] - knotCountsQ4[i];
                segmentSlopeQ20[i] = FixedMath.DivRound(riseMicrovolts << 20, runCountsQ4);
            }

            knotCount = count;
            return true;
        }

        public int KnotCount => knotCount;

        /// <summary>Pin voltage in µV for a reduced reading in Q4 counts.</summary>
        public int ToMicrovolts(int countsQ4)
        {
            // Segment search is bounded by the knot count (≤ 8).
            int segment = 0;
            while (segment < knotCount - 2 && countsQ4 >= knotCountsQ4[segment + 1])
            {
                segment++;
            }

            long offsetQ4 = (long)countsQ4 - knotCountsQ4[segment];
            long microvolts = knotMicrovolts[segment] + FixedMath.ShiftRound(offsetQ4 * segmentSlopeQ20[segment], 20);
            return FixedMath.SaturateToInt(microvolts);
        }
    }
}
