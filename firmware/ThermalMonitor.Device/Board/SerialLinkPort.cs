using System.IO.Ports;
using nanoFramework.Hardware.Esp32;
using ThermalMonitor.Core.Board;

namespace ThermalMonitor.Device.Board
{
    /// <summary>
    /// COM2 between the protocol engine and the USB-serial adapter. Polled at the loop's one service
    /// point (no DataReceived handler, so bytes never arrive in the middle of a sample). The
    /// driver's receive buffer is the only receive buffer: its size is what HELLO advertises, and
    /// the host keeps no more than that unanswered (PROTOCOL.md §9).
    /// </summary>
    public sealed class SerialLinkPort : IBytePort
    {
        /// <summary>The UART driver's receive buffer (native memory, not the managed heap).</summary>
        public const int DriverReceiveBufferBytes = 2048;

        private readonly SerialPort port;

        public SerialLinkPort()
        {
            // COM2 has no pins at boot; assign them before opening (hardware/README.md, pin map).
            Configuration.SetPinFunction(BoardPins.SerialRxGpio, DeviceFunction.COM2_RX);
            Configuration.SetPinFunction(BoardPins.SerialTxGpio, DeviceFunction.COM2_TX);
            port = new SerialPort(BoardPins.SerialPortName, BoardPins.SerialBaud);
            port.ReadBufferSize = DriverReceiveBufferBytes;
            port.WriteTimeout = 500;
            port.Open();
        }

        public int ReceiveBufferBytes => DriverReceiveBufferBytes;

        /// <summary>
        /// nanoFramework's SerialPort does not report bytes its driver dropped; the host's flow
        /// control keeps them at zero, and a line that lost bytes still fails its check (BAD_CHECKSUM).
        /// </summary>
        public long ReceiveLostBytes => 0;

        public int Read(byte[] buffer, int offset, int count)
        {
            try
            {
                int available = port.BytesToRead;
                if (available <= 0)
                {
                    return 0;
                }

                return port.Read(buffer, offset, available < count ? available : count);
            }
            catch (System.Exception)
            {
                // A driver error reads as "nothing arrived"; the host's timeout and retry recover.
                return 0;
            }
        }

        /// <summary>Sleeps: polling BytesToRead every millisecond costs less than a DataReceived handler thread.</summary>
        public void WaitForInput(int milliseconds) => System.Threading.Thread.Sleep(milliseconds);

        public bool Write(byte[] buffer, int offset, int count)
        {
            try
            {
                port.Write(buffer, offset, count);
                return true;
            }
            catch (System.Exception)
            {
                // A write timeout loses the line; alarms come back by re-sending, replies by the
                // host's timeout and retry.
                return false;
            }
        }
    }
}
