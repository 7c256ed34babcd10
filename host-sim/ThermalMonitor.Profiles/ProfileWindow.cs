namespace ThermalMonitor.Profiles;

/// <summary>
/// A stretch of a profile: the rows from one profile time to another, times unchanged, so alarms
/// in a window replay read at the same profile times as in the whole replay. For real boards,
/// whose replay runs at the board's pace: hours of quiet orbit need not go over the cable to test
/// the minutes around a leak.
/// </summary>
public static class ProfileWindow
{
    /// <summary>The rows with <paramref name="fromS"/> ≤ time ≤ <paramref name="toS"/>.</summary>
    /// <exception cref="ArgumentException">The window is empty, inverted, or holds fewer than two rows.</exception>
    public static Profile Cut(Profile profile, double fromS, double toS)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (!double.IsFinite(fromS) || !double.IsFinite(toS) || !(toS > fromS))
        {
            throw new ArgumentException($"the window must end after it starts (from {fromS} s to {toS} s of the profile)", nameof(toS));
        }

        double startS = profile.FirstRow.TimeS;
        double endS = profile.LastRow.TimeS;
        // The window is held in memory (a streamed profile is read once here): it is the stretch to replay.
        ProfileRow[] rows = [.. profile.ReadRows().TakeWhile(r => r.TimeS <= toS).Where(r => r.TimeS >= fromS && r.TimeS <= toS)];
        if (rows.Length < 2)
        {
            throw new ArgumentException(
                $"the window {fromS} s to {toS} s holds {rows.Length} row(s) of {profile.Name}, which runs from {startS} s to {endS} s; a replay needs at least two",
                nameof(fromS));
        }

        return new Profile(profile.Name, profile.Metadata, rows, profile.SourcePath, profile.CoolantTemperatureRecorded);
    }
}
