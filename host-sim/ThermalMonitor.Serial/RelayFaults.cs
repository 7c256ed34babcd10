namespace ThermalMonitor.Serial;

/// <summary>
/// What a <see cref="FaultInjectingRelay"/> does to each byte it forwards. Per byte one random draw
/// decides: dropped with <paramref name="DropProbability"/>, else one random bit flipped with
/// <paramref name="CorruptProbability"/>, else forwarded as is. Each direction has its own
/// <see cref="Random"/> seeded from <paramref name="Seed"/>, and the draws depend only on the byte's
/// position in its stream (not on how reads happened to split it), so a run is reproducible.
/// </summary>
/// <param name="DropProbability">Chance a byte is lost, 0..1.</param>
/// <param name="CorruptProbability">Chance a byte arrives with one bit flipped, 0..1 (drop + corrupt ≤ 1).</param>
/// <param name="Seed">Seed of both directions' random generators.</param>
/// <param name="AffectBoardToHost">Apply faults to bytes from the board to the host.</param>
/// <param name="AffectHostToBoard">Apply faults to bytes from the host to the board.</param>
public sealed record RelayFaults(
    double DropProbability = 0,
    double CorruptProbability = 0,
    int Seed = 0,
    bool AffectBoardToHost = true,
    bool AffectHostToBoard = true)
{
    /// <summary>A transparent relay (still useful for <see cref="FaultInjectingRelay.Unplug"/>).</summary>
    public static RelayFaults None { get; } = new();

    /// <exception cref="ArgumentOutOfRangeException">A probability outside 0..1, or their sum above 1.</exception>
    internal void Validate()
    {
        if (!(DropProbability is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(DropProbability), DropProbability, "must be between 0 and 1");
        }

        if (!(CorruptProbability is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(CorruptProbability), CorruptProbability, "must be between 0 and 1");
        }

        if (DropProbability + CorruptProbability > 1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(CorruptProbability), CorruptProbability, "DropProbability + CorruptProbability must not exceed 1");
        }
    }
}
