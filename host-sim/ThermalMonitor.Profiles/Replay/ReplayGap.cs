namespace ThermalMonitor.Profiles;

/// <summary>
/// A stretch of a profile without a row longer than the replay's sample gap, replayed as one time jump.
/// </summary>
/// <param name="FromS">The time of the row before the gap (profile seconds).</param>
/// <param name="ToS">The time of the row after it.</param>
/// <param name="DataRow">The data row after the gap, counting from 1.</param>
public sealed record ReplayGap(double FromS, double ToS, int DataRow)
{
    /// <summary>The gap's length in seconds.</summary>
    public double LengthS => ToS - FromS;
}
