namespace ThermalMonitor.Sim;

/// <summary>
/// SplitMix64 (Steele, Lea, Flood 2014; reference code by Vigna, prng.di.unimi.it/splitmix64.c).
/// Used only to expand one 64-bit seed into the 256-bit states of <see cref="Xoshiro256StarStar"/>
/// streams, as the xoshiro authors recommend. Implemented here, not taken from .NET, so that a seed
/// gives the same numbers on every runtime version and platform.
/// </summary>
public sealed class SplitMix64
{
    private ulong state;

    /// <summary>Starts the sequence at <paramref name="seed"/>.</summary>
    public SplitMix64(ulong seed) => state = seed;

    /// <summary>Returns the next 64-bit output.</summary>
    public ulong NextUInt64()
    {
        ulong z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
