using System.Threading;
using nanoFramework.Hardware.Esp32;
using ThermalMonitor.Core.Board;

namespace ThermalMonitor.Device.Board
{
    /// <summary>
    /// Microseconds since boot from the ESP32's high-resolution timer: monotonic (unlike
    /// DateTime.UtcNow, which jumps when the clock is set) and finer than Environment.TickCount64.
    /// </summary>
    public sealed class EspClock : IBoardClock
    {
        public long Microseconds => (long)HighResTimer.GetCurrent();

        public void Sleep(int milliseconds) => Thread.Sleep(milliseconds);
    }
}
