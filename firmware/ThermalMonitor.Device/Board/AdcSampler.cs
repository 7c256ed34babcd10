using System.Device.Adc;
using ThermalMonitor.Core.Acquisition;
using ThermalMonitor.Core.Board;

namespace ThermalMonitor.Device.Board
{
    /// <summary>
    /// The ADC side of the board: one burst of raw 12-bit reads per channel into the core's
    /// <see cref="RawSample"/>. A read that throws is a failed read with a reason, never a zero.
    /// Channels are opened once; nothing is allocated per sample.
    /// </summary>
    public sealed class AdcSampler : ISampleSource
    {
        private readonly AdcChannel[] channels = new AdcChannel[Channels.Count];

        public AdcSampler(AdcController controller)
        {
            channels[(int)ChannelId.Pressure] = controller.OpenChannel(BoardPins.PressureAdcChannel);
            channels[(int)ChannelId.Temperature] = controller.OpenChannel(BoardPins.TemperatureAdcChannel);
            channels[(int)ChannelId.Supply] = controller.OpenChannel(BoardPins.SupplyAdcChannel);
        }

        /// <summary>Fills every channel's burst of <paramref name="burstLength"/> reads (1..64); the ADC always has a sample.</summary>
        public bool TrySample(RawSample into, int burstLength, long timestampMs)
        {
            into.TimestampMs = timestampMs;
            for (int channel = 0; channel < Channels.Count; channel++)
            {
                ReadBurst(into, (ChannelId)channel, burstLength);
            }

            return true;
        }

        private void ReadBurst(RawSample into, ChannelId channel, int burstLength)
        {
            int[] reads = into.ReadsCounts(channel);
            AdcChannel adc = channels[(int)channel];
            try
            {
                for (int i = 0; i < burstLength && i < Channels.BurstLengthMax; i++)
                {
                    reads[i] = adc.ReadValue();
                }
            }
            catch (System.Exception)
            {
                // The driver refused (e.g. the channel is in use by Wi-Fi): the validator sees a
                // failed read and raises SENSOR_FAULT READ_FAILED after its persistence.
                into.SetFailed(channel, ReadStatus.DriverError);
                return;
            }

            into.SetReads(channel, burstLength);
        }
    }
}
