using System;
using ThermalMonitor.Core.Board;

namespace NanoClrTools
{
    /// <summary>
    /// Shared by the nanoCLR halves of fidelity.sh and vectors.sh: everything the board has written
    /// to its port, printed as hex, at most 512 bytes per console line, each line starting with the
    /// caller's prefix (the host halves parse these lines).
    /// </summary>
    public static class BoardOutput
    {
        private const int TxBufferBytes = 16384;
        private const int BytesPerOutLine = 512;

        private static readonly char[] HexDigits = "0123456789ABCDEF".ToCharArray();
        private static readonly byte[] Tx = new byte[TxBufferBytes];
        private static readonly char[] Hex = new char[BytesPerOutLine * 2];

        /// <summary>The port's transmit buffer size both runners use (MemoryBytePort's second argument).</summary>
        public const int PortTransmitBytes = TxBufferBytes;

        public static void Print(MemoryBytePort port, string prefix)
        {
            while (port.TransmitPendingBytes > 0)
            {
                int n = port.TakeTransmitted(Tx, 0, Tx.Length);
                for (int offset = 0; offset < n; offset += BytesPerOutLine)
                {
                    int count = n - offset < BytesPerOutLine ? n - offset : BytesPerOutLine;
                    for (int i = 0; i < count; i++)
                    {
                        byte b = Tx[offset + i];
                        Hex[2 * i] = HexDigits[b >> 4];
                        Hex[(2 * i) + 1] = HexDigits[b & 0xF];
                    }

                    Console.WriteLine(prefix + new string(Hex, 0, 2 * count));
                }
            }
        }

        /// <summary>Drops what the board has written so far (its boot lines, when they are not compared).</summary>
        public static void Discard(MemoryBytePort port)
        {
            while (port.TransmitPendingBytes > 0)
            {
                port.TakeTransmitted(Tx, 0, Tx.Length);
            }
        }
    }
}
