namespace ThermalMonitor.Serial.Tests;

/// <summary>Unplug, replug and reconnection, with each transport underneath.</summary>
public sealed class ReconnectingSerialLinkTests
{
    [Theory]
    [InlineData(SerialTransport.Termios)]
    [InlineData(SerialTransport.Ports)]
    public void Recovers_after_unplug_and_replug_and_writes_reach_the_new_pty(SerialTransport transport)
    {
        using var dir = new TempDir();
        string link = dir.File("board");
        using var pty = PseudoTerminal.Create(link);
        using var host = ReconnectingSerialLink.ForDevice(transport, link, 115200, retryIntervalMs: 20, reconnectTimeoutMs: 60_000);
        int reconnectedEvents = 0, lostEvents = 0;
        host.Reconnected += () => Interlocked.Increment(ref reconnectedEvents);
        host.Lost += _ => Interlocked.Increment(ref lostEvents);

        pty.Unplug();
        // The outage is noticed, but within reconnectTimeoutMs a read just times out.
        Assert.Equal(0, host.Read(new byte[16], 200));
        Assert.False(host.IsOpen);
        Assert.Equal(0, host.Reconnects);
        Assert.Equal(1, Volatile.Read(ref lostEvents));

        pty.Replug();
        long deadline = Environment.TickCount64 + (long)LinkIo.Patience.TotalMilliseconds;
        while (host.Reconnects == 0 && Environment.TickCount64 < deadline)
        {
            host.Read(new byte[16], 50);
        }

        Assert.Equal(1, host.Reconnects);
        Assert.Equal(1, Volatile.Read(ref reconnectedEvents));
        Assert.Equal(1, Volatile.Read(ref lostEvents));
        Assert.True(host.IsOpen);
        host.Write("GET STATE\n"u8);
        Assert.Equal("GET STATE\n"u8.ToArray(), LinkIo.ReadUpTo(pty, 10));
        Assert.Equal(link, host.Path);
    }

    [Theory]
    [InlineData(SerialTransport.Termios)]
    [InlineData(SerialTransport.Ports)]
    public async Task A_write_during_an_outage_is_delivered_once_the_device_is_back(SerialTransport transport)
    {
        using var dir = new TempDir();
        string link = dir.File("board");
        using var pty = PseudoTerminal.Create(link);
        using var host = ReconnectingSerialLink.ForDevice(transport, link, 115200, retryIntervalMs: 20, reconnectTimeoutMs: 60_000);

        pty.Unplug();
        var writer = Task.Run(() => host.Write("PING\n"u8));
        Assert.Equal(0, pty.Read(new byte[16], 100)); // unplugged: nothing can arrive
        pty.Replug();

        await writer.WaitAsync(LinkIo.Patience);
        Assert.Equal("PING\n"u8.ToArray(), LinkIo.ReadUpTo(pty, 5));
        Assert.Equal(1, host.Reconnects);
    }

    [Theory]
    [InlineData(SerialTransport.Termios)]
    [InlineData(SerialTransport.Ports)]
    public void An_outage_longer_than_the_reconnect_timeout_throws(SerialTransport transport)
    {
        using var dir = new TempDir();
        string link = dir.File("board");
        using var pty = PseudoTerminal.Create(link);
        using var host = ReconnectingSerialLink.ForDevice(transport, link, 115200, retryIntervalMs: 20, reconnectTimeoutMs: 300);

        pty.Unplug();

        var lost = LinkIo.ReadUntilLost(host);
        Assert.NotNull(lost);
        Assert.Contains("not back after 300 ms", lost.Message, StringComparison.Ordinal);
        Assert.Contains(link, lost.Message, StringComparison.Ordinal);
        Assert.Throws<SerialLinkLostException>(() => host.Write("x"u8));
    }

    [Theory]
    [InlineData(SerialTransport.Termios)]
    [InlineData(SerialTransport.Ports)]
    public void A_missing_device_at_start_fails_fast(SerialTransport transport)
    {
        using var dir = new TempDir();
        string link = dir.File("nothing-here");

        var ex = Assert.Throws<IOException>(() => ReconnectingSerialLink.ForDevice(transport, link, 115200));

        Assert.Contains("ENOENT", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SerialTransport.Termios)]
    [InlineData(SerialTransport.Ports)]
    public async Task Concurrent_reader_and_writer_share_one_reconnect(SerialTransport transport)
    {
        using var dir = new TempDir();
        string link = dir.File("board");
        using var pty = PseudoTerminal.Create(link);
        using var host = ReconnectingSerialLink.ForDevice(transport, link, 115200, retryIntervalMs: 20, reconnectTimeoutMs: 60_000);
        using var stop = new CancellationTokenSource();
        var reader = Task.Run(() =>
        {
            var buffer = new byte[64];
            while (!stop.IsCancellationRequested)
            {
                host.Read(buffer, 20);
            }
        });

        pty.Unplug();
        Assert.Equal(0, pty.Read(new byte[16], 100));
        pty.Replug();
        host.Write("AFTER\n"u8);
        var atBoard = LinkIo.ReadUpTo(pty, 6);
        stop.Cancel();
        await reader.WaitAsync(LinkIo.Patience);

        Assert.Equal("AFTER\n"u8.ToArray(), atBoard);
        Assert.Equal(1, host.Reconnects);
    }
}
