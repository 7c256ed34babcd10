using System;
using System.IO;
using ThermalMonitor.Core.Settings;

namespace ThermalMonitor.Device.Board
{
    /// <summary>
    /// The settings slots as two files on the ESP32's internal flash drive. nanoFramework's ESP32
    /// images mount the LittleFS "config" partition as drive I: (nf-interpreter@a3e8139:
    /// src/HAL/Include/nanoHAL_System_IO_FileSystem.h, INTERNAL_DRIVE0_LETTER "I:";
    /// targets/ESP32/_common/targetHAL_ConfigStorageLittlefs.c mounts it at "/I"). Files, because
    /// nanoFramework.Hardware.Esp32 has no NVS or raw-flash API (its API list has none), and
    /// System.IO.FileSystem is in the ESP32_REV0 and ESP32_PSRAM_REV0 images
    /// (targets/ESP32/defconfig/*: CONFIG_API_SYSTEM_IO_FILESYSTEM=y).
    /// A write replaces its file in place (nanoFramework's File.Move refuses an existing target, so
    /// there is no atomic rename): a write torn by a reset can damage that slot only, never the
    /// other, which is what the store's A/B slots are for.
    /// Allocation: the API allocates per call — a FileStream, the full path string it builds
    /// (Path.GetFullPath) and its open-file record; nothing else here does. Settings are read at
    /// boot and written on command, never per sample.
    /// </summary>
    public sealed class FlashSettingsMedium : ISettingsMedium
    {
        public const int SlotBytes = 1024;

        private const string Slot0Path = "I:\\thermal-settings-0.bin";
        private const string Slot1Path = "I:\\thermal-settings-1.bin";

        public int SlotBytesMax => SlotBytes;

        public int Read(int slot, byte[] buffer)
        {
            string path = PathOf(slot);
            if (path == null || buffer == null)
            {
                return -1;
            }

            try
            {
                if (!File.Exists(path))
                {
                    return 0;
                }

                using (FileStream stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.None))
                {
                    long length = stream.Length;
                    if (length > SlotBytes || length > buffer.Length)
                    {
                        return -1;
                    }

                    int total = 0;
                    while (total < length)
                    {
                        int read = stream.Read(buffer, total, (int)length - total);
                        if (read <= 0)
                        {
                            // Shorter than its own length: the file system is not telling the truth.
                            return -1;
                        }

                        total += read;
                    }

                    return total;
                }
            }
            catch (Exception)
            {
                return -1;
            }
        }

        public bool Write(int slot, byte[] buffer, int count)
        {
            string path = PathOf(slot);
            if (path == null || buffer == null || count < 0 || count > SlotBytes || count > buffer.Length)
            {
                return false;
            }

            try
            {
                using (FileStream stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None))
                {
                    stream.Write(buffer, 0, count);

                    // Before the close, so a failing flush is reported here and not lost in Dispose.
                    stream.Flush();
                }

                return true;
            }
            catch (Exception)
            {
                return false;
            }
        }

        private static string PathOf(int slot)
        {
            if (slot == 0)
            {
                return Slot0Path;
            }

            return slot == 1 ? Slot1Path : null;
        }
    }
}
