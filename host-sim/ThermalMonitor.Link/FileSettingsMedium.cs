using ThermalMonitor.Core.Settings;

namespace ThermalMonitor.Link;

/// <summary>
/// The host twin of the board's flash settings medium: slot <c>n</c> is the file
/// <c>thermal-settings-n.bin</c> in a directory. Unlike the board (whose file system cannot rename
/// over an existing file), a write goes to <c>thermal-settings-n.bin.tmp</c> first and is then
/// renamed over the slot, so a crash or error mid-write leaves the old slot whole. Never throws:
/// every failure is a -1 read or a false write, as <see cref="ISettingsMedium"/> requires.
/// </summary>
public sealed class FileSettingsMedium : ISettingsMedium
{
    /// <summary>The board's slot size (its <c>FlashSettingsMedium.SlotBytes</c>).</summary>
    public const int DefaultSlotBytes = 1024;

    public FileSettingsMedium(string directory, int slotBytesMax = DefaultSlotBytes)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(slotBytesMax);
        Directory = directory;
        SlotBytesMax = slotBytesMax;
    }

    public string Directory { get; }

    public int SlotBytesMax { get; }

    /// <summary>
    /// Test hook: wraps the stream a write goes through (e.g. one that fails after some bytes), to
    /// show that a write failing midway leaves the old slot whole.
    /// </summary>
    public Func<Stream, Stream>? WriteStreamWrapper { get; init; }

    public string SlotPath(int slot) => Path.Combine(Directory, $"thermal-settings-{slot}.bin");

    public int Read(int slot, byte[] buffer)
    {
        if (!IsSlot(slot) || buffer is null)
        {
            return -1;
        }

        try
        {
            using var stream = new FileStream(SlotPath(slot), FileMode.Open, FileAccess.Read, FileShare.Read);
            long length = stream.Length;
            if (length > SlotBytesMax || length > buffer.Length)
            {
                return -1;
            }

            int count = (int)length;
            return stream.ReadAtLeast(buffer.AsSpan(0, count), count, throwOnEndOfStream: false) == count ? count : -1;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return 0;
        }
        catch (Exception)
        {
            // The contract is "never throws": IO, permission and path errors alike mean "unreadable".
            return -1;
        }
    }

    public bool Write(int slot, byte[] buffer, int count)
    {
        if (!IsSlot(slot) || buffer is null || count < 0 || count > SlotBytesMax || count > buffer.Length)
        {
            return false;
        }

        string target = SlotPath(slot);
        string temporary = target + ".tmp";
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
            using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                Stream stream = WriteStreamWrapper?.Invoke(file) ?? file;
                stream.Write(buffer, 0, count);
                stream.Flush();
                file.Flush(flushToDisk: true);
            }

            // rename(2) on POSIX, MoveFileEx(REPLACE_EXISTING) on Windows: the slot is old or new, never half.
            File.Move(temporary, target, overwrite: true);
            return true;
        }
        catch (Exception)
        {
            TryDelete(temporary);
            return false;
        }
    }

    private static bool IsSlot(int slot) => slot is 0 or 1;

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception)
        {
            // A leftover .tmp is harmless: reads ignore it and the next write replaces it.
        }
    }
}
