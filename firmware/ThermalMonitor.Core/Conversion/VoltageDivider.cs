namespace ThermalMonitor.Core.Conversion
{
    /// <summary>
    /// A resistive divider between a source and an ADC pin, described by its ratio
    /// pin/source in parts per million (10k over 10k = 500000 ppm).
    /// </summary>
    public static class VoltageDivider
    {
        public const int PpmOne = 1000000;

        /// <summary>Source voltage in µV from the pin voltage; rounded half away from zero.</summary>
        public static int SourceMicrovolts(int pinMicrovolts, int dividerRatioPpm)
        {
            // FixedMath.DivRound and SaturateToInt written out for a divisor that is positive
            // (validated: 10,000..1,000,000 ppm): two calls fewer per use, twice per sample.
            long numerator = (long)pinMicrovolts * PpmOne;
            long half = dividerRatioPpm >> 1;
            long sourceMicrovolts = numerator >= 0 ? (numerator + half) / dividerRatioPpm : -((-numerator + half) / dividerRatioPpm);
            if (sourceMicrovolts > int.MaxValue)
            {
                return int.MaxValue;
            }

            return sourceMicrovolts < int.MinValue ? int.MinValue : (int)sourceMicrovolts;
        }
    }
}
