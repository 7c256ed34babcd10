using Spectre.Console;
using ThermalMonitor.Profiles;
using ThermalMonitor.Targets;

namespace ThermalMonitor.Cli.Views;

/// <summary>Runs a replay under a progress bar, printing each alarm the moment the firmware raises it.</summary>
public static class ReplayRunView
{
    public static ReplayOutcome Run(IAnsiConsole console, string label, Func<IProgress<ReplayProgress>, ReplayOutcome> replay, double? leakOnsetS)
    {
        ReplayOutcome? outcome = null;
        console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                ProgressTask task = context.AddTask(Markup.Escape(label), maxValue: 1);
                var progress = new SynchronousProgress(report =>
                {
                    task.MaxValue = Math.Max(1, report.SamplesTotal);
                    task.Value = report.SamplesDone;
                    if (report.NewAlarm is { } alarm)
                    {
                        console.MarkupLine(LiveLine(alarm, leakOnsetS));
                    }
                });
                outcome = replay(progress);
                task.Value = task.MaxValue;
            });
        return outcome!;
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
