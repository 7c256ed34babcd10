namespace ThermalMonitor.Profiles;

/// <summary>How many rows of one channel hold each kind of impossible reading.</summary>
/// <param name="BelowPhysicalMinimum">Below vacuum (pressure) or at/below absolute zero (temperature).</param>
/// <param name="BeyondRange">Beyond the sensor's range.</param>
/// <param name="Missing">Empty cells and NaN.</param>
public readonly record struct ChannelReadingCounts(int BelowPhysicalMinimum, int BeyondRange, int Missing)
{
    /// <summary>Rows with an impossible reading on this channel.</summary>
    public int Total => BelowPhysicalMinimum + BeyondRange + Missing;

    /// <summary>These counts with one more reading of <paramref name="kind"/> (none for a possible one).</summary>
    public ChannelReadingCounts With(ReadingKind kind) => kind switch
    {
        ReadingKind.Possible => this,
        ReadingKind.BelowPhysicalMinimum => this with { BelowPhysicalMinimum = BelowPhysicalMinimum + 1 },
        ReadingKind.BeyondRange => this with { BeyondRange = BeyondRange + 1 },
        ReadingKind.Missing => this with { Missing = Missing + 1 },
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown reading kind."),
    };
}
