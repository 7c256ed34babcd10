using ThermalMonitor.Core.FixedPoint;

namespace ThermalMonitor.Core.Conversion
{
    /// <summary>
    /// Per-board ADC calibration: counts → microvolts at the pin, piecewise linear through 2..8
    /// measured knots (two-point calibration is the 2-knot case; extra knots follow the ESP32's
    /// compressed top above ≈2.45 V, docs/physics.md §4.3). Outside the knots the end segments extend.
    /// </summary>
    /// <remarks>
    /// Segment slopes are precomputed at configuration time in Q20 microvolts per Q8 count, so a
    /// conversion is one multiply and shift: |ΔcountsQ8| ≤ 2^20 and slope ≤ 2^31 keep the product
    /// below 2^51. Output rounded half up, saturated to the int range.
    /// </remarks>
    public sealed class AdcCalibration
    {
        public const int KnotCountMin = 2;
        public const int KnotCountMax = 8;

        private readonly int[] knotCountsQ8 = new int[KnotCountMax];
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
            if (count < KnotCountMin || count > KnotCountMax)
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
                knotCountsQ8[i] = countsKnots[i] * 256;
                knotMicrovolts[i] = microvoltsKnots[i];
            }

            for (int i = 0; i < count - 1; i++)
            {
                long riseMicrovolts = (long)knotMicrovolts[i + 1] - knotMicrovolts[i];
                long runCountsQ8 = (long)knotCountsQ8[i + 1] - knotCountsQ8[i];
                segmentSlopeQ20[i] = FixedMath.DivRound(riseMicrovolts << 20, runCountsQ8);
            }

            knotCount = count;
            return true;
        }

        public int KnotCount => knotCount;

        /// <summary>Pin voltage in µV for a reduced reading in Q8 counts.</summary>
        public int ToMicrovolts(int countsQ8)
        {
            // Segment search is bounded by the knot count (≤ 8).
            int segment = 0;
            while (segment < knotCount - 2 && countsQ8 >= knotCountsQ8[segment + 1])
            {
                segment++;
            }

            // FixedMath.ShiftRound(·, 20) and SaturateToInt written out: this runs for every channel
            // every sample, and on the nanoFramework interpreter each call costs as much as a few
            // dozen instructions.
            long offsetQ8 = (long)countsQ8 - knotCountsQ8[segment];
            long microvolts = knotMicrovolts[segment] + ((offsetQ8 * segmentSlopeQ20[segment] + (1L << 19)) >> 20);
            if (microvolts > int.MaxValue)
            {
                return int.MaxValue;
            }

            return microvolts < int.MinValue ? int.MinValue : (int)microvolts;
        }
    }
}
