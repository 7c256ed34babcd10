namespace ThermalMonitor.Sim;

/// <summary>
/// Raw ADC readings of one output sample: a burst of reads per channel, each 0…4095. The arrays are
/// owned by this object and overwritten whenever it is passed to a sensor chain again.
/// </summary>
public sealed class AdcBurst
{
    /// <summary>Allocates three bursts of <paramref name="burstLength"/> reads.</summary>
    public AdcBurst(int burstLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(burstLength, 1);
        PressureCounts = new int[burstLength];
        TempCounts = new int[burstLength];
        SupplyCounts = new int[burstLength];
    }

    /// <summary>Reads per channel.</summary>
    public int BurstLength => PressureCounts.Length;

    /// <summary>Pressure transducer pin.</summary>
    public int[] PressureCounts { get; }

    /// <summary>NTC divider pin.</summary>
    public int[] TempCounts { get; }

    /// <summary>Supply-rail sense pin.</summary>
    public int[] SupplyCounts { get; }

    /// <summary>The reads of <paramref name="channel"/>.</summary>
    public int[] Counts(SensorChannel channel) => channel switch
    {
        SensorChannel.Pressure => PressureCounts,
        SensorChannel.Temperature => TempCounts,
        SensorChannel.Supply => SupplyCounts,
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, "Unknown sensor channel."),
    };
}
