namespace ThermalMonitor.Core.Board
{
    /// <summary>
    /// A byte port in memory, with a receive buffer that loses and counts what does not fit, as a
    /// UART driver does. The in-process board and the tests feed the board through it; it is
    /// portable so the same link tests can run on nanoCLR.
    /// </summary>
    public sealed class MemoryBytePort : IBytePort
    {
        private readonly byte[] rxRing;
        private readonly byte[] txRing;
        private int rxHead;
        private int rxCount;
        private int txHead;
        private int txCount;

        public MemoryBytePort(int receiveBufferBytes, int transmitBufferBytes)
        {
            if (receiveBufferBytes < 1 || transmitBufferBytes < 1)
            {
                throw new System.ArgumentOutOfRangeException(receiveBufferBytes < 1 ? "receiveBufferBytes" : "transmitBufferBytes");
            }

            rxRing = new byte[receiveBufferBytes];
            txRing = new byte[transmitBufferBytes];
        }

        public int ReceiveBufferBytes => rxRing.Length;

        public long ReceiveLostBytes { get; private set; }

        /// <summary>Received bytes not yet taken by the board.</summary>
        public int ReceivePendingBytes => rxCount;

        /// <summary>Bytes the board wrote that nobody has taken yet.</summary>
        public int TransmitPendingBytes => txCount;

        /// <summary>Lines the board wrote that did not fit the transmit buffer.</summary>
        public int TransmitDroppedWrites { get; private set; }

        /// <summary>The wire side: bytes arriving from the host. Returns how many fit; the rest are lost and counted.</summary>
        public int Deliver(byte[] bytes, int offset, int count)
        {
            int free = rxRing.Length - rxCount;
            int accepted = count < free ? count : free;
            for (int i = 0; i < accepted; i++)
            {
                rxRing[(rxHead + rxCount) % rxRing.Length] = bytes[offset + i];
                rxCount++;
            }

            ReceiveLostBytes += count - accepted;
            return accepted;
        }

        /// <summary>The wire side: moves up to <paramref name="count"/> bytes the board sent into <paramref name="into"/>.</summary>
        public int TakeTransmitted(byte[] into, int offset, int count)
        {
            int taken = count < txCount ? count : txCount;
            for (int i = 0; i < taken; i++)
            {
                into[offset + i] = txRing[txHead];
                txHead = (txHead + 1) % txRing.Length;
            }

            txCount -= taken;
            return taken;
        }

        public int Read(byte[] buffer, int offset, int count)
        {
            int taken = count < rxCount ? count : rxCount;
            for (int i = 0; i < taken; i++)
            {
                buffer[offset + i] = rxRing[rxHead];
                rxHead = (rxHead + 1) % rxRing.Length;
            }

            rxCount -= taken;
            return taken;
        }

        /// <summary>Idle waits asked for: the memory port never waits (whoever feeds it runs the loop).</summary>
        public int IdleWaits { get; private set; }

        public void WaitForInput(int milliseconds) => IdleWaits++;

        public bool Write(byte[] buffer, int offset, int count)
        {
            if (txRing.Length - txCount < count)
            {
                TransmitDroppedWrites++;
                return false;
            }

            for (int i = 0; i < count; i++)
            {
                txRing[(txHead + txCount) % txRing.Length] = buffer[offset + i];
                txCount++;
            }

            return true;
        }
    }
}
