namespace ThermalMonitor.Core.Acquisition
{
    /// <summary>The analog channels the monitor reads. Values index per-channel arrays.</summary>
    public enum ChannelId
    {
        /// <summary>Loop pressure transducer (ratiometric 0.5–4.5 V through a divider).</summary>
        Pressure = 0,

        /// <summary>Coolant temperature NTC divider.</summary>
        Temperature = 1,

        /// <summary>Transducer supply rail through a divider (optional; makes pressure ratiometric).</summary>
        Supply = 2,
    }

    /// <summary>Channel count and limits shared by the acquisition stage.</summary>
    public static class Channels
    {
        public const int Count = 3;

        /// <summary>12-bit SAR ADC (ESP32 ADC1 at 12 dB attenuation reports raw 0..4095).</summary>
        public const int AdcCountsMax = 4095;

        /// <summary>Upper bound on reads per channel per output sample (sizes every buffer).</summary>
        public const int BurstLengthMax = 64;
    }
}
