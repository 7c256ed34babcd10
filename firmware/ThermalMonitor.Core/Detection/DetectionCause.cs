namespace ThermalMonitor.Core.Detection
{
    /// <summary>Which detector layer raised a leak or temperature alarm (the scoreboard breaks results down by it).</summary>
    public enum DetectionCause
    {
        None = 0,

        /// <summary>Fast path: pressure drop over the rate window beyond its limit.</summary>
        RateOfDrop = 1,

        /// <summary>Fast path backstop: pressure below the red low limit.</summary>
        RedLowLimit = 2,

        /// <summary>Pressure below the yellow low limit.</summary>
        YellowLowLimit = 3,

        /// <summary>Slow path: CUSUM of the thermal-compensated pressure residual.</summary>
        Cusum = 4,

        YellowHighLimit = 5,
        RedHighLimit = 6,
    }
}
