namespace ThermalMonitor.Core.Settings
{
    /// <summary>
    /// CRC-32 (IEEE 802.3, reflected, polynomial 0xEDB88320): the check value of a settings image.
    /// Bitwise rather than table-driven: it runs at boot and on CFG SAVE over a few hundred bytes,
    /// and a table would cost 1 KB of heap for ever.
    /// </summary>
    public static class Crc32
    {
        public static uint Compute(byte[] data, int offset, int count)
        {
            uint crc = 0xFFFFFFFF;
            for (int i = 0; i < count; i++)
            {
                crc ^= data[offset + i];
                for (int bit = 0; bit < 8; bit++)
                {
                    crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320 : crc >> 1;
                }
            }

            return ~crc;
        }
    }
}
