using nanoFramework.Hardware.Esp32;

namespace ThermalMonitor.Device.Board
{
    /// <summary>
    /// Microseconds since boot from the ESP32's high-resolution timer: monotonic (unlike
    /// DateTime.UtcNow, which jumps when the clock is set) and finer than Environment.TickCount64.
    /// </summary>
    public static class MonotonicClock
    {
        public static long Microseconds() => (long)HighResTimer.GetCurrent();

        public static long Milliseconds() => (long)(HighResTimer.GetCurrent() / 1000);
    }
}
