namespace ThermalMonitor.Profiles;

/// <summary>
/// A profile needs more samples than a replay covers (<see cref="ReplaySegments.MaxReplayedS"/> of
/// them without a gap) or more gaps (<see cref="ReplaySegments.MaxGaps"/>). The message is one line
/// naming the file, fit for a CLI's error output.
/// </summary>
public sealed class ProfileTooLongException(string message) : Exception(message)
{
}
