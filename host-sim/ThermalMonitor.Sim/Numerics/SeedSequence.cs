namespace ThermalMonitor.Sim;

/// <summary>
/// Independent seeds derived from one seed: <see cref="Derive"/> mixes a seed, a stream identifier and
/// an index through SplitMix64's finaliser, so e.g. loop 7 of campaign seed 42 gets the same seed
/// whatever else is drawn, in whatever order or on whatever thread.
/// </summary>
public static class SeedSequence
{
    /// <summary>A seed for item <paramref name="index"/> of stream <paramref name="stream"/> under <paramref name="seed"/>.</summary>
    public static ulong Derive(ulong seed, ulong stream, ulong index)
    {
        ulong streamSeed = new SplitMix64(seed).NextUInt64() ^ stream;
        ulong itemSeed = new SplitMix64(streamSeed).NextUInt64() ^ index;
        return new SplitMix64(itemSeed).NextUInt64();
    }
}
