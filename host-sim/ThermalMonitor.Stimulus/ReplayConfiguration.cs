using ThermalMonitor.Core.Config;
using ThermalMonitor.Profiles;

namespace ThermalMonitor.Stimulus;

/// <summary>
/// The firmware configuration a replay of a profile runs with, on every target: the one asked for
/// (or the defaults), with the thermal-compensated slow path switched off when the profile has no
/// coolant temperature — the replay then feeds a constant one (<see cref="ProfileReplaySource"/>),
/// and a model learnt from a temperature that was never measured would be a model of nothing.
/// </summary>
public static class ReplayConfiguration
{
    /// <summary>A fresh configuration for replaying <paramref name="profile"/>; <paramref name="requested"/> is not changed.</summary>
    public static MonitorConfig For(Profile profile, MonitorConfig? requested)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var config = new MonitorConfig();
        if (requested is not null)
        {
            config.CopyFrom(requested);
        }

        if (!profile.HasCoolantTemperature)
        {
            config.Set(ParamId.SlowPathEnabled, 0);
        }

        return config;
    }
}
