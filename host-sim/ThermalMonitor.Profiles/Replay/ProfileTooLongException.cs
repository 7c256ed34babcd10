using System.Globalization;

namespace ThermalMonitor.Profiles;

/// <summary>
/// A profile spans more time than a replay can cover (<see cref="ProfileReplaySource.MaxDurationS"/>),
/// usually because of one time jump in a recording (a clock reset, a typo). The message is one line
/// naming the file and the jump, fit for a CLI's error output.
/// </summary>
public sealed class ProfileTooLongException(string message) : Exception(message)
{
    /// <summary>The error for <paramref name="profile"/>: its largest time jump if that alone is too long, else its span.</summary>
    public static ProfileTooLongException For(Profile profile, double maxDurationS)
    {
        ArgumentNullException.ThrowIfNull(profile);
        IReadOnlyList<ProfileRow> rows = profile.Rows;
        int jump = 1;
        for (int i = 2; i < rows.Count; i++)
        {
            if (rows[i].TimeS - rows[i - 1].TimeS > rows[jump].TimeS - rows[jump - 1].TimeS)
            {
                jump = i;
            }
        }

        string file = profile.SourcePath ?? profile.Name;
        string limit = string.Create(CultureInfo.InvariantCulture, $"longer than the longest replayable profile ({maxDurationS / 86400:0.#} days)");
        return new ProfileTooLongException(rows.Count > 1 && rows[jump].TimeS - rows[jump - 1].TimeS > maxDurationS
            ? string.Create(CultureInfo.InvariantCulture, $"{file}: time jumps from {rows[jump - 1].TimeS} s to {rows[jump].TimeS} s at data row {jump + 1}: {limit}")
            : string.Create(CultureInfo.InvariantCulture, $"{file}: runs from {rows[0].TimeS} s to {rows[^1].TimeS} s: {limit}; replay a stretch of it with --window"));
    }
}
