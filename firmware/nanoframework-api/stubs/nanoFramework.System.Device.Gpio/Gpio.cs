// Declaration stub of nanoFramework.System.Device.Gpio 1.1.62 for the compatibility gate.
namespace System.Device.Gpio
{
    public class GpioController
    {
        public GpioController() { throw null; }

        public GpioPin OpenPin(int pinNumber, PinMode mode) { throw null; }
    }

    public class GpioPin
    {
        private GpioPin() { }

        public void Write(PinValue value) { throw null; }
    }

    public enum PinMode
    {
        Output = 1,
    }

    public struct PinValue
    {
        public static PinValue High => throw null;

        public static PinValue Low => throw null;
    }
}
