using System.Globalization;
using Spectre.Console;
using ThermalMonitor.Profiles;
using ThermalMonitor.Targets;

namespace ThermalMonitor.Cli.Views;

/// <summary>
/// Runs a replay under a progress bar on a terminal, or with progress lines elsewhere
/// (<see cref="ProgressLines"/>), printing each alarm the moment the firmware raises it; remembers
/// how far it got, so a replay that is stopped can still say what it saw (<see cref="PrintStopped"/>).
/// </summary>
public sealed class ReplayRunView(IAnsiConsole console, string label, double? leakOnsetS)
{
    private readonly List<ResultAlarm> alarmsSoFar = [];
    private ReplayProgress? last;

    /// <summary>Alarms raised so far, in the order they came.</summary>
    public IReadOnlyList<ResultAlarm> AlarmsSoFar => alarmsSoFar;

    /// <summary>Runs <paramref name="replay"/> with the progress display this console suits.</summary>
    public static ReplayOutcome Run(IAnsiConsole console, string label, Func<IProgress<ReplayProgress>, ReplayOutcome> replay, double? leakOnsetS) =>
        new ReplayRunView(console, label, leakOnsetS).Run(replay);

    public ReplayOutcome Run(Func<IProgress<ReplayProgress>, ReplayOutcome> replay)
    {
        if (!console.Profile.Capabilities.Interactive)
        {
            var lines = new ProgressLines(console.Profile.Out.Writer, label, TimeProvider.System, ProgressLines.IntervalFromEnvironment());
            ReplayOutcome done = replay(new SynchronousProgress(report =>
            {
                Seen(report);
                lines.Report(report);
            }));
            lines.Finish(last ?? new ReplayProgress(done.Result.Samples, done.Result.Samples, done.Result.DurationS, null));
            return done;
        }

        ReplayOutcome? outcome = null;
        console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                ProgressTask task = context.AddTask(Markup.Escape(label), maxValue: 1);
                var progress = new SynchronousProgress(report =>
                {
                    Seen(report);
                    task.MaxValue = Math.Max(1, report.SamplesTotal);
                    task.Value = report.SamplesDone;
                });
                outcome = replay(progress);
                task.Value = task.MaxValue;
            });
        return outcome!;
    }

    /// <summary>
    /// What a stopped replay saw: how far it got and the alarms raised until then (their clears are
    /// not known: a stopped run has no result).
    /// </summary>
    public void PrintStopped(string reason, string? afterwards)
    {
        string where = last is { } p
            ? string.Create(CultureInfo.InvariantCulture, $" at profile time {AlarmTableView.Clock(p.ProfileTimeS)} ({p.SamplesDone:N0} of {p.SamplesTotal:N0} samples, {100.0 * p.SamplesDone / Math.Max(1, p.SamplesTotal):0}%)")
            : " before the first sample";
        string alarms = alarmsSoFar.Count switch
        {
            0 => "no alarm raised until then",
            1 => "1 alarm raised until then",
            int n => $"{n} alarms raised until then",
        };
        Consoles.OneLine(console, $"replay stopped ({reason}){where}: {alarms}{(afterwards is null ? string.Empty : "; " + afterwards)}");
        if (alarmsSoFar.Count > 0)
        {
            console.Write(AlarmTableView.Build(alarmsSoFar.Select(a => a with { ClearedTimeS = null }).ToList(), leakOnsetS));
        }
    }

    private void Seen(ReplayProgress report)
    {
        last = report;
        if (report.NewAlarm is { } alarm)
        {
            alarmsSoFar.Add(alarm);
            console.MarkupLine(LiveLine(alarm, leakOnsetS));
        }
    }

    private static string LiveLine(ResultAlarm alarm, double? leakOnsetS)
    {
        string relative = leakOnsetS is { } onset && alarm.TimeS >= onset ? $" ([bold]+{CommonOptions.FormatSeconds(alarm.TimeS - onset)}[/] after leak onset)" : string.Empty;
        return $"  {AlarmTableView.Clock(alarm.TimeS)}  {AlarmTableView.SeverityMarkup(alarm.Severity)} {Markup.Escape(alarm.Type)} #{alarm.Seq} on {Markup.Escape(alarm.Channel)} ({Markup.Escape(alarm.Cause)}){relative}";
    }

    /// <summary>IProgress that reports on the calling thread (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class SynchronousProgress(Action<ReplayProgress> report) : IProgress<ReplayProgress>
    {
        public void Report(ReplayProgress value) => report(value);
    }
}
