namespace ThermalMonitor.Core.Settings
{
    /// <summary>Placeholder: the A/B settings store over <see cref="ISettingsMedium"/> (in progress).</summary>
    public sealed class SettingsStore
    {
    }
}
