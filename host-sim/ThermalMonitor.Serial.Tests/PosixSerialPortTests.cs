namespace ThermalMonitor.Serial.Tests;

public sealed class PosixSerialPortTests
{
    private static readonly byte[] AllByteValues = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();

    [Fact]
    public void All_256_byte_values_pass_untouched_host_to_board()
    {
        using var pty = PseudoTerminal.Create();
        StartCooked(pty);
        using var port = PosixSerialPort.Open(pty.DevicePath, 115200);

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
        using var port = PosixSerialPort.Open(pty.DevicePath, 115200);

        // 0x03 (^C), 0x11/0x13 (XON/XOFF), 0x0D (CR→LF), 0x7F (DEL) would all be eaten or changed by a cooked tty.
        pty.Write(AllByteValues);

        Assert.Equal(AllByteValues, LinkIo.ReadUpTo(port, AllByteValues.Length));
        Assert.Equal(0, LinkIo.ReadAny(port, 200));
        Assert.Equal(0, LinkIo.ReadAny(pty, 200));
    }

    /// <summary>Undo the raw mode PseudoTerminal set, so only PosixSerialPort.Open can make the round trips pass.</summary>
    private static void StartCooked(PseudoTerminal pty)
    {
        if (OperatingSystem.IsLinux())
        {
            LinuxTty.MakeCookedAndHostile(pty.SlavePath);
        }
    }

    [Fact]
    public void Read_returns_zero_when_nothing_was_sent()
    {
        using var pty = PseudoTerminal.Create();
        using var port = PosixSerialPort.Open(pty.DevicePath, 115200);

        Assert.Equal(0, port.Read(new byte[64], 100));
        Assert.Equal(0, port.Read(new byte[64], 0));
        Assert.True(port.IsOpen);
    }

    [Fact]
    public void A_pty_has_no_modem_lines_and_opening_one_still_works()
    {
        using var pty = PseudoTerminal.Create();
        using var port = PosixSerialPort.Open(pty.DevicePath, 921600);

        Assert.False(port.ModemLinesControlled);
        Assert.Equal(921600, port.Baud);
        Assert.Equal(pty.DevicePath, port.Path);
    }

    [Fact]
    public void Opening_a_missing_device_names_it_and_the_errno()
    {
        string missing = "/dev/ttyUSB-does-not-exist-" + Guid.NewGuid().ToString("N");

        var ex = Assert.Throws<IOException>(() => PosixSerialPort.Open(missing, 115200));

        Assert.Contains($"'{missing}'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("ENOENT", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Opening_something_that_is_not_a_terminal_says_so()
    {
        var ex = Assert.Throws<IOException>(() => PosixSerialPort.Open("/dev/null", 115200));

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

        var ex = Assert.Throws<ArgumentException>(() => PosixSerialPort.Open(pty.DevicePath, 12345));

        Assert.Equal("baud", ex.ParamName);
        Assert.Contains("12345", ex.Message, StringComparison.Ordinal);
        Assert.Contains("921600", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(9600, 0xDu)]
    [InlineData(115200, 0x1002u)]
    [InlineData(921600, 0x1007u)]
    public void Open_makes_a_cooked_tty_raw_8N1_without_hupcl_or_flow_control_at_the_requested_speed(int baud, uint linuxSpeedCode)
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // The offsets and bits checked below are glibc's.
        }

        using var pty = PseudoTerminal.Create();
        LinuxTty.MakeCookedAndHostile(pty.SlavePath);

        using var port = PosixSerialPort.Open(pty.DevicePath, baud);

        var termios = LinuxTty.Get(pty.SlavePath);
        uint cflag = LinuxTty.Flag(termios, 8);
        Assert.Equal(0u, LinuxTty.Flag(termios, 0) & (LinuxTty.Icrnl | LinuxTty.Ixon));
        Assert.Equal(0u, LinuxTty.Flag(termios, 4) & LinuxTty.Opost);
        Assert.Equal(0u, LinuxTty.Flag(termios, 12) & (LinuxTty.Echo | LinuxTty.Icanon | LinuxTty.Isig));
        Assert.Equal(LinuxTty.Cs8, cflag & LinuxTty.Csize);
        Assert.Equal(0u, cflag & (LinuxTty.Parenb | LinuxTty.Cstopb | LinuxTty.Hupcl | LinuxTty.Crtscts));
        Assert.Equal(LinuxTty.Clocal | LinuxTty.Cread, cflag & (LinuxTty.Clocal | LinuxTty.Cread));
        Assert.Equal(linuxSpeedCode, cflag & LinuxTty.Cbaud);
        Assert.Equal(0, termios[LinuxTty.VMinIndex]);
        Assert.Equal(0, termios[LinuxTty.VTimeIndex]);
    }

    [Fact]
    public void Writing_after_the_other_side_is_gone_reports_a_lost_link_naming_the_device()
    {
        var pty = PseudoTerminal.Create();
        using var port = PosixSerialPort.Open(pty.DevicePath, 115200);
        string path = port.Path;

        pty.Dispose();

        var ex = Assert.Throws<SerialLinkLostException>(() => port.Write("hello"u8));
        Assert.Equal(path, ex.DevicePath);
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.False(port.IsOpen);
    }

    [Fact]
    public void Using_a_disposed_port_throws_ObjectDisposedException()
    {
        using var pty = PseudoTerminal.Create();
        var port = PosixSerialPort.Open(pty.DevicePath, 115200);
        port.Dispose();

        Assert.False(port.IsOpen);
        Assert.Throws<ObjectDisposedException>(() => port.Read(new byte[1], 10));
        Assert.Throws<ObjectDisposedException>(() => port.Write([1]));
    }

    [Fact]
    public async Task Dispose_from_another_thread_ends_a_blocked_read()
    {
        using var pty = PseudoTerminal.Create();
        var port = PosixSerialPort.Open(pty.DevicePath, 115200);
        var reader = Task.Run(() => port.Read(new byte[16], Timeout.Infinite));

        port.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => reader.WaitAsync(LinkIo.Patience));
    }
}
