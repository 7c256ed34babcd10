using System.Diagnostics;

namespace ThermalMonitor.Serial.Tests;

/// <summary>The termios transport (<see cref="PosixSerialPort"/>) against the shared transport checks.</summary>
public sealed class TermiosTransportTests : SerialTransportTests
{
    protected override SerialTransport Transport => SerialTransport.Termios;

    protected override bool ClearsHupcl => true;

    protected override byte ExpectedVmin => 0;

    protected override bool ModemLinesControlled(ISerialLink port) => ((PosixSerialPort)port).ModemLinesControlled;

    protected override int Baud(ISerialLink port) => ((PosixSerialPort)port).Baud;
}

/// <summary>The System.IO.Ports transport (<see cref="SystemIoPortsSerialLink"/>) against the shared transport checks.</summary>
public sealed class PortsTransportTests : SerialTransportTests
{
    protected override SerialTransport Transport => SerialTransport.Ports;

    /// <summary>System.IO.Ports' termios reset does not touch HUPCL (README: DTR, RTS and HUPCL).</summary>
    protected override bool ClearsHupcl => false;

    /// <summary>cfmakeraw's VMIN 1; harmless, the descriptor is non-blocking and polled.</summary>
    protected override byte ExpectedVmin => 1;

    protected override bool ModemLinesControlled(ISerialLink port) => ((SystemIoPortsSerialLink)port).ModemLinesControlled;

    protected override int Baud(ISerialLink port) => ((SystemIoPortsSerialLink)port).Baud;

    [Fact]
    public void A_pty_can_be_opened_again_after_the_port_is_closed()
    {
        // System.IO.Ports takes the tty exclusively (TIOCEXCL) and releases it on close (TIOCNXCL).
        using var pty = PseudoTerminal.Create();
        Open(pty.DevicePath, 115200).Dispose();

        using var again = Open(pty.DevicePath, 115200);
        pty.Write("ok"u8);
        Assert.Equal("ok"u8.ToArray(), LinkIo.ReadUpTo(again, 2));
    }
}

/// <summary>
/// The <see cref="ISerialLink"/> contract, checked the same way for each transport on a Linux
/// pseudo-terminal: byte transparency both ways, timeouts, large writes, Dispose from another
/// thread, the other side hanging up, and open errors.
/// </summary>
public abstract class SerialTransportTests
{
    /// <summary>The contract's bound for a Dispose to end a pending call, plus room for a loaded 2-core machine.</summary>
    private const int DisposeBoundMs = 50 + 450;

    private static readonly byte[] AllByteValues = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();

    protected abstract SerialTransport Transport { get; }

    /// <summary>Whether opening clears HUPCL (so closing does not drop DTR/RTS).</summary>
    protected abstract bool ClearsHupcl { get; }

    /// <summary>VMIN after open (the descriptor is non-blocking either way).</summary>
    protected abstract byte ExpectedVmin { get; }

    protected abstract bool ModemLinesControlled(ISerialLink port);

    protected abstract int Baud(ISerialLink port);

    protected ISerialLink Open(string path, int baud) => SerialTransports.Open(Transport, path, baud);

    [Fact]
    public void All_256_byte_values_pass_untouched_host_to_board()
    {
        using var pty = PseudoTerminal.Create();
        StartCooked(pty);
        using var port = Open(pty.DevicePath, 115200);

        port.Write(AllByteValues);

        Assert.Equal(AllByteValues, LinkIo.ReadUpTo(pty, AllByteValues.Length));
        // Nothing extra (no CR added to LF) reached the board, and nothing was echoed to the host.
        Assert.Equal(0, LinkIo.ReadAny(pty, 200));
        Assert.Equal(0, LinkIo.ReadAny(port, 200));
    }

    [Fact]
    public void All_256_byte_values_pass_untouched_board_to_host()
    {
        using var pty = PseudoTerminal.Create();
        StartCooked(pty);
        using var port = Open(pty.DevicePath, 115200);

        // 0x03 (^C), 0x11/0x13 (XON/XOFF), 0x0D (CR→LF), 0x7F (DEL) would all be eaten or changed by a cooked tty.
        pty.Write(AllByteValues);

        Assert.Equal(AllByteValues, LinkIo.ReadUpTo(port, AllByteValues.Length));
        Assert.Equal(0, LinkIo.ReadAny(port, 200));
        Assert.Equal(0, LinkIo.ReadAny(pty, 200));
    }

    [Fact]
    public async Task Large_writes_arrive_whole_in_both_directions_at_once()
    {
        using var pty = PseudoTerminal.Create();
        using var port = Open(pty.DevicePath, 921600);
        byte[] toBoard = LinkIo.RandomBytes(256 * 1024, seed: 1);
        byte[] toHost = LinkIo.RandomBytes(256 * 1024, seed: 2);

        // Far more than a pty buffers (about 4 KiB), so each Write must wait for room repeatedly.
        var hostWriter = Task.Run(() => port.Write(toBoard));
        var boardWriter = Task.Run(() => pty.Write(toHost));
        var boardReader = Task.Run(() => LinkIo.ReadUpTo(pty, toBoard.Length));
        byte[] atHost = LinkIo.ReadUpTo(port, toHost.Length);

        await Task.WhenAll(hostWriter, boardWriter).WaitAsync(LinkIo.Patience);
        Assert.Equal(toHost, atHost);
        Assert.Equal(toBoard, await boardReader.WaitAsync(LinkIo.Patience));
    }

    [Fact]
    public void Read_returns_zero_when_nothing_was_sent()
    {
        using var pty = PseudoTerminal.Create();
        using var port = Open(pty.DevicePath, 115200);

        var clock = Stopwatch.StartNew();
        Assert.Equal(0, port.Read(new byte[64], 100));
        Assert.True(clock.ElapsedMilliseconds >= 95, $"a 100 ms read returned after {clock.ElapsedMilliseconds} ms");
        clock.Restart();
        Assert.Equal(0, port.Read(new byte[64], 0));
        Assert.True(clock.ElapsedMilliseconds < DisposeBoundMs, $"a 0 ms read took {clock.ElapsedMilliseconds} ms");
        Assert.True(port.IsOpen);
    }

    [Fact]
    public void A_zero_timeout_read_returns_bytes_that_are_already_waiting()
    {
        using var pty = PseudoTerminal.Create();
        using var port = Open(pty.DevicePath, 115200);

        pty.Write("OK\n"u8);
        Thread.Sleep(100);

        var buffer = new byte[64];
        int n = port.Read(buffer, 0);
        Assert.Equal("OK\n"u8.ToArray(), buffer[..n]);
    }

    [Fact]
    public void A_read_into_a_small_buffer_keeps_the_rest_for_the_next_read()
    {
        using var pty = PseudoTerminal.Create();
        using var port = Open(pty.DevicePath, 115200);

        pty.Write("HELLO\n"u8);

        var received = new List<byte>();
        var one = new byte[1];
        long deadline = Environment.TickCount64 + (long)LinkIo.Patience.TotalMilliseconds;
        while (received.Count < 6 && Environment.TickCount64 < deadline)
        {
            if (port.Read(one, 50) == 1)
            {
                received.Add(one[0]);
            }
        }

        Assert.Equal("HELLO\n"u8.ToArray(), received);
    }

    [Fact]
    public void A_pty_has_no_modem_lines_and_opening_one_still_works()
    {
        using var pty = PseudoTerminal.Create();
        using var port = Open(pty.DevicePath, 921600);

        Assert.False(ModemLinesControlled(port));
        Assert.Equal(921600, Baud(port));
        Assert.Equal(pty.DevicePath, port.Path);
    }

    [Fact]
    public void Opening_a_missing_device_names_it_and_the_errno()
    {
        string missing = "/dev/ttyUSB-does-not-exist-" + Guid.NewGuid().ToString("N");

        var ex = Assert.Throws<IOException>(() => Open(missing, 115200));

        Assert.Contains($"'{missing}'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("ENOENT", ex.Message, StringComparison.Ordinal);
        Assert.Contains("plugged in", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Opening_something_that_is_not_a_terminal_says_so()
    {
        var ex = Assert.Throws<IOException>(() => Open("/dev/null", 115200));

        Assert.Contains("'/dev/null'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("ENOTTY", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unsupported_baud_is_rejected_with_the_list_of_supported_ones()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // macOS takes any positive rate.
        }

        using var pty = PseudoTerminal.Create();

        var ex = Assert.Throws<ArgumentException>(() => Open(pty.DevicePath, 12345));

        Assert.Equal("baud", ex.ParamName);
        Assert.Contains("12345", ex.Message, StringComparison.Ordinal);
        Assert.Contains("921600", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(9600, 0xDu)]
    [InlineData(115200, 0x1002u)]
    [InlineData(921600, 0x1007u)]
    public void Open_makes_a_cooked_tty_raw_8N1_without_flow_control_at_the_requested_speed(int baud, uint linuxSpeedCode)
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // The offsets and bits checked below are glibc's.
        }

        using var pty = PseudoTerminal.Create();
        LinuxTty.MakeCookedAndHostile(pty.SlavePath);

        using var port = Open(pty.DevicePath, baud);

        var termios = LinuxTty.Get(pty.SlavePath);
        uint cflag = LinuxTty.Flag(termios, 8);
        Assert.Equal(0u, LinuxTty.Flag(termios, 0) & (LinuxTty.Icrnl | LinuxTty.Ixon));
        Assert.Equal(0u, LinuxTty.Flag(termios, 4) & LinuxTty.Opost);
        Assert.Equal(0u, LinuxTty.Flag(termios, 12) & (LinuxTty.Echo | LinuxTty.Icanon | LinuxTty.Isig));
        Assert.Equal(LinuxTty.Cs8, cflag & LinuxTty.Csize);
        Assert.Equal(0u, cflag & (LinuxTty.Parenb | LinuxTty.Cstopb | LinuxTty.Crtscts));
        Assert.Equal(ClearsHupcl ? 0u : LinuxTty.Hupcl, cflag & LinuxTty.Hupcl);
        Assert.Equal(LinuxTty.Clocal | LinuxTty.Cread, cflag & (LinuxTty.Clocal | LinuxTty.Cread));
        Assert.Equal(linuxSpeedCode, cflag & LinuxTty.Cbaud);
        Assert.Equal(ExpectedVmin, termios[LinuxTty.VMinIndex]);
        Assert.Equal(0, termios[LinuxTty.VTimeIndex]);
    }

    [Fact]
    public void Writing_after_the_other_side_is_gone_reports_a_lost_link_naming_the_device()
    {
        var pty = PseudoTerminal.Create();
        using var port = Open(pty.DevicePath, 115200);
        string path = port.Path;

        pty.Dispose();

        var ex = Assert.Throws<SerialLinkLostException>(() => port.Write("hello"u8));
        Assert.Equal(path, ex.DevicePath);
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.False(port.IsOpen);
        // Lost stays lost: later calls say so at once instead of waiting.
        Assert.Throws<SerialLinkLostException>(() => port.Read(new byte[1], Timeout.Infinite));
    }

    [Fact]
    public async Task A_pending_read_reports_a_lost_link_when_the_other_side_hangs_up()
    {
        var pty = PseudoTerminal.Create();
        using var port = Open(pty.DevicePath, 115200);
        var reader = Task.Run(() => LinkIo.ReadUntilLost(port));
        Thread.Sleep(200); // let the read start waiting

        pty.Dispose();

        SerialLinkLostException? ex = await reader.WaitAsync(LinkIo.Patience);
        Assert.NotNull(ex);
        Assert.Equal(port.Path, ex.DevicePath);
        Assert.Contains($"'{port.Path}'", ex.Message, StringComparison.Ordinal);
        Assert.False(port.IsOpen);
    }

    [Fact]
    public void Using_a_disposed_port_throws_ObjectDisposedException()
    {
        using var pty = PseudoTerminal.Create();
        var port = Open(pty.DevicePath, 115200);
        port.Dispose();
        port.Dispose(); // twice is fine

        Assert.False(port.IsOpen);
        Assert.Throws<ObjectDisposedException>(() => port.Read(new byte[1], 10));
        Assert.Throws<ObjectDisposedException>(() => port.Write([1]));
    }

    [Fact]
    public void Dispose_from_another_thread_ends_a_blocked_read_within_the_bound()
    {
        using var pty = PseudoTerminal.Create();
        var port = Open(pty.DevicePath, 115200);
        using var reader = new BlockedCall(() => port.Read(new byte[16], Timeout.Infinite));
        Thread.Sleep(200); // let the read start waiting
        Assert.False(reader.Ended);

        long disposedAt = Stopwatch.GetTimestamp();
        port.Dispose();

        Assert.IsType<ObjectDisposedException>(reader.Outcome());
        double ms = reader.EndedMsAfter(disposedAt);
        Assert.True(ms < DisposeBoundMs, $"the read ended {ms:0} ms after Dispose");
    }

    [Fact]
    public void Dispose_from_another_thread_ends_a_write_blocked_on_a_full_buffer_within_the_bound()
    {
        using var pty = PseudoTerminal.Create();
        var port = Open(pty.DevicePath, 921600);
        // Nobody reads the board side, so this fills the pty and waits for room that never comes.
        using var writer = new BlockedCall(() => port.Write(new byte[1024 * 1024]));
        Thread.Sleep(300);
        Assert.False(writer.Ended);

        long disposedAt = Stopwatch.GetTimestamp();
        port.Dispose();
        double disposeMs = Stopwatch.GetElapsedTime(disposedAt).TotalMilliseconds;

        Assert.IsType<ObjectDisposedException>(writer.Outcome());
        Assert.True(disposeMs < DisposeBoundMs, $"Dispose itself took {disposeMs:0} ms");
        double ms = writer.EndedMsAfter(disposedAt);
        Assert.True(ms < DisposeBoundMs, $"the write ended {ms:0} ms after Dispose");
    }

    /// <summary>Undo the raw mode PseudoTerminal set, so only the transport's Open can make the round trips pass.</summary>
    private static void StartCooked(PseudoTerminal pty)
    {
        if (OperatingSystem.IsLinux())
        {
            LinuxTty.MakeCookedAndHostile(pty.SlavePath);
        }
    }

    /// <summary>
    /// A blocking call on a thread of its own (not the pool, which a loaded test run can starve), with
    /// the moment it ended taken on that thread.
    /// </summary>
    private sealed class BlockedCall : IDisposable
    {
        private readonly Thread _thread;
        private Exception? _error;
        private long _endedAt;

        public BlockedCall(Action call)
        {
            _thread = new Thread(() =>
            {
                try
                {
                    call();
                }
                catch (Exception e)
                {
                    _error = e;
                }

                Volatile.Write(ref _endedAt, Stopwatch.GetTimestamp());
            })
            { IsBackground = true, Name = "blocked serial call" };
            _thread.Start();
        }

        public bool Ended => Volatile.Read(ref _endedAt) != 0;

        /// <summary>Waits for the call to end; returns what it threw (null if it returned).</summary>
        public Exception? Outcome()
        {
            Assert.True(_thread.Join(LinkIo.Patience), "the call never ended");
            return _error;
        }

        public double EndedMsAfter(long timestamp) => Stopwatch.GetElapsedTime(timestamp, Volatile.Read(ref _endedAt)).TotalMilliseconds;

        public void Dispose() => _thread.Join(LinkIo.Patience);
    }
}
