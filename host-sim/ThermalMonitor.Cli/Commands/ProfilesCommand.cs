using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using ThermalMonitor.Cli.Views;
using ThermalMonitor.Profiles;
using ThermalMonitor.Sim;
using Profile = ThermalMonitor.Profiles.Profile;

namespace ThermalMonitor.Cli.Commands;

/// <summary><c>profiles list|show</c>: what is in the recorded profile library.</summary>
public static class ProfilesCommand
{
    public static Command Create()
    {
        var library = CommonOptions.Library();
        var list = new Command("list", "List the profile library.\nExample: thermal-sim profiles list") { library };
        list.SetAction(parse =>
        {
            IAnsiConsole console = Consoles.Human();
            string directory = ProfileResolver.LibraryDirectory(parse.GetValue(library));
            var table = new Table().Border(TableBorder.Rounded).Title($"[bold]Profiles[/] in {Markup.Escape(directory)}");
            table.AddColumns("name", "duration", "leak onset", "hole", "expects", "description");
            foreach (LibraryEntry entry in ProfileLibrary.Load(directory))
            {
                Profile profile = ProfileCsv.Read(entry.ProfilePath);
                Expectation expectation = ExpectationFile.Read(entry.ExpectPath);
                table.AddRow(
                    Markup.Escape(entry.Name),
                    CommonOptions.FormatSeconds(profile.DurationS),
                    expectation.LeakOnsetS is { } onset ? AlarmTableView.Clock(onset) : "—",
                    expectation.HoleDiameterMm is { } mm ? mm.ToString("0.##", CultureInfo.InvariantCulture) + " mm" : "—",
                    Markup.Escape(Expects(expectation)),
                    Markup.Escape(profile.Metadata.GetValueOrDefault("description") ?? string.Empty));
            }

            console.Write(table);
            return ExitCodes.Success;
        });

        var name = new Argument<string>("name") { Description = "Library profile name" };
        var show = new Command("show", "Show one profile: metadata, ground truth and a summary of its data.\nExample: thermal-sim profiles show soyuz-ms22") { name, library };
        show.SetAction(parse =>
        {
            IAnsiConsole console = Consoles.Human();
            ResolvedProfile resolved = ProfileResolver.Resolve(parse.GetRequiredValue(name), parse.GetValue(library), null);
            Profile profile = resolved.Profile;
            var grid = new Grid().AddColumn().AddColumn();
            foreach (var (key, value) in profile.Metadata)
            {
                grid.AddRow($"[grey]{Markup.Escape(key)}[/]", Markup.Escape(value));
            }

            grid.AddRow("[grey]rows[/]", profile.RowCount.ToString("N0", CultureInfo.InvariantCulture));
            grid.AddRow("[grey]duration[/]", CommonOptions.FormatSeconds(profile.DurationS));
            double fullScaleKpa = new SensorSettings().PressureFullScaleKpa;
            grid.AddRow("[grey]pressure[/]", Span(profile.ReadRows().Select(r => r.PressureKpa).Where(p => ReadingKinds.OfPressure(p, fullScaleKpa) == ReadingKind.Possible), "kPa"));
            grid.AddRow("[grey]coolant temperature[/]", profile.CoolantTemperatureRecorded
                ? Span(profile.ReadRows().Select(r => r.TempC).Where(t => ReadingKinds.OfTemperature(t) == ReadingKind.Possible), "°C")
                : "none (a pressure-only recording)");
            if (ImpossibleReadingsView.Counts(ImpossibleReadings.Count(profile, fullScaleKpa)) is { } impossible)
            {
                grid.AddRow("[grey]impossible readings[/]", Markup.Escape(impossible));
            }
            if (resolved.Expectation is { } expectation)
            {
                grid.AddRow("[grey]ground truth[/]", Markup.Escape(expectation.Description ?? string.Empty));
                grid.AddRow("[grey]expects[/]", Markup.Escape(Expects(expectation)));
            }

            console.Write(new Panel(grid).Header(Markup.Escape(profile.Name)).Border(BoxBorder.Rounded));
            return ExitCodes.Success;
        });

        return new Command("profiles", "List or show the recorded profile library.\nExample: thermal-sim profiles list") { list, show };
    }

    /// <summary>"min … max unit" of the possible readings, or a dash when there are none.</summary>
    private static string Span(IEnumerable<double> readings, string unit)
    {
        double[] values = [.. readings];
        return values.Length == 0
            ? "— (no possible reading)"
            : string.Create(CultureInfo.InvariantCulture, $"{values.Min():0.0} … {values.Max():0.0} {unit}");
    }

    public static string Expects(Expectation expectation)
    {
        if (expectation.ExpectedAlarms.Count == 0)
        {
            return "no alarm";
        }

        return string.Join("; ", expectation.ExpectedAlarms.Select(e =>
            $"{e.Type} {e.Channel}{(e.Reason is null ? string.Empty : " " + e.Reason)} ≤ {CommonOptions.FormatSeconds(e.WithinS)}"));
    }
}
