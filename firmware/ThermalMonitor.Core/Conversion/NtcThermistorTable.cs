using ThermalMonitor.Core.FixedPoint;

namespace ThermalMonitor.Core.Conversion
{
    /// <summary>
    /// Coolant temperature from an NTC divider (NTC to ground, series resistor to the divider
    /// supply; docs/physics.md §4.2) by table lookup: no logarithm, no float in the sampling path.
    /// </summary>
    /// <remarks>
    /// The table is indexed by the divider ratio x = V_pin / V_supply taken in Q20 (3 µV steps at
    /// 3.3 V): 513 knots at x = i/512 hold the temperature in micro-°C, and each of the 512 segments
    /// also holds its bulge — twice the curve's distance above the chord at the segment midpoint.
    /// Lookup is quadratic through knot, midpoint and knot:
    /// T = T_i + (T_i+1 − T_i)·f + bulge_i·2f(1 − f), f = low 11 bits / 2048, then rounded to milli-°C
    /// (half away from zero). Micro-°C inside keeps knot rounding out of the result.
    /// A plain chord would always err to one side of the convex curve, a slow systematic wiggle
    /// the leak statistic would integrate; the quadratic keeps the error against the exact curve
    /// within the output's own ±0.5 milli-°C rounding from −20 to +100 °C. Temperature never rises
    /// as the ratio rises, at any of the 2^20 ratios (<see cref="MonotoneBulgeMicroC"/>): a detector
    /// fed a reading that turns back near an open or shorted sensor would see a false trend.
    /// The table is built once at configuration time with the integer logarithm
    /// (<see cref="FixedLog.LnQ30"/>), so host and ESP32 build identical tables. Temperatures are
    /// clamped to [<see cref="TempMinMilliC"/>, <see cref="TempMaxMilliC"/>]; ratios near 0 and 1
    /// (short / open) are caught by the validator's live band before their temperatures matter.
    /// </remarks>
    public sealed class NtcThermistorTable
    {
        public const int SegmentCount = 512;
        public const int TempMinMilliC = -100000;
        public const int TempMaxMilliC = 250000;

        private const int RatioBits = 20;
        private const int SegmentBits = 11; // 2^20 / 512 segments
        private const long RatioOneQ20 = 1L << RatioBits;

        /// <summary>0 °C in milli-kelvin.</summary>
        private const long ZeroCelsiusMilliK = 273150;

        /// <summary>Ratio endpoints are nudged inwards by half a segment: x = 0 and x = 1 are singular.</summary>
        private const long RatioEdgeQ20 = 1L << (SegmentBits - 1);

        private const int MicroPerMilli = 1000;

        private readonly int[] knotTempMicroC = new int[SegmentCount + 1];
        private readonly int[] segmentBulgeMicroC = new int[SegmentCount];
        private int supplyMicrovolts;

        // What the knots were computed from: a configuration apply that changes none of these
        // keeps them (1,025 evaluations with two logarithms each is the dearest part of an apply).
        private bool built;
        private NtcModel builtModel;
        private int builtSeriesOhm;
        private int builtR25Ohm;
        private int builtBetaK;
        private int builtShAPico;
        private int builtShBPico;
        private int builtShCPico;

        public int SupplyMicrovolts => supplyMicrovolts;

        /// <summary>How many times the knots have been computed (tests observe that an apply skipped it).</summary>
        public int KnotBuilds { get; private set; }

        /// <summary>
        /// Builds the table. Resistances in ohms; beta in kelvin; Steinhart–Hart coefficients in
        /// pico-units (1e-12 K^-1). Returns false (table unchanged) for unusable parameters.
        /// The knots are recomputed only when a parameter they depend on changed; the divider
        /// supply only scales the ratio (<see cref="RatioQ20"/>), never the knots.
        /// </summary>
        public bool Build(NtcModel model, int seriesOhm, int r25Ohm, int betaK, int shAPico, int shBPico, int shCPico, int supplyMicrovolts)
        {
            if (seriesOhm <= 0 || r25Ohm <= 0 || supplyMicrovolts <= 0 || (model == NtcModel.Beta && betaK <= 0))
            {
                return false;
            }

            if (!KnotsMatch(model, seriesOhm, r25Ohm, betaK, shAPico, shBPico, shCPico))
            {
                BuildKnots(model, seriesOhm, r25Ohm, betaK, shAPico, shBPico, shCPico);
            }

            this.supplyMicrovolts = supplyMicrovolts;
            return true;
        }

        /// <summary>True if the knots in place are what these parameters give (each model reads only its own coefficients).</summary>
        private bool KnotsMatch(NtcModel model, int seriesOhm, int r25Ohm, int betaK, int shAPico, int shBPico, int shCPico)
        {
            if (!built || model != builtModel || seriesOhm != builtSeriesOhm)
            {
                return false;
            }

            return model == NtcModel.Beta
                ? r25Ohm == builtR25Ohm && betaK == builtBetaK
                : shAPico == builtShAPico && shBPico == builtShBPico && shCPico == builtShCPico;
        }

        private void BuildKnots(NtcModel model, int seriesOhm, int r25Ohm, int betaK, int shAPico, int shBPico, int shCPico)
        {
            for (int i = 0; i <= SegmentCount; i++)
            {
                knotTempMicroC[i] = TempAtRatioMicroC((long)i << SegmentBits, model, seriesOhm, r25Ohm, betaK, shAPico, shBPico, shCPico);
            }

            for (int i = 0; i < SegmentCount; i++)
            {
                int midMicroC = TempAtRatioMicroC(((long)i << SegmentBits) + RatioEdgeQ20, model, seriesOhm, r25Ohm, betaK, shAPico, shBPico, shCPico);
                int riseMicroC = knotTempMicroC[i + 1] - knotTempMicroC[i];
                segmentBulgeMicroC[i] = MonotoneBulgeMicroC((2 * midMicroC) - knotTempMicroC[i] - knotTempMicroC[i + 1], riseMicroC);
            }

            built = true;
            builtModel = model;
            builtSeriesOhm = seriesOhm;
            builtR25Ohm = r25Ohm;
            builtBetaK = betaK;
            builtShAPico = shAPico;
            builtShBPico = shBPico;
            builtShCPico = shCPico;
            KnotBuilds++;
        }

        /// <summary>
        /// The bulge limited to half the segment's rise (|2·bulge| ≤ |rise|): then the segment's quadratic
        /// T_i + rise·f + bulge·2f(1 − f) has a slope of the rise's sign at both ends (rise ± 2·bulge) and
        /// so everywhere between, and temperature never turns back as the ratio rises. Inside the
        /// curve's working range the limit is far from binding (there the bulge is a few thousandths of
        /// the rise); it binds in the two end segments, whose outer knot sits at the nudged ratio
        /// (x = 1/1024 or 1 − 1/1024, the segment's own midpoint), and where a knot is clamped.
        /// </summary>
        private static int MonotoneBulgeMicroC(int bulgeMicroC, int riseMicroC)
        {
            int limitMicroC = FixedMath.Abs(riseMicroC) / 2;
            return FixedMath.Clamp(bulgeMicroC, -limitMicroC, limitMicroC);
        }

        /// <summary>Divider ratio V_pin/V_supply in Q20 (0..2^20 − 1), saturated.</summary>
        public int RatioQ20(int pinMicrovolts)
        {
            // FixedMath.DivRound and Clamp written out (the supply is positive, Build refuses
            // anything else): two calls fewer per sample on the nanoFramework interpreter.
            long numerator = (long)pinMicrovolts << RatioBits;
            long half = supplyMicrovolts >> 1;
            long ratioQ20 = numerator >= 0 ? (numerator + half) / supplyMicrovolts : -((-numerator + half) / supplyMicrovolts);
            if (ratioQ20 < 0)
            {
                return 0;
            }

            return ratioQ20 > RatioOneQ20 - 1 ? (int)(RatioOneQ20 - 1) : (int)ratioQ20;
        }

        /// <summary>Temperature in milli-°C for a divider ratio in Q20.</summary>
        public int TempMilliC(int ratioQ20)
        {
            int segment = ratioQ20 >> SegmentBits;
            long fraction = ratioQ20 & ((1 << SegmentBits) - 1);
            long low = knotTempMicroC[segment];
            long rise = knotTempMicroC[segment + 1] - low;
            // FixedMath.ShiftRound, DivRound by 1000 and Clamp written out: four calls fewer per sample
            // on the nanoFramework interpreter, same rounding.
            // Linear and bulge terms summed in Q21 (rise·f·2^10 + bulge·f·(2^11 − f), ≤ 2^50) and
            // rounded once: the exact sum is monotone in f (MonotoneBulgeMicroC), and a floor of a
            // monotone sequence stays monotone; two separately rounded terms could step back 1 µ°C.
            long sumQ21 = (rise * fraction << (SegmentBits - 1)) + (segmentBulgeMicroC[segment] * fraction * ((1L << SegmentBits) - fraction));
            long tempMicroC = low + ((sumQ21 + (1L << ((2 * SegmentBits) - 2))) >> ((2 * SegmentBits) - 1));
            long tempMilliC = tempMicroC >= 0 ? (tempMicroC + (MicroPerMilli / 2)) / MicroPerMilli : -((-tempMicroC + (MicroPerMilli / 2)) / MicroPerMilli);
            if (tempMilliC < TempMinMilliC)
            {
                return TempMinMilliC;
            }

            return tempMilliC > TempMaxMilliC ? TempMaxMilliC : (int)tempMilliC;
        }

        /// <summary>Knot temperature in micro-°C (tests and the dictionary export).</summary>
        public int KnotMicroC(int index) => knotTempMicroC[index];

        private static int TempAtRatioMicroC(long ratioQ20, NtcModel model, int seriesOhm, int r25Ohm, int betaK, int shAPico, int shBPico, int shCPico)
        {
            long x = FixedMath.Clamp(ratioQ20, RatioEdgeQ20, RatioOneQ20 - RatioEdgeQ20);

            // R_ntc = R_series · x / (1 − x), in Q16 ohms (≤ 1e7 · 2^20 · 2^16 / 1 fits).
            long resistanceQ16 = FixedMath.DivRound(((long)seriesOhm * x) << 16, RatioOneQ20 - x);
            long tempMicroK = model == NtcModel.Beta
                ? BetaTempMicroK(resistanceQ16, r25Ohm, betaK)
                : SteinhartHartTempMicroK(resistanceQ16, shAPico, shBPico, shCPico);
            long tempMicroC = tempMicroK - (ZeroCelsiusMilliK * MicroPerMilli);
            return (int)FixedMath.Clamp(tempMicroC, (long)TempMinMilliC * MicroPerMilli, (long)TempMaxMilliC * MicroPerMilli);
        }

        /// <summary>
        /// 1/T = 1/T25 + ln(R/R25)/B, carried in Q40 per kelvin (≈ 3.7e9 at 298 K, one part in
        /// 10^9) so the micro-kelvin result keeps its precision.
        /// </summary>
        private static long BetaTempMicroK(long resistanceQ16, int r25Ohm, int betaK)
        {
            // ln R − ln R25 rather than ln(R/R25): a Q16 ratio of a small resistance would keep
            // only a few digits (a milli-degree at the hot end).
            long lnRatioQ30 = FixedLog.LnQ30(resistanceQ16) - FixedLog.LnQ30((long)r25Ohm << 16);
            long inverseT25Q40 = FixedMath.DivRound((1L << 40) * 100, 29815); // T25 = 298.15 K
            long inverseTempQ40 = inverseT25Q40 + FixedMath.DivRound(lnRatioQ30 << 10, betaK);
            if (inverseTempQ40 <= 0)
            {
                return ((long)TempMaxMilliC + ZeroCelsiusMilliK) * MicroPerMilli; // R → 0: hotter than the table holds
            }

            return FixedMath.DivRound(1000000L << 40, inverseTempQ40);
        }

        /// <summary>1/T = A + B·L + C·L^3 with L = ln(R/ohm) in Q20; coefficients in 1e-12 K^-1.</summary>
        private static long SteinhartHartTempMicroK(long resistanceQ16, int shAPico, int shBPico, int shCPico)
        {
            long lnQ20 = FixedMath.DivRound(FixedLog.LnQ30(resistanceQ16), 1L << 10);
            long lnCubedQ20 = FixedMath.ShiftRound(FixedMath.ShiftRound(lnQ20 * lnQ20, 20) * lnQ20, 20);
            long inverseTempPico = shAPico
                + FixedMath.ShiftRound(shBPico * lnQ20, 20)
                + FixedMath.ShiftRound(shCPico * lnCubedQ20, 20);
            if (inverseTempPico <= 0)
            {
                return ((long)TempMaxMilliC + ZeroCelsiusMilliK) * MicroPerMilli;
            }

            // T[µK] = 1e18 / (1/T in 1e-12 K^-1).
            return FixedMath.DivRound(1000000000000000000L, inverseTempPico);
        }
    }
}
