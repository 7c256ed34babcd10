using ThermalMonitor.Core.Link;
using ThermalMonitor.Device.Board;

namespace ThermalMonitor.Device
{
    /// <summary>
    /// ESP32 entry point. Everything that decides is in ThermalMonitor.Core; this project only wires
    /// the ADC, COM2, the alarm GPIOs and the clock to it (hardware/README.md has the wiring).
    /// </summary>
    public static class Program
    {
        public static void Main()
        {
            // nanoFramework does not expose the chip's reset reason; the hello line says UNKNOWN
            // rather than guess (PROTOCOL.md, HELLO).
            var board = new BoardInfo("esp32", LinkDictionary.FirmwareVersion, ResetCause.Unknown);
            new SamplingLoop(board).Run();
        }
    }
}
