namespace ThermalMonitor.Core.Alarms
{
    /// <summary>ISS caution-and-warning classes below "emergency" (docs/physics.md §5.9).</summary>
    public enum Severity
    {
        /// <summary>Information worth logging; no crew/operator action.</summary>
        Advisory = 0,

        /// <summary>Needs attention; not yet a threat to the loop.</summary>
        Caution = 1,

        /// <summary>Act now.</summary>
        Warning = 2,
    }
}
