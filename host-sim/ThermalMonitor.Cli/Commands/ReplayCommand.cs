using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using ThermalMonitor.Cli.Views;
using ThermalMonitor.Profiles;
using Profile = ThermalMonitor.Profiles.Profile;
using ThermalMonitor.Replay;
using ThermalMonitor.Report;
using ThermalMonitor.VirtualBoard;

namespace ThermalMonitor.Cli.Commands;

/// <summary><c>replay</c>: one profile through the firmware, with the alarms it raised.</summary>
public static class ReplayCommand
{
    public static Command Create()
    {
        var profile = new Argument<string>("profile") { Description = "Library profile name (see 'profiles list') or a CSV file path" };
        var target = CommonOptions.Target();
        var speed = new Option<double>("--speed") { Description = "Pace: 1 = real time, 60 = a minute per second; 0 (default) = as fast as possible", DefaultValueFactory = _ => 0 };
        var seed = CommonOptions.Seed();
        var json = CommonOptions.Json();
        var report = CommonOptions.Report();
        var library = CommonOptions.Library();
        var foreign = new CommonOptions.Foreign();
        var command = new Command("replay",
            "Replay a profile through the firmware core and list the alarms it raises.\n"
            + "Example: thermal-sim replay soyuz-ms22 --report ms22.html\n"
            + "Example: thermal-sim replay progress-ms21 --target virtual\n"
            + "Example: thermal-sim replay progress-ms21 --target serial:/dev/ttyUSB0@921600\n"
            + "Example: thermal-sim replay bench.csv --map time=Time,pressure=P1,temp=T1 --pressure-unit bar --gauge --json -")
        {
            profile, target, speed, seed, json, report, library,
        };
        foreign.AddTo(command);
        command.SetAction(parse =>
        {
            string? jsonPath = parse.GetValue(json);
            IAnsiConsole console = Consoles.Human(jsonPath == "-");
            double pace = parse.GetValue(speed);
            if (pace < 0 || double.IsNaN(pace))
            {
                throw new UserInputException($"--speed {pace.ToString(CultureInfo.InvariantCulture)}: expected 0 (as fast as possible) or a positive factor");
            }

            TargetSpec where = CommonOptions.ParseTarget(parse.GetValue(target)!);
            if (where.Kind != TargetKind.Sil && parse.GetValue(report) is not null)
            {
                throw new UserInputException($"--report needs the per-sample series only the in-process target records: use --target sil (the alarms are identical on every target)");
            }

            ResolvedProfile resolved = ProfileResolver.Resolve(parse.GetRequiredValue(profile), parse.GetValue(library), foreign.Read(parse));
            double? onsetS = resolved.Expectation?.LeakOnsetS;
            PrintHeader(console, resolved, where);

            var options = new ReplayOptions { SensorSeed = parse.GetValue(seed), Speed = pace, LeakOnsetS = onsetS, CollectTrace = parse.GetValue(report) is not null };
            ReplayOutcome outcome = where.Kind == TargetKind.Sil
                ? ReplayRunView.Run(console, $"replay {resolved.Profile.Name} on {where}", p => SilReplayer.Run(resolved.Profile, options, p), onsetS)
                : ReplayOverWire(console, resolved, options, where, onsetS);

            PrintResult(console, outcome, onsetS);
            Outputs.WriteJson(jsonPath, ReplayResultJson.Serialize(outcome.Result), console);
            if (parse.GetValue(report) is { } reportPath)
            {
                Outputs.WriteText(reportPath, HtmlReport.RenderReplay(outcome.Trace!), console, "report");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Virtual or real board: the same replay through the serial protocol.</summary>
    private static ReplayOutcome ReplayOverWire(IAnsiConsole console, ResolvedProfile resolved, ReplayOptions options, TargetSpec where, double? onsetS)
    {
        using TargetConnection connection = BoardTargets.Open(console, where);
        return ReplayRunView.Run(console, $"replay {resolved.Profile.Name} on {where}", p => WireReplayer.Run(resolved.Profile, options, connection.Client, where.ToString(), p), onsetS);
    }

    private static void PrintHeader(IAnsiConsole console, ResolvedProfile resolved, TargetSpec target)
    {
        Profile p = resolved.Profile;
        string description = p.Metadata.GetValueOrDefault("description") ?? string.Empty;
        string truth = resolved.Expectation is { LeakOnsetS: { } onset } e
            ? $"\nleak onset at {AlarmTableView.Clock(onset)}" + (e.HoleDiameterMm is { } mm ? $", hole {mm.ToString(CultureInfo.InvariantCulture)} mm" : string.Empty) + " [grey](ground truth, for display only)[/]"
            : string.Empty;
        console.Write(new Panel(new Markup($"[bold]{Markup.Escape(p.Name)}[/] — {Markup.Escape(description)}\n{CommonOptions.FormatSeconds(p.DurationS)} of profile, firmware target [bold]{target}[/]{truth}"))
            .Header("thermal-sim replay").Border(BoxBorder.Rounded));
    }

    private static void PrintResult(IAnsiConsole console, ReplayOutcome outcome, double? onsetS)
    {
        ReplayResult result = outcome.Result;
        if (result.Alarms.Count == 0)
        {
            console.MarkupLine("[green]No alarm raised.[/]");
        }
        else
        {
            console.Write(AlarmTableView.Build(result.Alarms, onsetS));
        }

        if (onsetS is { } onset && result.Alarms.FirstOrDefault(a => a.Type == "DEPRESSURIZATION" && a.TimeS >= onset) is { } first)
        {
            console.MarkupLine($"[bold]DEPRESSURIZATION[/] {AlarmTableView.SeverityMarkup(first.Severity)} raised [bold]{CommonOptions.FormatSeconds(first.TimeS - onset)}[/] after leak onset ({Markup.Escape(first.Cause)}).");
        }

        double rate = result.Samples / Math.Max(outcome.WallSeconds, 1e-9);
        console.MarkupLine($"[grey]{result.Samples:N0} samples ({CommonOptions.FormatSeconds(result.DurationS)} of profile) in {outcome.WallSeconds:0.0} s — {rate:N0} samples/s[/]");
    }
}
