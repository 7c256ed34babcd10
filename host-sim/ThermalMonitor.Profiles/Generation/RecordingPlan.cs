namespace ThermalMonitor.Profiles;

/// <summary>
/// Which physics samples a recorded profile keeps: every output sample (100 ms) inside the dense windows
/// — around leak onsets, hydraulic phase changes, fault windows and pump switches, where the detector
/// decides — and one every <paramref name="SparsePeriodS"/> elsewhere, where the loop changes only with
/// the 93-minute orbit. The replay interpolates linearly between kept rows. This keeps days of 10 Hz
/// profile in a few megabytes.
/// </summary>
/// <param name="SparsePeriodS">Row spacing outside dense windows; a whole number of output periods.</param>
/// <param name="DenseWindows">Windows kept at full rate; null for none.</param>
public sealed record RecordingPlan(double SparsePeriodS = 1.0, IReadOnlyList<DenseWindow>? DenseWindows = null)
{
    /// <summary>Windows kept at full rate (never null).</summary>
    public IReadOnlyList<DenseWindow> DenseWindows { get; init; } = DenseWindows ?? [];

    /// <summary>Value equality, comparing the windows element by element.</summary>
    public bool Equals(RecordingPlan? other) =>
        other is not null
        && SparsePeriodS.Equals(other.SparsePeriodS)
        && DenseWindows.SequenceEqual(other.DenseWindows);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(SparsePeriodS, DenseWindows.Count);
}
