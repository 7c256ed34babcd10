using ThermalMonitor.Core.FixedPoint;

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
            return FixedMath.SaturateToInt(FixedMath.DivRound((long)pinMicrovolts * PpmOne, dividerRatioPpm));
        }
    }
}
