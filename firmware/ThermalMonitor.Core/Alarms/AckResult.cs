namespace ThermalMonitor.Core.Alarms
{
    public enum AckResult
    {
        Acknowledged = 0,

        /// <summary>That alarm was already acknowledged (repeating an ack is harmless).</summary>
        AlreadyAcknowledged = 1,

        /// <summary>No latched alarm has that sequence number (unknown, or superseded by a newer raise).</summary>
        NotFound = 2,

        /// <summary>An older occurrence, cleared and since raised again under a new number: marked delivered, the slot's latch is unchanged.</summary>
        Delivered = 3,
    }
}
