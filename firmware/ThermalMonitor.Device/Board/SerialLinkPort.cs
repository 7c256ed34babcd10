using System.IO.Ports;
using nanoFramework.Hardware.Esp32;
using ThermalMonitor.Core.Link;

namespace ThermalMonitor.Device.Board
{
    /// <summary>
    /// COM2 between the protocol engine and the USB-serial adapter. Polled at the loop's one service
    /// point (no DataReceived handler, so bytes never arrive in the middle of a sample): what arrived
    /// goes into <see cref="BoardLink.Receive"/>, what the link wrote goes out. Buffers are reused.
    /// </summary>
    public sealed class SerialLinkPort
    {
        private const int ChunkBytes = 512;

        private readonly SerialPort port;
        private readonly byte[] chunk = new byte[ChunkBytes];

        public SerialLinkPort()
        {
            // COM2 has no pins at boot; assign them before opening (nanoframework-facts (e)).
            Configuration.SetPinFunction(BoardPins.SerialRxGpio, DeviceFunction.COM2_RX);
            Configuration.SetPinFunction(BoardPins.SerialTxGpio, DeviceFunction.COM2_TX);
            port = new SerialPort(BoardPins.SerialPortName, BoardPins.SerialBaud);
            port.ReadBufferSize = 2048;
            port.WriteTimeout = 500;
            port.Open();
        }

        /// <summary>Moves received bytes into the link; bounded by what one pass may take.</summary>
        public void Receive(BoardLink link)
        {
            for (int pass = 0; pass < 8; pass++)
            {
                int available = port.BytesToRead;
                if (available <= 0 || link.RxPendingBytes >= BoardLink.RxBufferBytes - ChunkBytes)
                {
                    return;
                }

                int count = port.Read(chunk, 0, available < ChunkBytes ? available : ChunkBytes);
                if (count <= 0)
                {
                    return;
                }

                link.Receive(chunk, 0, count);
            }
        }

        /// <summary>Writes what the link has to send.</summary>
        public void Transmit(BoardLink link)
        {
            for (int pass = 0; pass < 64 && link.TxPendingBytes > 0; pass++)
            {
                int count = link.TakeTx(chunk, 0, ChunkBytes);
                try
                {
                    port.Write(chunk, 0, count);
                }
                catch (System.Exception)
                {
                    // A write timeout loses these bytes; alarms come back by re-sending, replies by
                    // the host's timeout and retry. Nothing else to do from inside the loop.
                    return;
                }
            }
        }
    }
}
