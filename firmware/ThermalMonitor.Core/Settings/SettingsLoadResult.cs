namespace ThermalMonitor.Core.Settings
{
    /// <summary>What boot found in the settings medium; every value but Loaded boots the defaults with a SETTINGS_DEFAULTED event (Code = this value).</summary>
    public enum SettingsLoadResult
    {
        Loaded = 0,

        /// <summary>Neither slot holds anything (a new board, or a wiped flash).</summary>
        Missing = 1,

        /// <summary>A slot holds bytes that fail the check value, the magic or the length.</summary>
        Corrupt = 2,

        /// <summary>The medium could not be read.</summary>
        Unreadable = 3,

        /// <summary>A whole image whose configuration the validator refuses (e.g. written by firmware with other ranges).</summary>
        Invalid = 4,

        /// <summary>A whole image from firmware with another parameter table.</summary>
        Incompatible = 5,
    }
}
