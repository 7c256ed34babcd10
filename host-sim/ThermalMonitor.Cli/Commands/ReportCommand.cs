using System.CommandLine;
using Spectre.Console;
using ThermalMonitor.Cli.Views;
using ThermalMonitor.Report;
using ThermalMonitor.Scoring;
using ThermalMonitor.Targets;

namespace ThermalMonitor.Cli.Commands;

/// <summary><c>report</c>: an HTML page with plots, for one profile or for the whole score.</summary>
public static class ReportCommand
{
    public static Command Create()
    {
        var profile = new Argument<string?>("profile") { Description = "Profile to replay and plot (omit with --score)", Arity = ArgumentArity.ZeroOrOne };
        var score = new Option<bool>("--score") { Description = "Score the whole library and plot every profile" };
        var output = new Option<string>("--out") { Description = "HTML file to write", DefaultValueFactory = _ => "report.html" };
        var library = CommonOptions.Library();
        var command = new Command("report",
            "Write a self-contained HTML report (inline SVG plots of pressure, temperature, residual and detector statistic, alarm markers, onset close-up).\n"
            + "Example: thermal-sim report soyuz-ms22 --out ms22.html\n"
            + "Example: thermal-sim report --score --out score.html")
        {
            profile, score, output, library,
        };
        command.SetAction(parse =>
        {
            IAnsiConsole console = Consoles.Human();
            string outPath = parse.GetValue(output)!;
            string? name = parse.GetValue(profile);
            if (parse.GetValue(score) == (name is not null))
            {
                throw new UserInputException("give either a profile name or --score");
            }

            if (name is null)
            {
                var scores = ScoreCommand.Run(console, ProfileResolver.LibraryDirectory(parse.GetValue(library)), null, collectTraces: true);
                Outputs.WriteText(outPath, HtmlReport.RenderScore(scores.Select(ScoreCommand.ToRow).ToList(), scores.Select(s => s.Outcome.Trace!).ToList(), "ThermalMonitor score"), console, "report");
                return scores.All(s => s.Passed) ? ExitCodes.Success : ExitCodes.ExpectationsFailed;
            }

            ResolvedProfile resolved = ProfileResolver.Resolve(name, parse.GetValue(library), null);
            var options = new ReplayOptions { LeakOnsetS = resolved.LeakOnsetS };
            ReplayOutcome outcome = ReplayRunView.Run(console, $"replay {resolved.Profile.Name}", p => CoreReplayer.Run(resolved.Profile, options, p), options.LeakOnsetS);
            Outputs.WriteText(outPath, HtmlReport.RenderReplay(outcome.Trace!), console, "report");
            return ExitCodes.Success;
        });
        return command;
    }
}
