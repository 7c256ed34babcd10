namespace ThermalMonitor.Core.Board
{
    /// <summary>
    /// The serial port as the board loop sees it: a receive buffer filled by the driver between
    /// service points, polled once per cycle, and a transmit path. A port states the receive buffer
    /// it really has, because the host's flow control is sized from it (PROTOCOL.md, flow control):
    /// bytes that arrive while that buffer is full are lost by the driver, and the port counts them.
    /// </summary>
    public interface IBytePort
    {
        /// <summary>Bytes the driver holds between two service points; what HELLO advertises as rx_buffer.</summary>
        int ReceiveBufferBytes { get; }

        /// <summary>Bytes the driver has lost since start-up because its receive buffer was full.</summary>
        long ReceiveLostBytes { get; }

        /// <summary>Takes up to <paramref name="count"/> received bytes without waiting; 0 when none are buffered.</summary>
        int Read(byte[] buffer, int offset, int count);

        /// <summary>Sends bytes; false when they were dropped (the host is not reading). Never throws.</summary>
        bool Write(byte[] buffer, int offset, int count);

        /// <summary>
        /// An idle REPLAY board's wait: returns after <paramref name="milliseconds"/>, or sooner when
        /// bytes arrive (a port that cannot tell simply sleeps).
        /// </summary>
        void WaitForInput(int milliseconds);
    }
}
