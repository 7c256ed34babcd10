using ThermalMonitor.Core.Acquisition;

namespace ThermalMonitor.Core.Board
{
    /// <summary>Where LIVE samples come from: the ESP32's ADC, or a profile played through a simulated sensor chain.</summary>
    public interface ISampleSource
    {
        /// <summary>
        /// Fills <paramref name="into"/> with one burst of <paramref name="burstLength"/> reads per
        /// channel stamped <paramref name="nowMs"/>; a read that fails is marked failed with its
        /// reason, never zero. Returns false when the source has no sample for this cycle.
        /// </summary>
        bool TrySample(RawSample into, int burstLength, long nowMs);
    }
}
