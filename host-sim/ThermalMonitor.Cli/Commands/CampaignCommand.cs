using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Spectre.Console;
using ThermalMonitor.Cli.Views;
using ThermalMonitor.Scoring;

namespace ThermalMonitor.Cli.Commands;

/// <summary>
/// <c>campaign</c>: the detectors measured over the randomized world — false alarms per day overall
/// and per phenomenon, leaks per hole size against the information bound — side by side.
/// </summary>
public static class CampaignCommand
{
    /// <summary>The command and its options.</summary>
    public static Command Create()
    {
        var defaults = new CampaignOptions();
        var seed = new Option<ulong>("--seed") { Description = "Seed of the whole campaign: loops, cases, events, noise", DefaultValueFactory = _ => defaults.Seed };
        var loops = new Option<int>("--loops") { Description = "Randomized loops to draw", DefaultValueFactory = _ => defaults.Loops };
        var nominalDays = new Option<double>("--nominal-days") { Description = "Nominal days of the full world, in total over the loops", DefaultValueFactory = _ => defaults.NominalDays };
        var leaks = new Option<int>("--leaks") { Description = "Leak cases in total (holes log-uniform 0.05-12 mm, onsets 2-5 h into their case)", DefaultValueFactory = _ => defaults.Leaks };
        var ablationDays = new Option<double>("--ablation-days") { Description = "Nominal days of each phenomenon alone on the benign base loop (0 = no ablation)", DefaultValueFactory = _ => defaults.AblationDays };
        var detectors = new Option<string>("--detectors") { Description = "Detector configurations, comma-separated: " + string.Join(", ", DetectorConfigurations.Names), DefaultValueFactory = _ => string.Join(",", defaults.Detectors) };
        var caseHours = new Option<double>("--case-hours") { Description = "Longest nominal case in hours; longer nominal time is split", DefaultValueFactory = _ => defaults.MaxCaseHours };
        var parallel = new Option<int>("--parallel") { Description = "Cases run at once (default: every core); the result does not depend on it", DefaultValueFactory = _ => Environment.ProcessorCount };
        var json = CommonOptions.Json();
        var report = CommonOptions.Report();
        var command = new Command("campaign",
            "Measure the detectors over the randomized world: draw loops, record nominal days and leaks as data loggers would, replay every "
            + "recording through each detector configuration in lockstep, and report false alarms per day (overall and per phenomenon) and "
            + "detection delay against the information bound per hole size. Same seed and options, same JSON.\n"
            + "Example: thermal-sim campaign --loops 8 --nominal-days 10 --leaks 30 --report campaign.html\n"
            + "Example: thermal-sim campaign --seed 1 --loops 50 --nominal-days 365 --leaks 300 --ablation-days 10 --json campaign.json --report campaign.html")
        {
            seed, loops, nominalDays, leaks, ablationDays, detectors, caseHours, parallel, json, report,
        };
        command.SetAction(parse =>
        {
            string? jsonPath = parse.GetValue(json);
            Outputs.RequireDistinct(("--json", jsonPath), ("--report", parse.GetValue(report)));
            IAnsiConsole console = Consoles.Human(jsonPath == "-");
            var options = new CampaignOptions
            {
                Seed = parse.GetValue(seed),
                Loops = parse.GetValue(loops),
                NominalDays = parse.GetValue(nominalDays),
                Leaks = parse.GetValue(leaks),
                AblationDays = parse.GetValue(ablationDays),
                Detectors = ParseDetectors(parse.GetValue(detectors)!),
                MaxCaseHours = parse.GetValue(caseHours),
                Parallelism = parse.GetValue(parallel),
            };
            try
            {
                options.Validate();
            }
            catch (ArgumentException e)
            {
                throw new UserInputException(e.Message);
            }

            TimeSpan cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            CampaignRun run = RunWithProgress(console, options);
            TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            CampaignTableView.Write(console, run.Result);
            console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
                $"[grey]{run.Result.Cases.Count} cases, {run.SamplesReplayed:N0} samples × {options.Detectors.Count} detector(s) in {run.WallSeconds:0.0} s wall, "
                + $"{cpu.TotalSeconds:0.0} s CPU on {options.Parallelism} worker(s) — {run.SamplesReplayed / Math.Max(run.WallSeconds, 1e-9):N0} samples/s[/]"));
            Outputs.WriteJson(jsonPath, CampaignJson.Serialize(run.Result), console);
            if (parse.GetValue(report) is { } reportPath)
            {
                Outputs.WriteText(reportPath, CampaignReport.Render(run.Result), console, "report");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static string[] ParseDetectors(string text) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>A Spectre progress bar on a terminal; a plain line every 10 % otherwise (logs, CI, pipes).</summary>
    private static CampaignRun RunWithProgress(IAnsiConsole console, CampaignOptions options)
    {
        var gate = new Lock();
        if (!console.Profile.Capabilities.Interactive)
        {
            int lastDecile = -1;
            console.MarkupLine($"[grey]campaign: {CampaignPlan.Cases(options).Count} cases on {options.Parallelism} worker(s)[/]");
            return CampaignRunner.Run(options, new CallbackProgress(p =>
            {
                int decile = (int)(10 * p.WorkDone / Math.Max(1, p.WorkTotal));
                lock (gate)
                {
                    if (decile > lastDecile)
                    {
                        lastDecile = decile;
                        console.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"[grey]campaign: {10 * decile} % ({p.CasesDone}/{p.CasesTotal} cases)[/]"));
                    }
                }
            }));
        }

        CampaignRun? run = null;
        console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                ProgressTask task = context.AddTask($"campaign ({CampaignPlan.Cases(options).Count} cases)", maxValue: 1);
                run = CampaignRunner.Run(options, new CallbackProgress(p =>
                {
                    lock (gate)
                    {
                        task.MaxValue = Math.Max(1, p.WorkTotal);
                        task.Value = Math.Max(task.Value, p.WorkDone);
                        task.Description = $"campaign ({p.CasesDone}/{p.CasesTotal} cases)";
                    }
                }));
                task.Value = task.MaxValue;
            });
        return run!;
    }

    /// <summary>IProgress that calls back on the reporting (worker) thread.</summary>
    private sealed class CallbackProgress(Action<CampaignProgress> report) : IProgress<CampaignProgress>
    {
        public void Report(CampaignProgress value) => report(value);
    }
}
