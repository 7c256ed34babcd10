using ThermalMonitor.Core.FixedPoint;

namespace ThermalMonitor.Core.Conversion
{
    /// <summary>
    /// Coolant temperature from an NTC divider (NTC to ground, series resistor to the divider
    /// supply; DOMAIN.md §4.2) by table lookup: no logarithm, no float in the sampling path.
    /// </summary>
    /// <remarks>
    /// The table holds temperature in milli-°C at 257 evenly spaced divider ratios
    /// x = V_pin / V_supply (index = ratioQ16 &gt;&gt; 8); lookup interpolates linearly on the low 8 bits,
    /// rounding half up. It is built once at configuration time with the integer logarithm
    /// <see cref="FixedLog.LnQ16"/>, so host and ESP32 build identical tables. Entries are clamped
    /// to [<see cref="TempMinMilliC"/>, <see cref="TempMaxMilliC"/>]; ratios near 0 and 1 (short /
    /// open) are caught by the validator's live band before their temperatures matter.
    /// </remarks>
    public sealed class NtcThermistorTable
    {
        public const int TableSize = 257;
        public const int TempMinMilliC = -100000;
        public const int TempMaxMilliC = 250000;

        /// <summary>0 °C in milli-kelvin.</summary>
        private const long ZeroCelsiusMilliK = 273150;

        /// <summary>25 °C in milli-kelvin: the beta model's reference point.</summary>
        private const long T25MilliK = 298150;

        /// <summary>Ratio endpoints are nudged half a step inwards: x = 0 and x = 1 are singular.</summary>
        private const int RatioEdgeQ16 = 128;

        private readonly int[] tempAtRatioMilliC = new int[TableSize];
        private int supplyMicrovolts;

        public int SupplyMicrovolts => supplyMicrovolts;

        /// <summary>
        /// Builds the table. Resistances in ohms; beta in kelvin; Steinhart–Hart coefficients in
        /// pico-units (1e-12 K^-1). Returns false (table unchanged) for unusable parameters.
        /// </summary>
        public bool Build(NtcModel model, int seriesOhm, int r25Ohm, int betaK, int shAPico, int shBPico, int shCPico, int supplyMicrovolts)
        {
            if (seriesOhm <= 0 || r25Ohm <= 0 || supplyMicrovolts <= 0 || (model == NtcModel.Beta && betaK <= 0))
            {
                return false;
            }

            for (int i = 0; i < TableSize; i++)
            {
                long ratioQ16 = FixedMath.Clamp((long)i << 8, RatioEdgeQ16, 65536 - RatioEdgeQ16);

                // R_ntc = R_series · x / (1 − x), in Q16 ohms (≤ 2^31 · 2^16 · 512 fits).
                long resistanceQ16 = FixedMath.DivRound((long)seriesOhm * ratioQ16 << 16, 65536 - ratioQ16);
                long tempMilliK = model == NtcModel.Beta
                    ? BetaTempMilliK(resistanceQ16, r25Ohm, betaK)
                    : SteinhartHartTempMilliK(resistanceQ16, shAPico, shBPico, shCPico);
                tempAtRatioMilliC[i] = (int)FixedMath.Clamp(tempMilliK - ZeroCelsiusMilliK, TempMinMilliC, TempMaxMilliC);
            }

            this.supplyMicrovolts = supplyMicrovolts;
            return true;
        }

        /// <summary>Divider ratio V_pin/V_supply in Q16 (0..65535), saturated.</summary>
        public int RatioQ16(int pinMicrovolts)
        {
            long ratioQ16 = FixedMath.DivRound((long)pinMicrovolts << 16, supplyMicrovolts);
            return (int)FixedMath.Clamp(ratioQ16, 0, 65535);
        }

        /// <summary>Temperature in milli-°C for a divider ratio in Q16.</summary>
        public int TempMilliC(int ratioQ16)
        {
            int index = ratioQ16 >> 8;
            int fraction = ratioQ16 & 0xFF;
            int low = tempAtRatioMilliC[index];
            int high = tempAtRatioMilliC[index + 1];
            return low + (int)FixedMath.ShiftRound((long)(high - low) * fraction, 8);
        }

        /// <summary>Table entry (for tests and the dictionary export).</summary>
        public int EntryMilliC(int index) => tempAtRatioMilliC[index];

        /// <summary>T = B·T25 / (B + ln(R/R25)·T25), scaled by 65536·1000 to stay in integers.</summary>
        private static long BetaTempMilliK(long resistanceQ16, int r25Ohm, int betaK)
        {
            long lnRatioQ16 = FixedLog.LnQ16(FixedMath.DivRound(resistanceQ16, r25Ohm));
            long numerator = betaK * T25MilliK * 65536L * 1000L;
            long denominator = (betaK * 65536L * 1000L) + (lnRatioQ16 * T25MilliK);
            if (denominator <= 0)
            {
                return TempMaxMilliC + ZeroCelsiusMilliK; // R → 0: hotter than anything the table holds
            }

            return FixedMath.DivRound(numerator, denominator);
        }

        /// <summary>1/T = A + B·L + C·L^3 with L = ln(R/ohm); coefficients in 1e-12 K^-1.</summary>
        private static long SteinhartHartTempMilliK(long resistanceQ16, int shAPico, int shBPico, int shCPico)
        {
            long lnQ16 = FixedLog.LnQ16(resistanceQ16);
            long lnCubedQ16 = (((lnQ16 * lnQ16) >> 16) * lnQ16) >> 16;
            long inverseTempPico = shAPico
                + FixedMath.ShiftRound(shBPico * lnQ16, 16)
                + FixedMath.ShiftRound(shCPico * lnCubedQ16, 16);
            if (inverseTempPico <= 0)
            {
                return TempMaxMilliC + ZeroCelsiusMilliK;
            }

            // T[mK] = 1e15 / (1/T in 1e-12 K^-1).
            return FixedMath.DivRound(1000000000000000L, inverseTempPico);
        }
    }
}
