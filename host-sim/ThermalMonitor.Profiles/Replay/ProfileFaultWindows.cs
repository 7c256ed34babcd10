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
        double originS = profile.FirstRow.TimeS;
        var pressure = new ChannelRuns(SensorChannel.Pressure, originS);
        var temperature = new ChannelRuns(SensorChannel.Temperature, originS);
        var supply = new ChannelRuns(SensorChannel.Supply, originS);

        // One pass for all three channels: a streamed profile is read from its file per pass.
        foreach (ProfileRow row in profile.ReadRows())
        {
            pressure.Add(row.PressureFault, row.TimeS);
            temperature.Add(row.TempFault, row.TimeS);
            supply.Add(row.SupplyFault, row.TimeS);
        }

        double endS = profile.LastRow.TimeS + (periodMs / 1000.0);
        return [.. pressure.Finish(endS), .. temperature.Finish(endS), .. supply.Finish(endS)];
    }

    /// <summary>The fault windows of one channel, built row by row.</summary>
    private sealed class ChannelRuns(SensorChannel channel, double originS)
    {
        private readonly List<SensorFault> faults = [];
        private ProfileFault runFault = ProfileFault.None;
        private double runStartS;

        public void Add(ProfileFault fault, double timeS)
        {
            if (runFault != ProfileFault.None && fault != runFault)
            {
                faults.Add(Window(channel, runFault, runStartS, timeS - originS));
                runFault = ProfileFault.None;
            }

            if (fault == ProfileFault.Glitch)
            {
                faults.Add(SensorFault.Glitch(channel, timeS - originS));
            }
            else if (fault != ProfileFault.None && runFault == ProfileFault.None)
            {
                runFault = fault;
                runStartS = timeS - originS;
            }
        }

        /// <summary>The windows, the last one still open ending at <paramref name="endS"/> (profile time).</summary>
        public List<SensorFault> Finish(double endS)
        {
            if (runFault != ProfileFault.None)
            {
                faults.Add(Window(channel, runFault, runStartS, endS - originS));
                runFault = ProfileFault.None;
            }

            return faults;
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
