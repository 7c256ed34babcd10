namespace ThermalMonitor.Serial.Tests;

public sealed class PseudoTerminalTests
{
    [Fact]
    public void Without_a_link_the_device_path_is_the_slave()
    {
        using var pty = PseudoTerminal.Create();

        Assert.Equal(pty.SlavePath, pty.DevicePath);
        Assert.StartsWith("/dev/", pty.SlavePath, StringComparison.Ordinal);
        Assert.True(pty.IsPlugged);
    }

    [Fact]
    public void The_link_points_at_the_slave_and_is_removed_on_dispose()
    {
        using var dir = new TempDir();
        string link = dir.File("board");

        var pty = PseudoTerminal.Create(link);
        Assert.Equal(link, pty.DevicePath);
        Assert.Equal(pty.SlavePath, new FileInfo(link).LinkTarget);

        pty.Dispose();
        Assert.Null(new FileInfo(link).LinkTarget);
        Assert.False(File.Exists(link));
    }

    [Fact]
    public void A_stale_link_is_replaced()
    {
        using var dir = new TempDir();
        string link = dir.File("board");
        File.CreateSymbolicLink(link, "/dev/pts/does-not-exist");

        using var pty = PseudoTerminal.Create(link);

        Assert.Equal(pty.SlavePath, new FileInfo(link).LinkTarget);
    }

    [Fact]
    public void A_regular_file_in_the_way_is_not_clobbered()
    {
        using var dir = new TempDir();
        string path = dir.File("board");
        File.WriteAllText(path, "keep me");

        var ex = Assert.Throws<IOException>(() => PseudoTerminal.Create(path));

        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.Equal("keep me", File.ReadAllText(path));
    }

    [Fact]
    public void Unplug_hangs_up_a_host_reading_through_the_link_and_removes_the_link()
    {
        using var dir = new TempDir();
        string link = dir.File("board");
        using var pty = PseudoTerminal.Create(link);
        using var host = PosixSerialPort.Open(link, 115200);

        pty.Unplug();

        var lost = LinkIo.ReadUntilLost(host);
        Assert.NotNull(lost);
        Assert.Equal(link, lost.DevicePath);
        Assert.False(host.IsOpen);
        Assert.False(pty.IsPlugged);
        Assert.False(File.Exists(link));
        Assert.Null(new FileInfo(link).LinkTarget);
    }

    [Fact]
    public void While_unplugged_the_board_reads_nothing_and_its_writes_are_discarded()
    {
        using var pty = PseudoTerminal.Create();
        pty.Unplug();

        Assert.Equal(0, pty.Read(new byte[16], 100));
        pty.Write("lost in the void"u8);

        Assert.Equal(16, pty.DiscardedBytes);
        Assert.True(pty.IsOpen);
    }

    [Fact]
    public void Replug_points_the_link_at_a_fresh_pty_that_works()
    {
        using var dir = new TempDir();
        string link = dir.File("board");
        using var pty = PseudoTerminal.Create(link);
        pty.Unplug();

        pty.Replug();

        Assert.True(pty.IsPlugged);
        Assert.Equal(pty.SlavePath, new FileInfo(link).LinkTarget);
        using var host = PosixSerialPort.Open(link, 115200);
        pty.Write("T=21.5\n"u8);
        Assert.Equal("T=21.5\n"u8.ToArray(), LinkIo.ReadUpTo(host, 7));
    }

    [Fact]
    public void The_board_keeps_running_while_hosts_come_and_go()
    {
        using var pty = PseudoTerminal.Create();
        using (var first = PosixSerialPort.Open(pty.DevicePath, 115200))
        {
            first.Write("one"u8);
            Assert.Equal("one"u8.ToArray(), LinkIo.ReadUpTo(pty, 3));
        }

        // No host has the slave open now; the kept slave descriptor keeps master reads from failing with EIO.
        Assert.Equal(0, pty.Read(new byte[16], 100));

        using var second = PosixSerialPort.Open(pty.DevicePath, 115200);
        second.Write("two"u8);
        Assert.Equal("two"u8.ToArray(), LinkIo.ReadUpTo(pty, 3));
    }

    [Fact]
    public void A_write_stall_timeout_discards_what_nobody_reads()
    {
        using var pty = PseudoTerminal.Create();
        pty.WriteStallTimeoutMs = 100;

        // Far more than a pty buffers (a few tens of kB) and nobody reading on the host side.
        var block = new byte[1 << 20];
        pty.Write(block);

        Assert.True(pty.DiscardedBytes > 0);
        Assert.True(pty.DiscardedBytes < block.Length);
    }
}
