namespace ThermalMonitor.Serial;

/// <summary>A snapshot of what a <see cref="FaultInjectingRelay"/> did, per direction.</summary>
/// <param name="BoardToHost">Bytes read from the board and meant for the host.</param>
/// <param name="HostToBoard">Bytes read from the host and meant for the board.</param>
public sealed record RelayCounters(RelayDirectionCounters BoardToHost, RelayDirectionCounters HostToBoard);

/// <summary>
/// One direction's byte counts. Every byte read from the source lands in exactly one of
/// <paramref name="Forwarded"/>, <paramref name="Dropped"/> or <paramref name="LostWhileUnplugged"/>;
/// <paramref name="Corrupted"/> bytes are a subset of the forwarded ones.
/// </summary>
/// <param name="Forwarded">
/// Bytes passed to the other side, corrupted ones included; counted just before the write, so by the
/// time the receiver has them the counters include them.
/// </param>
/// <param name="Dropped">Bytes thrown away by <see cref="RelayFaults.DropProbability"/>.</param>
/// <param name="Corrupted">Forwarded bytes with one bit flipped.</param>
/// <param name="LostWhileUnplugged">Bytes from the board discarded while the host side was unplugged.</param>
public sealed record RelayDirectionCounters(long Forwarded, long Dropped, long Corrupted, long LostWhileUnplugged)
{
    /// <summary>All bytes read from the source side.</summary>
    public long Received => Forwarded + Dropped + LostWhileUnplugged;
}
