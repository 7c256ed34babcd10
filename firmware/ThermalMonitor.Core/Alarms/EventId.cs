namespace ThermalMonitor.Core.Alarms
{
    /// <summary>
    /// Everything the monitor reports. Severity and throttle of each live in
    /// <see cref="ThermalMonitor.Core.MonitorDictionary"/>. Numbers are part of the wire contract:
    /// append, never renumber.
    /// </summary>
    public enum EventId
    {
        AlarmRaised = 1,
        AlarmCleared = 2,
        AlarmAcknowledged = 3,

        /// <summary>A short run of suspect samples was withheld and the channel stayed valid (Code = reason, Value = samples).</summary>
        GlitchRejected = 4,

        /// <summary>The thermal model has learned enough; the slow path is armed.</summary>
        ModelReady = 5,

        DetectorReset = 6,
        ConfigChanged = 7,
        ConfigRejected = 8,

        /// <summary>Events were dropped because the queue was full (Value = how many); alarms are never dropped.</summary>
        QueueOverflow = 9,

        /// <summary>A sample's timestamp did not increase; the sample was discarded (Value = step in ms).</summary>
        TimeNotIncreasing = 10,

        /// <summary>Samples are missing (Value = gap in ms); the rate window restarts.</summary>
        SampleGap = 11,

        /// <summary>A programmer's invariant failed (Code = invariant id); the monitor latches a fault.</summary>
        InvariantFailed = 12,

        /// <summary>Raised by the board layer: start-up with reset cause (Code).</summary>
        Boot = 13,

        /// <summary>Raised by the board layer: a cycle's work overran the sample period (Code = work time µs, Value = period µs; BoardLink.RecordCycle).</summary>
        LoopOverrun = 14,

        /// <summary>A channel became valid again after a fault (Code = the old reason).</summary>
        ChannelRecovered = 15,
    }
}
