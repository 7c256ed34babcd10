// Declaration stub of nanoFramework.Hardware.Esp32 1.6.42 for the compatibility gate.
namespace nanoFramework.Hardware.Esp32
{
    public static class Configuration
    {
        public static void SetPinFunction(int gpioNumber, DeviceFunction function) { throw null; }
    }

    public enum DeviceFunction
    {
        COM2_RX = 1,
        COM2_TX = 2,
    }

    public class HighResTimer
    {
        private HighResTimer() { }

        public static ulong GetCurrent() { throw null; }
    }
}
