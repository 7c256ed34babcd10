using ThermalMonitor.Core.Acquisition;

namespace ThermalMonitor.Core.Alarms
{
    /// <summary>
    /// The fixed set of alarms the monitor can hold, one slot each (so alarm state never needs
    /// allocation and can never be lost to a full queue).
    /// </summary>
    public enum AlarmSlot
    {
        DepressurizationCaution = 0,
        DepressurizationWarning = 1,
        OvertempCaution = 2,
        OvertempWarning = 3,
        SensorFaultPressure = 4,
        SensorFaultTemperature = 5,
        SensorFaultSupply = 6,
    }

    /// <summary>What each slot raises: type, severity, channel.</summary>
    public static class AlarmSlots
    {
        public const int Count = 7;

        public static AlarmType TypeOf(AlarmSlot slot)
        {
            switch (slot)
            {
                case AlarmSlot.DepressurizationCaution:
                case AlarmSlot.DepressurizationWarning:
                    return AlarmType.Depressurization;
                case AlarmSlot.OvertempCaution:
                case AlarmSlot.OvertempWarning:
                    return AlarmType.Overtemp;
                default:
                    return AlarmType.SensorFault;
            }
        }

        /// <summary>A pressure sensor fault is a WARNING: leak detection is blind while it lasts.</summary>
        public static Severity SeverityOf(AlarmSlot slot)
        {
            switch (slot)
            {
                case AlarmSlot.DepressurizationWarning:
                case AlarmSlot.OvertempWarning:
                case AlarmSlot.SensorFaultPressure:
                    return Severity.Warning;
                default:
                    return Severity.Caution;
            }
        }

        public static ChannelId ChannelOf(AlarmSlot slot)
        {
            switch (slot)
            {
                case AlarmSlot.OvertempCaution:
                case AlarmSlot.OvertempWarning:
                case AlarmSlot.SensorFaultTemperature:
                    return ChannelId.Temperature;
                case AlarmSlot.SensorFaultSupply:
                    return ChannelId.Supply;
                default:
                    return ChannelId.Pressure;
            }
        }
    }
}
