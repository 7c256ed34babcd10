using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using ThermalMonitor.Cli.Views;
using ThermalMonitor.Profiles;
using ThermalMonitor.Report;
using ThermalMonitor.Scoring;
using ThermalMonitor.Targets;

namespace ThermalMonitor.Cli.Commands;

/// <summary><c>score</c>: the whole library (or a folder) against its ground truth, next to a plain baseline.</summary>
public static class ScoreCommand
{
    public static Command Create()
    {
        var library = CommonOptions.Library();
        var only = new Option<string?>("--only") { Description = "Comma-separated profile names to score (default: all)" };
        var json = CommonOptions.Json();
        var report = CommonOptions.Report();
        var junit = CommonOptions.Junit();
        var command = new Command("score",
            "Replay every profile of the library (or --library folder) and judge it: expectations, detection delay vs the "
            + "information bound, false alarms per day, sensor-fault correctness, and a plain red-limit baseline. Exit code 1 if any expectation fails.\n"
            + "Example: thermal-sim score --report score.html")
        {
            library, only, json, report, junit,
        };
        command.SetAction(parse =>
        {
            string? jsonPath = parse.GetValue(json);
            Outputs.RequireDistinct(("--json", jsonPath), ("--report", parse.GetValue(report)), ("--junit", parse.GetValue(junit)));
            IAnsiConsole console = Consoles.Human(jsonPath == "-");
            DateTimeOffset started = DateTimeOffset.UtcNow;
            var scores = Run(console, ProfileResolver.LibraryDirectory(parse.GetValue(library)), parse.GetValue(only), collectTraces: parse.GetValue(report) is not null);
            console.Write(ScoreTable(scores));
            int failed = scores.Count(s => !s.Passed);
            foreach (ProfileScore score in scores.Where(s => !s.Passed))
            {
                foreach (string failure in score.Failures)
                {
                    console.MarkupLine($"[red]FAIL[/] {Markup.Escape(score.Profile)}: {Markup.Escape(failure)}");
                }
            }

            console.MarkupLine(failed == 0 ? $"[green]All {scores.Count} profiles meet their expectations.[/]" : $"[red]{failed} of {scores.Count} profiles fail their expectations.[/]");
            Outputs.WriteJson(jsonPath, ToJson(scores), console);
            if (parse.GetValue(report) is { } reportPath)
            {
                string html = HtmlReport.RenderScore(scores.Select(ToRow).ToList(), scores.Select(s => s.Outcome.Trace!).ToList(), "ThermalMonitor score");
                Outputs.WriteText(reportPath, html, console, "report");
            }

            if (parse.GetValue(junit) is { } junitPath)
            {
                var cases = scores.Select(s => new JunitCase(s.Profile, s.Failures, null, s.Outcome.WallSeconds)).ToList();
                Outputs.WriteText(junitPath, JunitReport.Render("thermal-sim score", cases, started), console, "JUnit report");
            }

            return failed == 0 ? ExitCodes.Success : ExitCodes.ExpectationsFailed;
        });
        return command;
    }

    public static List<ProfileScore> Run(IAnsiConsole console, string directory, string? only, bool collectTraces)
    {
        IReadOnlyList<LibraryEntry> entries = ProfileLibrary.Load(directory);
        if (only is not null)
        {
            var wanted = only.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var unknown = wanted.Except(entries.Select(e => e.Name)).ToList();
            if (unknown.Count > 0)
            {
                throw new UserInputException($"--only: no profile named {string.Join(", ", unknown)} in {directory}");
            }

            entries = entries.Where(e => wanted.Contains(e.Name)).ToList();
        }

        var scores = new List<ProfileScore>();
        var options = new ReplayOptions { CollectTrace = collectTraces };
        console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn())
            .Start(context =>
            {
                foreach (LibraryEntry entry in entries)
                {
                    ProgressTask task = context.AddTask(Markup.Escape(entry.Name), maxValue: 1);
                    scores.Add(Scoreboard.Score(entry, options, new TaskProgress(task)));
                    task.Value = task.MaxValue;
                }
            });
        return scores;
    }

    private static Table ScoreTable(IReadOnlyList<ProfileScore> scores)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("[bold]Score[/] (firmware core, run directly)");
        table.AddColumns("profile", "expected", "got", "delay", "bound", "delay/bound", "false alarms/day", "sensor fault", "baseline delay", "baseline FA/day", "result");
        foreach (ProfileScore s in scores)
        {
            ScoreRow row = ToRow(s);
            table.AddRow(
                Markup.Escape(row.Profile),
                Markup.Escape(row.Expected),
                Markup.Escape(row.Got),
                Seconds(row.DelayS),
                Seconds(row.BoundS),
                row.Ratio is { } ratio ? ratio.ToString("0.0", CultureInfo.InvariantCulture) : "—",
                row.FalseAlarmsPerDay.ToString("0.##", CultureInfo.InvariantCulture),
                row.SensorFaultCorrect switch { true => "[green]correct[/]", false => "[red]wrong[/]", null => "—" },
                Seconds(row.BaselineDelayS),
                row.BaselineFalseAlarmsPerDay.ToString("0.##", CultureInfo.InvariantCulture),
                row.Passed ? "[green]pass[/]" : "[red]FAIL[/]");
        }

        return table;
    }

    /// <summary>The first alarm and how many more: the table stays readable, the JSON has them all.</summary>
    private static string Got(IReadOnlyList<ResultAlarm> alarms) => alarms.Count switch
    {
        0 => "no alarm",
        1 => Short(alarms[0]),
        _ => $"{Short(alarms[0])} +{alarms.Count - 1} more",
    };

    private static string Short(ResultAlarm alarm) => $"{alarm.Type} {alarm.Severity} {alarm.Channel} ({alarm.Cause})";

    private static string Seconds(double? seconds) => seconds is { } s ? CommonOptions.FormatSeconds(s) : "—";

    public static ScoreRow ToRow(ProfileScore s) => new(
        s.Profile,
        ProfilesCommand.Expects(s.Expectation),
        Got(s.Outcome.Result.Alarms),
        s.DelayS,
        s.BoundS,
        s.Ratio,
        s.FalseAlarmsPerDay,
        s.SensorFaultCorrect,
        s.BaselineDelayS,
        s.BaselineFalseAlarmsPerDay,
        s.Passed,
        s.Failures.Count == 0 ? null : string.Join("; ", s.Failures));

    private static string ToJson(IReadOnlyList<ProfileScore> scores)
    {
        var document = new
        {
            schema = "thermal-monitor/score@1",
            profiles = scores.Select(s => new
            {
                profile = s.Profile,
                passed = s.Passed,
                failures = s.Failures,
                delay_s = s.DelayS,
                bound_s = s.BoundS,
                ratio = s.Ratio,
                false_alarms_per_day = s.FalseAlarmsPerDay,
                sensor_fault_correct = s.SensorFaultCorrect,
                baseline_delay_s = s.BaselineDelayS,
                baseline_false_alarms_per_day = s.BaselineFalseAlarmsPerDay,
                result = JsonDocument.Parse(ReplayResultJson.Serialize(s.Outcome.Result)).RootElement,
            }),
        };
        return JsonSerializer.Serialize(document, new JsonSerializerOptions { WriteIndented = true });
    }

    private sealed class TaskProgress(ProgressTask task) : IProgress<ReplayProgress>
    {
        public void Report(ReplayProgress value)
        {
            task.MaxValue = Math.Max(1, value.SamplesTotal);
            task.Value = value.SamplesDone;
        }
    }
}
