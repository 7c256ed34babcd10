using ThermalMonitor.Link;

namespace ThermalMonitor.Link.Tests;

/// <summary>
/// The host file medium keeps the <c>ISettingsMedium</c> contract: empty slots read 0, what is
/// written reads back, oversized writes and unreadable slots fail without throwing, and a write that
/// fails midway leaves the slot it was replacing whole (temp file, then rename).
/// </summary>
public sealed class FileSettingsMediumTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "tm-settings-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Slots_in_a_directory_that_does_not_exist_yet_read_as_empty()
    {
        var medium = new FileSettingsMedium(directory);

        Assert.Equal((0, 0), (medium.Read(0, new byte[1024]), medium.Read(1, new byte[1024])));
        Assert.Equal(1024, medium.SlotBytesMax);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(1024)]
    public void What_is_written_reads_back_from_its_own_slot_only(int count)
    {
        var medium = new FileSettingsMedium(directory);
        byte[] image = Pattern(count, seed: 7);

        Assert.True(medium.Write(1, image, count));

        var buffer = new byte[1024];
        Assert.Equal(count, medium.Read(1, buffer));
        Assert.Equal(image, buffer[..count]);
        Assert.Equal(0, medium.Read(0, buffer));
        Assert.False(File.Exists(medium.SlotPath(1) + ".tmp"));
    }

    [Fact]
    public void A_write_replaces_the_whole_slot_and_only_the_first_count_bytes_are_written()
    {
        var medium = new FileSettingsMedium(directory);
        Assert.True(medium.Write(0, Pattern(900, seed: 1), 900));

        Assert.True(medium.Write(0, Pattern(512, seed: 2), 300));

        var buffer = new byte[1024];
        Assert.Equal(300, medium.Read(0, buffer));
        Assert.Equal(Pattern(300, seed: 2), buffer[..300]);
    }

    [Fact]
    public void A_write_larger_than_a_slot_or_its_buffer_or_to_no_slot_fails_and_changes_nothing()
    {
        var medium = new FileSettingsMedium(directory, slotBytesMax: 64);
        Assert.True(medium.Write(0, Pattern(10, seed: 3), 10));

        Assert.False(medium.Write(0, Pattern(65, seed: 4), 65));
        Assert.False(medium.Write(0, Pattern(10, seed: 4), 11));
        Assert.False(medium.Write(0, Pattern(10, seed: 4), -1));
        Assert.False(medium.Write(0, null!, 0));
        Assert.False(medium.Write(2, Pattern(10, seed: 4), 10));
        Assert.False(medium.Write(-1, Pattern(10, seed: 4), 10));

        var buffer = new byte[64];
        Assert.Equal(10, medium.Read(0, buffer));
        Assert.Equal(Pattern(10, seed: 3), buffer[..10]);
    }

    [Fact]
    public void A_slot_that_exists_but_cannot_be_read_as_one_reads_minus_one()
    {
        var medium = new FileSettingsMedium(directory, slotBytesMax: 64);
        Directory.CreateDirectory(directory);

        // Bigger than a slot (not something this medium wrote).
        File.WriteAllBytes(medium.SlotPath(0), new byte[65]);
        Assert.Equal(-1, medium.Read(0, new byte[128]));

        // Bigger than the caller's buffer.
        File.WriteAllBytes(medium.SlotPath(0), new byte[40]);
        Assert.Equal(-1, medium.Read(0, new byte[39]));

        // Not a file at all (opening a directory is an IO error; root can't be locked out by chmod).
        Directory.CreateDirectory(medium.SlotPath(1));
        Assert.Equal(-1, medium.Read(1, new byte[64]));
        Assert.False(medium.Write(1, new byte[8], 8));

        Assert.Equal(-1, medium.Read(2, new byte[64]));
        Assert.Equal(-1, medium.Read(0, null!));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    [InlineData(511)]
    public void A_write_that_fails_midway_leaves_the_old_slot_whole(int bytesBeforeFailure)
    {
        var good = new FileSettingsMedium(directory);
        Assert.True(good.Write(0, Pattern(700, seed: 5), 700));
        var failing = new FileSettingsMedium(directory) { WriteStreamWrapper = s => new FailingStream(s, bytesBeforeFailure) };

        Assert.False(failing.Write(0, Pattern(512, seed: 6), 512));

        var buffer = new byte[1024];
        Assert.Equal(700, good.Read(0, buffer));
        Assert.Equal(Pattern(700, seed: 5), buffer[..700]);
        Assert.False(File.Exists(good.SlotPath(0) + ".tmp"));
    }

    [Fact]
    public void A_temp_file_left_by_a_crash_is_ignored_by_reads_and_replaced_by_the_next_write()
    {
        var medium = new FileSettingsMedium(directory);
        Assert.True(medium.Write(1, Pattern(20, seed: 8), 20));
        File.WriteAllBytes(medium.SlotPath(1) + ".tmp", Pattern(999, seed: 9));

        var buffer = new byte[1024];
        Assert.Equal(20, medium.Read(1, buffer));

        Assert.True(medium.Write(1, Pattern(30, seed: 10), 30));
        Assert.Equal(30, medium.Read(1, buffer));
        Assert.Equal(Pattern(30, seed: 10), buffer[..30]);
        Assert.False(File.Exists(medium.SlotPath(1) + ".tmp"));
    }

    private static byte[] Pattern(int count, int seed)
    {
        var bytes = new byte[count];
        for (var i = 0; i < count; i++)
        {
            bytes[i] = (byte)((i * 31) + (seed * 17) + 1);
        }

        return bytes;
    }

    /// <summary>Passes writes through until <c>bytesAllowed</c>, then fails like a full or failing disk.</summary>
    private sealed class FailingStream(Stream inner, int bytesAllowed) : Stream
    {
        private int written;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => written;
            set => throw new NotSupportedException();
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            int allowed = Math.Min(count, bytesAllowed - written);
            inner.Write(buffer, offset, allowed);
            written += allowed;
            if (allowed < count)
            {
                throw new IOException("No space left on device (simulated)");
            }
        }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
