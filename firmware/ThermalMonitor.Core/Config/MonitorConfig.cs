using ThermalMonitor.Core.Conversion;

namespace ThermalMonitor.Core.Config
{
    /// <summary>
    /// The monitor's whole configuration: one integer per <see cref="ParamId"/> (physical units,
    /// named in <see cref="ParameterTable"/>) plus the per-board ADC calibration knots. It is only
    /// a value holder: <see cref="ConfigValidator"/> judges it, and the monitor applies it all or
    /// nothing.
    /// </summary>
    public sealed class MonitorConfig
    {
        /// <summary>
        /// Nominal ESP32 12 dB transfer (docs/physics.md §4.3): 150 mV at 175 counts, 2.45 V at 2900 counts
        /// (the accurate window), compressed above up to 3.15 V at full scale. Replace with the
        /// board's own knots (hardware/README.md, calibration).
        /// </summary>
        private static readonly int[] DefaultAdcCalCounts = { 175, 2900, 4095 };
        private static readonly int[] DefaultAdcCalMicrovolts = { 150000, 2450000, 3150000 };

        private readonly int[] values = new int[ParameterTable.Count];
        private readonly int[] adcCalCounts = new int[AdcCalibration.KnotCountMax];
        private readonly int[] adcCalMicrovolts = new int[AdcCalibration.KnotCountMax];

        public MonitorConfig()
        {
            ResetToDefaults();
        }

        public int Get(ParamId id) => values[(int)id];

        /// <summary>Stages a value; nothing is checked until the whole configuration is validated.</summary>
        public void Set(ParamId id, int value) => values[(int)id] = value;

        /// <summary>ADC calibration knot counts (0..4095); the first adcCalKnotCount entries are used.</summary>
        public int[] AdcCalCounts => adcCalCounts;

        /// <summary>ADC calibration knot voltages at the pin (µV), paired with <see cref="AdcCalCounts"/>.</summary>
        public int[] AdcCalMicrovolts => adcCalMicrovolts;

        public void ResetToDefaults()
        {
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = ParameterTable.At(i).DefaultValue;
            }

            System.Array.Clear(adcCalCounts, 0, adcCalCounts.Length);
            System.Array.Clear(adcCalMicrovolts, 0, adcCalMicrovolts.Length);
            System.Array.Copy(DefaultAdcCalCounts, adcCalCounts, DefaultAdcCalCounts.Length);
            System.Array.Copy(DefaultAdcCalMicrovolts, adcCalMicrovolts, DefaultAdcCalMicrovolts.Length);
        }

        public void CopyFrom(MonitorConfig other)
        {
            System.Array.Copy(other.values, values, values.Length);
            System.Array.Copy(other.adcCalCounts, adcCalCounts, adcCalCounts.Length);
            System.Array.Copy(other.adcCalMicrovolts, adcCalMicrovolts, adcCalMicrovolts.Length);
        }

        public bool ContentEquals(MonitorConfig other)
        {
            for (int i = 0; i < values.Length; i++)
            {
                if (values[i] != other.values[i])
                {
                    return false;
                }
            }

            for (int i = 0; i < adcCalCounts.Length; i++)
            {
                if (adcCalCounts[i] != other.adcCalCounts[i] || adcCalMicrovolts[i] != other.adcCalMicrovolts[i])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
