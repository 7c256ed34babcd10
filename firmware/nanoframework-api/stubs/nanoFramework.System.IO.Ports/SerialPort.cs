// Declaration stub of nanoFramework.System.IO.Ports 1.1.139 for the compatibility gate. The one
// constructor has optional parameters (optional-params.txt), so new SerialPort("COM2", 921600)
// binds to it as it does on the device.
namespace System.IO.Ports
{
    public class SerialPort
    {
        public SerialPort(string portName, int baudRate = 9600, Parity parity = Parity.None, int dataBits = 8, StopBits stopBits = StopBits.One) { throw null; }

        public int BytesToRead => throw null;

        public int ReadBufferSize
        {
            get { throw null; }
            set { throw null; }
        }

        public int WriteTimeout
        {
            get { throw null; }
            set { throw null; }
        }

        public void Open() { throw null; }

        public int Read(byte[] buffer, int offset, int count) { throw null; }

        public void Write(byte[] buffer, int offset, int count) { throw null; }

        public void Dispose() { throw null; }
    }

    public enum Parity
    {
        None = 0,
    }

    public enum StopBits
    {
        One = 1,
    }
}
