namespace ThermalMonitor.Core.Link
{
    /// <summary>Why the board (re)started, reported in the hello line and the BOOT event.</summary>
    public enum ResetCause
    {
        Unknown = 0,
        PowerOn = 1,
        Software = 2,
        Watchdog = 3,
        Brownout = 4,
        External = 5,
        Panic = 6,
        DeepSleep = 7,
    }
}
