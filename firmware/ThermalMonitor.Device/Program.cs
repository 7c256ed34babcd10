using System.Device.Adc;
using System.Device.Gpio;
using ThermalMonitor.Core.Board;
using ThermalMonitor.Core.Link;
using ThermalMonitor.Device.Board;

namespace ThermalMonitor.Device
{
    /// <summary>
    /// ESP32 entry point. Everything that decides is in ThermalMonitor.Core, including the loop
    /// (<see cref="BoardLoop"/>); this project only supplies its seams: the ADC, COM2, the alarm
    /// GPIOs, the clock, the heap gauge and the settings file on the internal flash
    /// (hardware/README.md has the wiring).
    /// </summary>
    public static class Program
    {
        public static void Main()
        {
            // nanoFramework does not expose the chip's reset reason; the hello line says UNKNOWN
            // rather than guess (PROTOCOL.md, HELLO).
            var board = new BoardInfo("esp32", LinkDictionary.FirmwareVersion, ResetCause.Unknown);
            var loop = new BoardLoop(
                board,
                new EspClock(),
                new SerialLinkPort(),
                new NanoJsonConfigReader(),
                new AdcSampler(new AdcController()),
                new AlarmOutputs(new GpioController()),
                new ManagedHeapGauge(),
                new FlashSettingsMedium(),
                null);
            loop.Start(LinkMode.Live);
            loop.Run();
        }
    }
}
