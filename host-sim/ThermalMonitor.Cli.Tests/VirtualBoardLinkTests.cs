using ThermalMonitor.VirtualBoard;

namespace ThermalMonitor.Cli.Tests;

/// <summary>
/// <c>board virtual --link</c>: the link goes with the board however it is stopped (Ctrl+C, SIGTERM,
/// SIGHUP), and one left behind by a killed run does not block the next start.
/// </summary>
public sealed class VirtualBoardLinkTests
{
    [Theory]
    [InlineData("TERM")]
    [InlineData("HUP")]
    [InlineData("INT")]
    public void A_signal_stops_the_board_cleanly_and_removes_its_link(string signal)
    {
        string link = Path.Combine(CliRunner.TempDirectory(), "ttyTM0");

        var result = CliRunner.RunAndThen(
            line => line.StartsWith(VirtualBoardProcess.DeviceMarker, StringComparison.Ordinal),
            pid =>
            {
                Assert.NotNull(new FileInfo(link).LinkTarget);
                Signal(signal, pid);
            },
            "board", "virtual", "--link", link);

        Assert.True(result.ExitCode == 0, $"exit code {result.ExitCode}; stderr: {result.Stderr}");
        Assert.Equal(string.Empty, result.Stderr);
        Assert.False(File.Exists(link) || new FileInfo(link).LinkTarget is not null, $"{link} is still there");
    }

    [Fact]
    public void A_stale_link_to_a_pty_that_is_gone_is_replaced_and_said_so()
    {
        string link = Path.Combine(CliRunner.TempDirectory(), "ttyTM0");
        File.CreateSymbolicLink(link, "/dev/pts/987654");
        string? pointedAt = null;

        var result = CliRunner.RunAndThen(
            line => line.StartsWith(VirtualBoardProcess.DeviceMarker, StringComparison.Ordinal),
            pid =>
            {
                pointedAt = new FileInfo(link).LinkTarget;
                CliRunner.Terminate(pid);
            },
            "board", "virtual", "--link", link);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains($"replaced the stale link {link} -> /dev/pts/987654 (its pty is gone: an earlier run was killed)", result.Stdout, StringComparison.Ordinal);
        Assert.NotNull(pointedAt);
        Assert.NotEqual("/dev/pts/987654", pointedAt);
        Assert.False(new FileInfo(link).LinkTarget is not null, $"{link} is still there");
    }

    [Fact]
    public void A_link_to_something_that_exists_is_refused_and_left_alone()
    {
        string link = Path.Combine(CliRunner.TempDirectory(), "ttyTM0");
        File.CreateSymbolicLink(link, "/dev/null");

        var result = CliRunner.Run("board", "virtual", "--link", link);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(
            $"error: --link {link}: it already points at /dev/null, which exists (another virtual board?); stop that board or choose another --link",
            Assert.Single(result.StderrLines));
        Assert.Equal("/dev/null", new FileInfo(link).LinkTarget);
    }

    private static void Signal(string signal, int processId)
    {
        using var kill = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("kill")
        {
            ArgumentList = { "-" + signal, processId.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        })!;
        kill.WaitForExit();
    }
}
