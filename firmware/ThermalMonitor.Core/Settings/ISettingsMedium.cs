namespace ThermalMonitor.Core.Settings
{
    /// <summary>
    /// Non-volatile storage for the board's settings image (configuration and calibration): two
    /// slots, so writing one never destroys the last good copy in the other. The medium only moves
    /// bytes; <see cref="SettingsStore"/> decides which slot to write, checks what it reads, and
    /// owns the format. On the ESP32 the slots are files on the internal flash; on the host, files
    /// in a directory or memory.
    /// </summary>
    public interface ISettingsMedium
    {
        /// <summary>Bytes a slot can hold.</summary>
        int SlotBytesMax { get; }

        /// <summary>
        /// Reads slot 0 or 1 into <paramref name="buffer"/>. Returns the number of bytes read, 0 when
        /// the slot holds nothing, or -1 when it exists but could not be read. Never throws.
        /// </summary>
        int Read(int slot, byte[] buffer);

        /// <summary>
        /// Replaces slot 0 or 1 with the first <paramref name="count"/> bytes of
        /// <paramref name="buffer"/>. Returns false when the write failed. Never throws.
        /// </summary>
        bool Write(int slot, byte[] buffer, int count);
    }
}
