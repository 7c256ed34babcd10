using ThermalMonitor.Core.FixedPoint;

namespace ThermalMonitor.Core.Conversion
{
    /// <summary>
    /// Ratiometric pressure transducer (docs/physics.md §4.1): V_out = V_supply · (zero + span · P/P_FS),
    /// classically 10 % + 80 % (0.5–4.5 V at 5 V), read through a divider. Measuring the supply rail
    /// too makes the reading independent of rail drift; without it the nominal rail is used.
    /// </summary>
    /// <remarks>
    /// Fixed point: the output ratio V_out/V_supply is kept in parts per billion (≤ ~1.2e9) so the
    /// final scaling to Pa rounds once: |ratioPpb · fullScale| ≤ 2^31 · 2^31 fits a long.
    /// pressurePa = offset + (ratioPpb − zeroPpb) · fullScalePa / spanPpb, rounded half
    /// away from zero, saturated to the int range.
    /// </remarks>
    public sealed class PressureTransducer
    {
        private const long PpbPerPpm = 1000;

        private int dividerRatioPpm;
        private long zeroPpb;
        private long spanPpb;
        private int fullScalePa;
        private int zeroOffsetPa;

        public void Configure(int dividerRatioPpm, int zeroPpm, int spanPpm, int fullScalePa, int zeroOffsetPa)
        {
            this.dividerRatioPpm = dividerRatioPpm;
            zeroPpb = zeroPpm * PpbPerPpm;
            spanPpb = spanPpm * PpbPerPpm;
            this.fullScalePa = fullScalePa;
            this.zeroOffsetPa = zeroOffsetPa;
        }

        /// <summary>Output/supply ratio in ppb for a pin voltage and a supply voltage (both µV).</summary>
        public long OutputRatioPpb(int pinMicrovolts, int supplyMicrovolts)
        {
            int outputMicrovolts = VoltageDivider.SourceMicrovolts(pinMicrovolts, dividerRatioPpm);
            return FixedMath.DivRound((long)outputMicrovolts * 1000000000L, supplyMicrovolts);
        }

        /// <summary>Pressure in Pa for an output ratio in ppb.</summary>
        public int PressurePa(long outputRatioPpb)
        {
            long scaled = FixedMath.DivRound((outputRatioPpb - zeroPpb) * fullScalePa, spanPpb);
            return FixedMath.SaturateToInt(zeroOffsetPa + scaled);
        }
    }
}
