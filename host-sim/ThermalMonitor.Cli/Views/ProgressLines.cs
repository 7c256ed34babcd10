using System.Globalization;
using ThermalMonitor.Targets;

namespace ThermalMonitor.Cli.Views;

/// <summary>
/// A replay's progress as plain lines, for output that is not a terminal (logs, CI, pipes), where a
/// progress bar draws once and then says nothing for as long as the replay runs: a line at the start,
/// one each time another tenth is done (a second after the last line at least) or <see cref="Interval"/>
/// has passed since the last line, and one at the end.
/// </summary>
/// <remarks>
/// The interval is 30 s unless <see cref="IntervalVariable"/> sets another (seconds): a CI log of a
/// 49-minute real-board replay then shows a hundred lines, not one.
/// </remarks>
public sealed class ProgressLines
{
    /// <summary>Environment variable giving the longest silence between lines, in seconds (default 30).</summary>
    public const string IntervalVariable = "THERMAL_PROGRESS_INTERVAL_S";

    private static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(30);

    // A replay done in three seconds needs no line per tenth: tenths are written a second apart at least.
    private static readonly TimeSpan MinimumSpacing = TimeSpan.FromSeconds(1);

    private readonly TextWriter writer;
    private readonly string label;
    private readonly TimeProvider time;
    private readonly long startedTimestamp;
    private long lastLineTimestamp;
    private int lastTenth = -1;
    private bool finished;

    public ProgressLines(TextWriter writer, string label, TimeProvider time, TimeSpan interval)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentOutOfRangeException.ThrowIfLessThan(interval, TimeSpan.Zero);
        this.writer = writer;
        this.label = label;
        this.time = time;
        Interval = interval;
        startedTimestamp = time.GetTimestamp();
        lastLineTimestamp = startedTimestamp;
    }

    /// <summary>The longest silence between two lines.</summary>
    public TimeSpan Interval { get; }

    /// <summary>
    /// The interval from <see cref="IntervalVariable"/>, else 30 s.
    /// </summary>
    /// <exception cref="UserInputException">The variable is set but is not a number of seconds ≥ 0.</exception>
    public static TimeSpan IntervalFromEnvironment()
    {
        string? text = Environment.GetEnvironmentVariable(IntervalVariable);
        if (string.IsNullOrWhiteSpace(text))
        {
            return DefaultInterval;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds) && seconds >= 0 && seconds <= 86400
            ? TimeSpan.FromSeconds(seconds)
            : throw new UserInputException($"environment variable {IntervalVariable}='{text}': expected seconds between progress lines, 0 to 86400");
    }

    /// <summary>Writes a line if this report starts the run, completes another tenth, or ends a silence of <see cref="Interval"/>.</summary>
    public void Report(ReplayProgress progress)
    {
        // The last sample's report is left to Finish, which says "done".
        if (finished || (progress.SamplesTotal > 0 && progress.SamplesDone >= progress.SamplesTotal))
        {
            return;
        }

        long now = time.GetTimestamp();
        int tenth = progress.SamplesTotal > 0 ? (int)Math.Min(10, 10 * progress.SamplesDone / progress.SamplesTotal) : 0;
        TimeSpan silence = time.GetElapsedTime(lastLineTimestamp, now);
        bool due = lastTenth < 0
            || silence >= Interval
            || (tenth > lastTenth && silence >= MinimumSpacing);
        if (!due)
        {
            return;
        }

        lastTenth = Math.Max(lastTenth, tenth);
        lastLineTimestamp = now;
        writer.WriteLine(Line(progress, time.GetElapsedTime(startedTimestamp, now)));
    }

    /// <summary>The closing line (100 %, the wall time), once.</summary>
    public void Finish(ReplayProgress progress)
    {
        if (finished)
        {
            return;
        }

        finished = true;
        TimeSpan elapsed = time.GetElapsedTime(startedTimestamp);
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label}: done, {progress.SamplesDone:N0} samples in {CommonOptions.FormatSeconds(elapsed.TotalSeconds)}"));
    }

    private string Line(ReplayProgress progress, TimeSpan elapsed)
    {
        long done = progress.SamplesDone;
        long total = Math.Max(1, progress.SamplesTotal);
        double percent = 100.0 * done / total;
        double rate = elapsed.TotalSeconds > 0 ? done / elapsed.TotalSeconds : 0;
        string left = rate > 0 && done < total
            ? $", about {CommonOptions.FormatSeconds((total - done) / rate)} left"
            : string.Empty;
        string speed = rate > 0 ? string.Create(CultureInfo.InvariantCulture, $", {rate:N0} samples/s") : string.Empty;
        return string.Create(CultureInfo.InvariantCulture,
            $"{label}: {percent:0}% ({done:N0} of {total:N0} samples, profile time {AlarmTableView.Clock(progress.ProfileTimeS)}){speed}{left}");
    }
}
