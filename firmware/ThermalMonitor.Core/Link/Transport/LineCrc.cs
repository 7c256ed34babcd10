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
        public static int Compute(byte[] bytes, int offset, int count)
        {
            int crc = Initial;
            int end = offset + count;
            for (int i = offset; i < end; i++)
            {
                crc = Update(crc, bytes[i]);
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
