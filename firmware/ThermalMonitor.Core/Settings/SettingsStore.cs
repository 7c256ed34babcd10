using ThermalMonitor.Core.Config;
using ThermalMonitor.Core.Conversion;

namespace ThermalMonitor.Core.Settings
{
    /// <summary>
    /// The board's configuration and calibration in non-volatile storage, written so that a reset
    /// or power loss at any moment leaves a whole copy: two slots, each image numbered by a
    /// generation and closed by a CRC-32; a save writes the slot not holding the newest image, and
    /// boot takes the newest image whose check value holds. The image (little-endian):
    /// <code>
    /// 0  "TMS1"             magic and format version
    /// 4  int32 generation   increases by one per save
    /// 8  int16 parameters   ParameterTable.Count when written
    /// 10 int16 knots        AdcCalibration.KnotCountMax when written
    /// 12 int32 × parameters values in ParamId order
    ///    int32 × knots      adcCalCounts, then int32 × knots adcCalMicrovolts
    ///    uint32 CRC-32      of every byte before it
    /// </code>
    /// Allocates its image buffer once; nothing per call.
    /// </summary>
    public sealed class SettingsStore
    {
        private const int HeaderBytes = 12;
        private const int CheckBytes = 4;
        private static readonly byte[] Magic = { (byte)'T', (byte)'M', (byte)'S', (byte)'1' };

        private readonly ISettingsMedium medium;
        private readonly byte[] image;
        private int newestSlot = -1;

        public SettingsStore(ISettingsMedium medium)
            : this(medium, new byte[ImageBytes])
        {
        }

        /// <param name="scratch">Bytes to build and read images in, at least <see cref="ImageBytes"/>, free whenever Load or Save runs.</param>
        public SettingsStore(ISettingsMedium medium, byte[] scratch)
        {
            if (medium == null || scratch == null)
            {
                throw new System.ArgumentNullException(medium == null ? "medium" : "scratch");
            }

            if (scratch.Length < ImageBytes)
            {
                throw new System.ArgumentException("the scratch buffer is smaller than a settings image");
            }

            this.medium = medium;
            image = scratch;
        }

        /// <summary>Bytes of one image with this firmware's parameter table.</summary>
        public static int ImageBytes => HeaderBytes + (4 * ParameterTable.Count) + (8 * AdcCalibration.KnotCountMax) + CheckBytes;

        /// <summary>Generation of the image last loaded or saved; 0 when there is none.</summary>
        public int Generation { get; private set; }

        /// <summary>
        /// Reads the newest whole image into <paramref name="into"/>. Anything but Loaded leaves
        /// <paramref name="into"/> unspecified; the caller boots the defaults. Validation of the
        /// configuration itself is the caller's (it owns the validator and the event).
        /// </summary>
        public SettingsLoadResult Load(MonitorConfig into)
        {
            newestSlot = -1;
            Generation = 0;
            SettingsLoadResult worst = SettingsLoadResult.Missing;
            for (int slot = 0; slot < 2; slot++)
            {
                SettingsLoadResult result = Inspect(slot, out int generation);
                if (result == SettingsLoadResult.Loaded)
                {
                    if (newestSlot < 0 || generation > Generation)
                    {
                        newestSlot = slot;
                        Generation = generation;
                    }
                }
                else if (Rank(result) > Rank(worst))
                {
                    worst = result;
                }
            }

            if (newestSlot < 0)
            {
                return worst;
            }

            // Read the winner again: the buffer holds whichever slot was inspected last.
            Inspect(newestSlot, out int _);
            Decode(into);
            return SettingsLoadResult.Loaded;
        }

        /// <summary>Writes <paramref name="from"/> as the next generation into the slot not holding the newest image.</summary>
        public bool Save(MonitorConfig from)
        {
            int slot = newestSlot == 0 ? 1 : 0;
            int generation = Generation == int.MaxValue ? 1 : Generation + 1;
            Encode(from, generation);
            if (ImageBytes > medium.SlotBytesMax || !medium.Write(slot, image, ImageBytes))
            {
                return false;
            }

            newestSlot = slot;
            Generation = generation;
            return true;
        }

        private static int Rank(SettingsLoadResult result)
        {
            // When no slot loads, the most telling reason is reported.
            return result == SettingsLoadResult.Missing ? 0 : result == SettingsLoadResult.Unreadable ? 1 : result == SettingsLoadResult.Incompatible ? 2 : 3;
        }

        private SettingsLoadResult Inspect(int slot, out int generation)
        {
            generation = 0;
            int count = medium.Read(slot, image);
            if (count > ImageBytes)
            {
                // Longer than any image of this firmware (the scratch may be longer than one image).
                return SettingsLoadResult.Corrupt;
            }

            if (count < 0)
            {
                return SettingsLoadResult.Unreadable;
            }

            if (count == 0)
            {
                return SettingsLoadResult.Missing;
            }

            if (count < HeaderBytes + CheckBytes || image[0] != Magic[0] || image[1] != Magic[1] || image[2] != Magic[2] || image[3] != Magic[3])
            {
                return SettingsLoadResult.Corrupt;
            }

            int parameters = ReadInt16(8);
            int knots = ReadInt16(10);
            int expected = HeaderBytes + (4 * parameters) + (8 * knots) + CheckBytes;
            if (parameters < 0 || knots < 0 || expected != count || Crc32.Compute(image, 0, count - CheckBytes) != (uint)ReadInt32(count - CheckBytes))
            {
                return SettingsLoadResult.Corrupt;
            }

            if (parameters != ParameterTable.Count || knots != AdcCalibration.KnotCountMax)
            {
                return SettingsLoadResult.Incompatible;
            }

            generation = ReadInt32(4);
            return SettingsLoadResult.Loaded;
        }

        private void Encode(MonitorConfig from, int generation)
        {
            for (int i = 0; i < 4; i++)
            {
                image[i] = Magic[i];
            }

            WriteInt32(4, generation);
            WriteInt16(8, ParameterTable.Count);
            WriteInt16(10, AdcCalibration.KnotCountMax);
            int at = HeaderBytes;
            for (int i = 0; i < ParameterTable.Count; i++, at += 4)
            {
                WriteInt32(at, from.Get((ParamId)i));
            }

            for (int i = 0; i < AdcCalibration.KnotCountMax; i++, at += 4)
            {
                WriteInt32(at, from.AdcCalCounts[i]);
            }

            for (int i = 0; i < AdcCalibration.KnotCountMax; i++, at += 4)
            {
                WriteInt32(at, from.AdcCalMicrovolts[i]);
            }

            WriteInt32(at, (int)Crc32.Compute(image, 0, at));
        }

        private void Decode(MonitorConfig into)
        {
            int at = HeaderBytes;
            for (int i = 0; i < ParameterTable.Count; i++, at += 4)
            {
                into.Set((ParamId)i, ReadInt32(at));
            }

            for (int i = 0; i < AdcCalibration.KnotCountMax; i++, at += 4)
            {
                into.AdcCalCounts[i] = ReadInt32(at);
            }

            for (int i = 0; i < AdcCalibration.KnotCountMax; i++, at += 4)
            {
                into.AdcCalMicrovolts[i] = ReadInt32(at);
            }
        }

        private int ReadInt16(int at) => (short)(image[at] | (image[at + 1] << 8));

        private int ReadInt32(int at) => image[at] | (image[at + 1] << 8) | (image[at + 2] << 16) | (image[at + 3] << 24);

        private void WriteInt16(int at, int value)
        {
            image[at] = (byte)value;
            image[at + 1] = (byte)(value >> 8);
        }

        private void WriteInt32(int at, int value)
        {
            image[at] = (byte)value;
            image[at + 1] = (byte)(value >> 8);
            image[at + 2] = (byte)(value >> 16);
            image[at + 3] = (byte)(value >> 24);
        }
    }
}
