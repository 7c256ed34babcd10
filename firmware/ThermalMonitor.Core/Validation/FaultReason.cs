namespace ThermalMonitor.Core.Validation
{
    /// <summary>Why a channel's sample, or the channel itself, is not trusted.</summary>
    public enum FaultReason
    {
        None = 0,

        /// <summary>Signal outside the live band on the side an open wire produces.</summary>
        Open = 1,

        /// <summary>Signal outside the live band on the side a short produces.</summary>
        Short = 2,

        /// <summary>No change at all over the stuck window (frozen ADC, stuck transmitter).</summary>
        Stuck = 3,

        /// <summary>Burst spread above the bound: the reading's noise exceeds what the detector assumes.</summary>
        Noisy = 4,

        /// <summary>Changed faster than the physical loop can (a glitch, or an erratic sensor if it persists).</summary>
        Slew = 5,

        /// <summary>The read itself failed (driver error, incomplete or out-of-range counts).</summary>
        ReadFailed = 6,
    }
}
