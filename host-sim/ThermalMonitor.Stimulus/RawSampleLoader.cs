using ThermalMonitor.Core.Acquisition;
using ThermalMonitor.Sim;

namespace ThermalMonitor.Stimulus;

/// <summary>Copies a simulated ADC burst into the firmware's input object (no allocation).</summary>
public static class RawSampleLoader
{
    public static void Load(RawSample raw, AdcBurst burst, double timeS)
    {
        raw.TimestampMs = (long)Math.Round(timeS * 1000);
        Copy(raw, ChannelId.Pressure, burst.PressureCounts);
        Copy(raw, ChannelId.Temperature, burst.TempCounts);
        Copy(raw, ChannelId.Supply, burst.SupplyCounts);
    }

    private static void Copy(RawSample raw, ChannelId channel, int[] counts)
    {
        Array.Copy(counts, raw.ReadsCounts(channel), counts.Length);
        raw.SetReads(channel, counts.Length);
    }
}
