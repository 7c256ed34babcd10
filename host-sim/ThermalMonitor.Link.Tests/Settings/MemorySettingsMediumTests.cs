using ThermalMonitor.Link;

namespace ThermalMonitor.Link.Tests;

/// <summary>The in-memory medium keeps the <c>ISettingsMedium</c> contract, and its fault hooks do what they say.</summary>
public class MemorySettingsMediumTests
{
    [Fact]
    public void Empty_slots_read_0_and_what_is_written_reads_back_from_its_own_slot()
    {
        var medium = new MemorySettingsMedium();
        var buffer = new byte[1024];
        Assert.Equal((0, 0, 1024), (medium.Read(0, buffer), medium.Read(1, buffer), medium.SlotBytesMax));

        Assert.True(medium.Write(0, [1, 2, 3, 4], 3));

        Assert.Equal(3, medium.Read(0, buffer));
        Assert.Equal(new byte[] { 1, 2, 3 }, buffer[..3]);
        Assert.Equal(0, medium.Read(1, buffer));
        Assert.Equal((4, 1), (medium.Reads, medium.Writes));
    }

    [Fact]
    public void A_write_larger_than_a_slot_or_its_buffer_or_to_no_slot_fails_and_changes_nothing()
    {
        var medium = new MemorySettingsMedium(slotBytesMax: 8);
        Assert.True(medium.Write(1, [9], 1));

        Assert.False(medium.Write(1, new byte[9], 9));
        Assert.False(medium.Write(1, new byte[4], 5));
        Assert.False(medium.Write(1, null!, 0));
        Assert.False(medium.Write(2, new byte[4], 4));

        Assert.Equal(new byte[] { 9 }, medium.Contents(1));
        Assert.Equal(-1, medium.Read(2, new byte[8]));
    }

    [Fact]
    public void A_slot_bigger_than_a_slot_or_the_buffer_reads_minus_one()
    {
        var medium = new MemorySettingsMedium(slotBytesMax: 8);
        medium.SetContents(0, new byte[9]);
        medium.SetContents(1, new byte[8]);

        Assert.Equal(-1, medium.Read(0, new byte[16]));
        Assert.Equal(-1, medium.Read(1, new byte[7]));
    }

    [Fact]
    public void A_reported_read_error_lasts_until_the_slot_is_written_again()
    {
        var medium = new MemorySettingsMedium();
        Assert.True(medium.Write(0, [5, 6], 2));

        medium.ReportReadError(0);

        Assert.Equal(-1, medium.Read(0, new byte[16]));
        Assert.Equal(-1, medium.Read(0, new byte[16]));
        Assert.Equal(0, medium.Read(1, new byte[16]));
        Assert.True(medium.Write(0, [7], 1));
        Assert.Equal(1, medium.Read(0, new byte[16]));
    }

    [Fact]
    public void A_failed_write_leaves_the_slot_as_it_was_and_only_the_next_write_fails()
    {
        var medium = new MemorySettingsMedium();
        Assert.True(medium.Write(1, [1, 1], 2));

        medium.FailNextWrite();

        Assert.False(medium.Write(1, [2, 2, 2], 3));
        Assert.Equal(new byte[] { 1, 1 }, medium.Contents(1));
        Assert.True(medium.Write(1, [3], 1));
        Assert.Equal(new byte[] { 3 }, medium.Contents(1));
    }

    [Fact]
    public void A_torn_write_keeps_a_prefix_of_the_new_bytes_in_place_and_reports_failure()
    {
        var medium = new MemorySettingsMedium();
        Assert.True(medium.Write(0, [1, 1, 1, 1], 4));

        medium.TearNextWrite(bytesKept: 2);

        Assert.False(medium.Write(0, [2, 2, 2, 2, 2], 5));
        Assert.Equal(new byte[] { 2, 2 }, medium.Contents(0));
        Assert.True(medium.Write(0, [3, 3, 3], 3));
        Assert.Equal(3, medium.Read(0, new byte[8]));
    }

    [Fact]
    public void Corrupt_flips_bits_in_the_stored_bytes_only()
    {
        var medium = new MemorySettingsMedium();
        byte[] image = [0x10, 0x20, 0x30];
        Assert.True(medium.Write(1, image, 3));

        medium.Corrupt(1, byteIndex: 1, mask: 0x81);

        var buffer = new byte[8];
        Assert.Equal(3, medium.Read(1, buffer));
        Assert.Equal(new byte[] { 0x10, 0xA1, 0x30 }, buffer[..3]);
        Assert.Equal(new byte[] { 0x10, 0x20, 0x30 }, image);
        Assert.Throws<InvalidOperationException>(() => medium.Corrupt(0, 0));
    }
}
