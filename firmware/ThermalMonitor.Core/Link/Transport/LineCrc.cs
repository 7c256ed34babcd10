namespace ThermalMonitor.Core.Link
{
    /// <summary>
    /// The per-line integrity check: CRC-16/CCITT-FALSE (polynomial 0x1021, initial value 0xFFFF,
    /// no reflection, no final XOR; check value 0x29B1 for "123456789"). It catches every single
    /// and double bit error and every burst up to 16 bits, which is what a noisy UART produces.
    /// Table-driven because the ESP32 interprets IL: one lookup per byte instead of eight shifts.
    /// </summary>
    public static class LineCrc
    {
        public const int Initial = 0xFFFF;

        private static readonly ushort[] Table = BuildTable();

        /// <summary>CRC of <paramref name="count"/> bytes of <paramref name="bytes"/> from <paramref name="offset"/>.</summary>
        public static int Compute(byte[] bytes, int offset, int count) => Continue(Initial, bytes, offset, count);

        /// <summary>
        /// CRC of the first <paramref name="count"/> bytes of <paramref name="bytes"/>, and in the
        /// same pass the index of the first byte outside printable ASCII 0x20..0x7E (-1 if none):
        /// the receive path needs both, one loop costs less than two.
        /// </summary>
        public static int ComputeOverPrintable(byte[] bytes, int count, out int firstNonPrintable)
        {
            ushort[] table = Table;
            int crc = Initial;
            int bad = -1;
            for (int i = 0; i < count; i++)
            {
                int value = bytes[i];
                crc = ((crc << 8) ^ table[((crc >> 8) ^ value) & 0xFF]) & 0xFFFF;
                if ((uint)(value - 0x20) > 0x5E && bad < 0)
                {
                    bad = i;
                }
            }

            firstNonPrintable = bad;
            return crc;
        }

        /// <summary>Carries a running CRC on over <paramref name="count"/> more bytes (a check over text assembled from pieces).</summary>
        public static int Continue(int crc, byte[] bytes, int offset, int count)
        {
            // Update inlined: on the interpreter a call per byte costs more than the lookup.
            ushort[] table = Table;
            int end = offset + count;
            for (int i = offset; i < end; i++)
            {
                crc = ((crc << 8) ^ table[((crc >> 8) ^ bytes[i]) & 0xFF]) & 0xFFFF;
            }

            return crc;
        }

        /// <summary>Folds one more byte into a running CRC (16 bits in an int).</summary>
        public static int Update(int crc, byte value) => ((crc << 8) ^ Table[((crc >> 8) ^ value) & 0xFF]) & 0xFFFF;

        private static ushort[] BuildTable()
        {
            ushort[] table = new ushort[256];
            for (int i = 0; i < 256; i++)
            {
                int crc = i << 8;
                for (int bit = 0; bit < 8; bit++)
                {
                    crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
                }

                table[i] = (ushort)(crc & 0xFFFF);
            }

            return table;
        }
    }
}
