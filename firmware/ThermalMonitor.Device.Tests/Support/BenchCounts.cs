using ThermalMonitor.Core.Acquisition;

namespace ThermalMonitor.Device.Tests
{
    /// <summary>
    /// Raw 12-bit ADC counts of the bench hardware under the default configuration (hardware/README.md;
    /// nominal ESP32 calibration 175 counts = 150 mV, 2900 counts = 2.45 V): pressure through a
    /// 10k/10k divider, transducer supply through 20k/10k, 10k B3950 NTC to ground with 10k to 3.3 V.
    /// </summary>
    internal static class BenchCounts
    {
        /// <summary>Reads per channel per sample in the default configuration (burstLength).</summary>
        public const int BurstLength = 32;

        /// <summary>Default sample period, ms.</summary>
        public const int PeriodMs = 100;

        /// <summary>2.5 V transducer output = 1.25 V at the pin: about 250 kPa absolute, a healthy loop.</summary>
        public const int Pressure250kPa = 1478;

        /// <summary>One count at the pressure pin is about 211 Pa.</summary>
        public const int PaPerPressureCount = 211;

        /// <summary>5.0 V supply = 1.667 V at the pin.</summary>
        public const int Supply5V = 1972;

        /// <summary>NTC = R25: the divider sits at half of 3.3 V, 25 °C.</summary>
        public const int Temp25C = 1952;

        /// <summary>1.000 V at the NTC pin: 45 °C, between the yellow (40 °C) and red (50 °C) limits.</summary>
        public const int Temp45C = 1182;

        /// <summary>
        /// Fills one channel's burst with <paramref name="counts"/>. With <paramref name="dither"/>, odd
        /// cycles carry half of the reads one count higher (a trimmed mean half a count up), as a live
        /// ADC always moves a little: an unchanged reading for 3 s is a STUCK sensor fault.
        /// </summary>
        public static void Fill(RawSample sample, ChannelId channel, int counts, int cycle, bool dither)
        {
            int[] reads = sample.ReadsCounts(channel);
            bool raise = dither && (cycle & 1) != 0;
            for (int i = 0; i < BurstLength; i++)
            {
                reads[i] = counts + (raise && (i & 1) != 0 ? 1 : 0);
            }

            sample.SetReads(channel, BurstLength);
        }

        /// <summary>One dithered sample of every channel at cycle * <see cref="PeriodMs"/>.</summary>
        public static void FillAll(RawSample sample, int cycle, int pressureCounts, int tempCounts)
        {
            sample.TimestampMs = (long)cycle * PeriodMs;
            Fill(sample, ChannelId.Pressure, pressureCounts, cycle, true);
            Fill(sample, ChannelId.Temperature, tempCounts, cycle, true);
            Fill(sample, ChannelId.Supply, Supply5V, cycle, true);
        }
    }
}
