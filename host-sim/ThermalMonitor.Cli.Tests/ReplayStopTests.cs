namespace ThermalMonitor.Cli.Tests;

/// <summary>
/// A replay stopped before its end says how far it got and which alarms it had raised, and names what
/// stopped it: it printed only "replay stopped (Ctrl+C)", also for a SIGTERM, and the alarms seen
/// were lost with the run.
/// </summary>
public sealed class ReplayStopTests
{
    // 250 kPa, a fall to 30 kPa at 30 s (below the default red limit, 40 kPa), then 20 minutes flat:
    // at --speed 10 the WARNING comes after about 3 s of wall time and the end after 2 minutes.
    private const string FallThenFlat = "time_s,pressure_kpa,temp_c\n0,250,20\n30,250,20\n31,30,20\n1230,30,20\n";

    [Theory]
    [InlineData("SIGTERM", 143)]
    [InlineData("Ctrl+C", 130)]
    public void A_stopped_replay_prints_how_far_it_got_and_the_alarms_raised_until_then(string signal, int exitCode)
    {
        string profile = TestFiles.Write(CliRunner.TempDirectory(), "fall.csv", FallThenFlat);

        var result = CliRunner.RunAndThen(
            line => line.Contains(" DEPRESSURIZATION #", StringComparison.Ordinal),
            signal == "SIGTERM" ? CliRunner.Terminate : CliRunner.Interrupt,
            "replay", profile, "--speed", "10");

        Assert.True(result.ExitCode == exitCode, result.Stdout + result.Stderr);
        string[] lines = result.Stdout.Split('\n');
        string stopped = Assert.Single(lines, l => l.StartsWith("replay stopped", StringComparison.Ordinal));
        Assert.Matches($@"^replay stopped \({System.Text.RegularExpressions.Regex.Escape(signal)}\) at profile time 0:\d\d:\d\d\.\d \([\d,]+ of 12,301 samples, \d+%\): \d+ alarms? raised until then$", stopped.TrimEnd('\r'));
        // The table after it lists the alarm that was printed live.
        int table = Array.IndexOf(lines, stopped);
        Assert.Contains(lines.Skip(table), l => l.Contains("DEPRESSURIZATION", StringComparison.Ordinal) && l.Contains("WARNING", StringComparison.Ordinal));
    }
}
