using ThermalMonitor.Core.Settings;

namespace ThermalMonitor.Link;

/// <summary>
/// Settings slots in memory, for tests of <see cref="SettingsStore"/> and the host boards, with
/// hooks for the faults a real medium has: a slot whose bytes went bad, a write that fails, a
/// write torn by a reset (the board replaces its files in place), a slot that cannot be read.
/// Never throws from <see cref="ISettingsMedium"/> members.
/// </summary>
public sealed class MemorySettingsMedium : ISettingsMedium
{
    private readonly byte[]?[] slots = new byte[]?[2];
    private readonly bool[] readErrors = new bool[2];
    private bool failNextWrite;
    private int tornWriteBytesKept = -1;

    public MemorySettingsMedium(int slotBytesMax = FileSettingsMedium.DefaultSlotBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(slotBytesMax);
        SlotBytesMax = slotBytesMax;
    }

    public int SlotBytesMax { get; }

    /// <summary>Calls to <see cref="Read"/> so far.</summary>
    public int Reads { get; private set; }

    /// <summary>Calls to <see cref="Write"/> so far, failed ones included.</summary>
    public int Writes { get; private set; }

    public int Read(int slot, byte[] buffer)
    {
        Reads++;
        if (!IsSlot(slot) || buffer is null || readErrors[slot])
        {
            return -1;
        }

        byte[]? stored = slots[slot];
        if (stored is null)
        {
            return 0;
        }

        if (stored.Length > SlotBytesMax || stored.Length > buffer.Length)
        {
            return -1;
        }

        stored.CopyTo(buffer, 0);
        return stored.Length;
    }

    public bool Write(int slot, byte[] buffer, int count)
    {
        Writes++;
        if (!IsSlot(slot) || buffer is null || count < 0 || count > SlotBytesMax || count > buffer.Length)
        {
            return false;
        }

        if (failNextWrite)
        {
            failNextWrite = false;
            return false;
        }

        if (tornWriteBytesKept >= 0)
        {
            slots[slot] = buffer.AsSpan(0, Math.Min(tornWriteBytesKept, count)).ToArray();
            tornWriteBytesKept = -1;
            return false;
        }

        slots[slot] = buffer.AsSpan(0, count).ToArray();
        readErrors[slot] = false;
        return true;
    }

    /// <summary>The slot's bytes (a copy), or null when it holds nothing.</summary>
    public byte[]? Contents(int slot) => slots[CheckedSlot(slot)]?.ToArray();

    /// <summary>Puts bytes in a slot directly, bypassing <see cref="SlotBytesMax"/> (e.g. an oversized image).</summary>
    public void SetContents(int slot, byte[]? bytes) => slots[CheckedSlot(slot)] = bytes?.ToArray();

    /// <summary>Flips the bits of <paramref name="mask"/> in one stored byte: a slot whose bytes went bad.</summary>
    public void Corrupt(int slot, int byteIndex, byte mask = 0x01)
    {
        byte[] stored = slots[CheckedSlot(slot)] ?? throw new InvalidOperationException($"slot {slot} holds nothing to corrupt");
        stored[byteIndex] ^= mask;
    }

    /// <summary>The next write returns false and leaves every slot as it was.</summary>
    public void FailNextWrite() => failNextWrite = true;

    /// <summary>
    /// The next write keeps only its first <paramref name="bytesKept"/> bytes in the slot and returns
    /// false: a reset in the middle of a write that replaces the slot in place, as the board's does.
    /// </summary>
    public void TearNextWrite(int bytesKept)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytesKept);
        tornWriteBytesKept = bytesKept;
    }

    /// <summary>Reads of the slot return -1 (exists but unreadable) until it is written again.</summary>
    public void ReportReadError(int slot) => readErrors[CheckedSlot(slot)] = true;

    private static bool IsSlot(int slot) => slot is 0 or 1;

    private static int CheckedSlot(int slot) =>
        IsSlot(slot) ? slot : throw new ArgumentOutOfRangeException(nameof(slot), slot, "slots are 0 and 1");
}
