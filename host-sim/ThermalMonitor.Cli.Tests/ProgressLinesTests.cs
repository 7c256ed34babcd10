using Microsoft.Extensions.Time.Testing;
using ThermalMonitor.Cli.Views;
using ThermalMonitor.Targets;

namespace ThermalMonitor.Cli.Tests;

/// <summary>
/// Progress where the output is not a terminal: a progress bar drew "0%" once and then nothing for
/// the 49 minutes of a long piped replay. Lines now come at the start, at each further tenth, after
/// every silence of the interval, and at the end.
/// </summary>
public sealed class ProgressLinesTests
{
    private const long Total = 1_000_000;

    [Fact]
    public void A_line_comes_at_the_start_at_each_tenth_and_after_each_silent_interval_but_not_in_between()
    {
        var clock = new FakeTimeProvider();
        var output = new StringWriter();
        var lines = new ProgressLines(output, "replay x on sil", clock, TimeSpan.FromSeconds(30));

        lines.Report(At(10_000));                // the start
        clock.Advance(TimeSpan.FromSeconds(5));
        lines.Report(At(20_000));                // same tenth, 5 s: nothing
        clock.Advance(TimeSpan.FromSeconds(5));
        lines.Report(At(100_000));               // a new tenth
        clock.Advance(TimeSpan.FromSeconds(29));
        lines.Report(At(110_000));               // 29 s of silence: nothing yet
        clock.Advance(TimeSpan.FromSeconds(1));
        lines.Report(At(120_000));               // 30 s: a line although still the same tenth
        lines.Finish(At(Total));

        string[] written = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, written.Length);
        Assert.StartsWith("replay x on sil: 1% (10,000 of 1,000,000 samples, profile time 0:16:40.0)", written[0], StringComparison.Ordinal);
        Assert.StartsWith("replay x on sil: 10% (100,000 of 1,000,000 samples", written[1], StringComparison.Ordinal);
        Assert.StartsWith("replay x on sil: 12% (120,000 of 1,000,000 samples", written[2], StringComparison.Ordinal);
        // 120,000 samples in 40 s: 3,000 samples/s, 880,000 left: 293 s.
        Assert.EndsWith(", 3,000 samples/s, about 4.9 min left", written[2], StringComparison.Ordinal);
        Assert.Equal("replay x on sil: done, 1,000,000 samples in 40.0 s", written[3]);
    }

    [Fact]
    public void A_zero_interval_writes_every_report_and_the_end_is_written_once()
    {
        var clock = new FakeTimeProvider();
        var output = new StringWriter();
        var lines = new ProgressLines(output, "r", clock, TimeSpan.Zero);
        for (long done = 1; done <= 5; done++)
        {
            lines.Report(At(done));
        }

        lines.Finish(At(5));
        lines.Finish(At(5));
        lines.Report(At(6));

        Assert.Equal(6, output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Theory]
    [InlineData("ten")]
    [InlineData("-1")]
    [InlineData("1e9")]
    public void A_bad_interval_in_the_environment_is_an_error_naming_the_variable(string text)
    {
        var result = CliRunner.RunWith(new Dictionary<string, string> { [ProgressLines.IntervalVariable] = text }, "replay", "progress-ms21");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"error: environment variable THERMAL_PROGRESS_INTERVAL_S='{text}': expected seconds between progress lines, 0 to 86400", Assert.Single(result.StderrLines));
    }

    [Fact]
    public void A_piped_replay_prints_progress_lines_while_it_runs_and_a_closing_line()
    {
        var result = CliRunner.RunWith(new Dictionary<string, string> { [ProgressLines.IntervalVariable] = "0" }, "replay", "progress-ms21");

        Assert.Equal(0, result.ExitCode);
        string[] progress = [.. result.Stdout.Split('\n').Where(l => l.StartsWith("replay progress-ms21 on sil: ", StringComparison.Ordinal))];
        // A line per 10,000 samples reported (the profile has 2.5 h = 90,000 samples) and the closing one.
        Assert.True(progress.Length >= 9, result.Stdout);
        Assert.Matches(@"^replay progress-ms21 on sil: \d+% \([\d,]+ of [\d,]+ samples, profile time \d+:\d\d:\d\d\.\d\)", progress[0]);
        Assert.StartsWith("replay progress-ms21 on sil: done, ", progress[^1], StringComparison.Ordinal);
    }

    private static ReplayProgress At(long done) => new(done, Total, done / 10.0, null);
}
