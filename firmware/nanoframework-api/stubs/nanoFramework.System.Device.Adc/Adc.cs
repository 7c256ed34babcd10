// Declaration stub of nanoFramework.System.Device.Adc 1.1.24 for the compatibility gate: only what
// firmware uses, each member present in nanoframework-api/nanoFramework.System.Device.Adc.txt.
namespace System.Device.Adc
{
    public class AdcController
    {
        public AdcController() { throw null; }

        public AdcChannel OpenChannel(int channelNumber) { throw null; }
    }

    public class AdcChannel
    {
        private AdcChannel() { }

        public int ReadValue() { throw null; }

        public void Dispose() { throw null; }
    }
}
