namespace ThermalMonitor.Core.Alarms
{
    /// <summary>Latching alarm life cycle: an alarm stays visible until its condition is gone AND it is acknowledged.</summary>
    public enum AlarmState
    {
        Normal = 0,

        /// <summary>Condition present, not acknowledged.</summary>
        Active = 1,

        /// <summary>Condition present, acknowledged.</summary>
        ActiveAcknowledged = 2,

        /// <summary>Condition gone, still latched until acknowledged.</summary>
        ClearedUnacknowledged = 3,
    }
}
