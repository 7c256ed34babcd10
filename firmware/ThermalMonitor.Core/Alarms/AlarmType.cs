namespace ThermalMonitor.Core.Alarms
{
    public enum AlarmType
    {
        None = 0,

        /// <summary>Loop pressure falling: a leak (slow path = CAUTION, fast path = WARNING).</summary>
        Depressurization = 1,

        /// <summary>Coolant temperature above its yellow (CAUTION) or red (WARNING) limit.</summary>
        Overtemp = 2,

        /// <summary>A channel cannot be trusted; the decisions that need it are inhibited.</summary>
        SensorFault = 3,
    }
}
