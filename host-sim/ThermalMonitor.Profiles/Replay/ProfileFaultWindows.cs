using ThermalMonitor.Sim;

namespace ThermalMonitor.Profiles;

/// <summary>
/// Turns a profile's fault columns back into <see cref="SensorFault"/> windows: a run of rows with the
/// same fault value starts at its first row and ends at the first row with a different value (or one
/// period after the last row); every <c>glitch</c> row is a one-sample glitch at its own time. Noise
/// bursts and glitches take the simulator's default multiplier (×15) and pin voltage (0.7 V), which is
/// what the library's generator writes them from.
/// </summary>
public static class ProfileFaultWindows
{
    /// <summary>
    /// The faults of <paramref name="profile"/>, with times relative to its first row (sample index 0 of
    /// a replay), so a window starting on a row starts exactly on that row's sample.
    /// </summary>
    public static IReadOnlyList<SensorFault> FromRows(Profile profile, int periodMs)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentOutOfRangeException.ThrowIfLessThan(periodMs, 1);
        var faults = new List<SensorFault>();
        AddChannel(profile, SensorChannel.Pressure, r => r.PressureFault, periodMs, faults);
        AddChannel(profile, SensorChannel.Temperature, r => r.TempFault, periodMs, faults);
        AddChannel(profile, SensorChannel.Supply, r => r.SupplyFault, periodMs, faults);
        return faults;
    }

    private static void AddChannel(
        Profile profile,
        SensorChannel channel,
        Func<ProfileRow, ProfileFault> select,
        int periodMs,
        List<SensorFault> faults)
    {
        IReadOnlyList<ProfileRow> rows = profile.Rows;
        double originS = rows[0].TimeS;
        int i = 0;
        while (i < rows.Count)
        {
            ProfileFault fault = select(rows[i]);
            if (fault == ProfileFault.None)
            {
                i++;
                continue;
            }

            double startS = rows[i].TimeS - originS;
            if (fault == ProfileFault.Glitch)
            {
                faults.Add(SensorFault.Glitch(channel, startS));
                i++;
                continue;
            }

            int end = i + 1;
            while (end < rows.Count && select(rows[end]) == fault)
            {
                end++;
            }

            double endS = end < rows.Count ? rows[end].TimeS - originS : rows[^1].TimeS - originS + (periodMs / 1000.0);
            faults.Add(Window(channel, fault, startS, endS));
            i = end;
        }
    }

    private static SensorFault Window(SensorChannel channel, ProfileFault fault, double startS, double endS) =>
        fault switch
    {
        ProfileFault.Open => SensorFault.Open(channel, startS, endS),
        ProfileFault.Short => SensorFault.Short(channel, startS, endS),
        ProfileFault.Stuck => SensorFault.Stuck(channel, startS, endS),
        ProfileFault.Noise => SensorFault.NoiseBurst(channel, startS, endS),
        _ => throw new ArgumentOutOfRangeException(nameof(fault), fault, "Not a windowed fault."),
    };
}
