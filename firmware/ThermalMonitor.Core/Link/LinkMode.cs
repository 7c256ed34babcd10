namespace ThermalMonitor.Core.Link
{
    /// <summary>Where samples come from. Replayed data is marked as such in everything the board reports.</summary>
    public enum LinkMode
    {
        /// <summary>The board samples its ADC on its own clock.</summary>
        Live = 0,

        /// <summary>The host injects raw counts with timestamps; the injected time drives the detector.</summary>
        Replay = 1,
    }
}
