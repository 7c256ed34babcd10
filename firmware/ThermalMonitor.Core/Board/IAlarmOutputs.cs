using ThermalMonitor.Core.Alarms;

namespace ThermalMonitor.Core.Board
{
    /// <summary>Lamps, relays or a buzzer that follow the alarm table (GPIO on the ESP32; nothing or a recorder on the host).</summary>
    public interface IAlarmOutputs
    {
        void Show(AlarmTable alarms);
    }
}
