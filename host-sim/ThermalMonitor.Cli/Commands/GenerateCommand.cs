using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using ThermalMonitor.Cli.Views;
using ThermalMonitor.Profiles;
using Profile = ThermalMonitor.Profiles.Profile;
using ThermalMonitor.Sim;

namespace ThermalMonitor.Cli.Commands;

/// <summary><c>generate</c>: new profiles from the physics generator, or the whole library again.</summary>
public static class GenerateCommand
{
    public static Command Create()
    {
        var all = new Option<bool>("--all-library") { Description = "Regenerate every library profile from its definition into the library folder" };
        var library = CommonOptions.Library();
        var preset = new Option<string?>("--preset") { Description = "Start from a library profile's scenario (see 'profiles list'), e.g. soyuz-ms22" };
        var output = new Option<string?>("--out") { Description = "Profile file to write (.csv or .csv.gz); its .scenario.json is written beside it. An existing file is kept unless --force" };
        var hole = new Option<double?>("--hole-mm") { Description = "Leak hole diameter in mm (replaces the preset's leak)" };
        var onset = new Option<double?>("--onset-s") { Description = "Leak onset, seconds from profile start" };
        var duration = new Option<double?>("--duration-h") { Description = "Profile length in hours" };
        var beta = new Option<double?>("--beta-deg") { Description = "Orbit beta angle in degrees (0 = longest eclipses, above ~70 none)" };
        var seed = new Option<ulong?>("--seed") { Description = "Sensor-noise seed recorded in the profile" };
        var force = new Option<bool>("--force") { Description = "Overwrite the --out profile and its .scenario.json if they exist" };
        var command = new Command("generate",
            "Generate a profile with the physics generator (orifice flow, accumulator, orbital thermal cycle, sensor chain).\n"
            + "Example: thermal-sim generate --preset soyuz-ms22 --hole-mm 0.3 --out ms22-0.3mm.csv.gz\n"
            + "Example: thermal-sim generate --all-library")
        {
            all, library, preset, output, hole, onset, duration, beta, seed, force,
        };
        command.SetAction(parse =>
        {
            IAnsiConsole console = Consoles.Human();
            if (parse.GetValue(all))
            {
                string directory = parse.GetValue(library) ?? ProfileLibrary.FindDefaultDirectory();
                console.Status().Start($"Regenerating the library into {Markup.Escape(directory)} …", _ => ProfileLibrary.WriteAll(directory));
                console.MarkupLine($"[green]{ProfileLibrary.Definitions().Count} profiles written to[/] {Markup.Escape(directory)}");
                return ExitCodes.Success;
            }

            string outPath = parse.GetValue(output) ?? throw new UserInputException("--out is required (or --all-library)");
            string scenarioPath = ProfilePaths.Sidecar(outPath, ProfileNaming.ScenarioExtension);
            Outputs.RequireWritable("--out", outPath, parse.GetValue(force));
            Outputs.RequireWritable("--out", scenarioPath, parse.GetValue(force));
            RecordedScenario recorded = Customise(Preset(parse.GetValue(preset)), parse.GetValue(hole), parse.GetValue(onset), parse.GetValue(duration), parse.GetValue(beta), parse.GetValue(seed));
            Profile profile = null!;
            console.Status().Start("Simulating …", _ => profile = ProfileGenerator.Generate(recorded));
            try
            {
                ProfileCsv.Write(profile, outPath);
                ScenarioJson.Write(recorded, scenarioPath);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new UserInputException($"cannot write the profile to '{outPath}': {e.Message}");
            }

            console.MarkupLine($"[green]{profile.RowCount:N0} rows ({CommonOptions.FormatSeconds(profile.DurationS)}) written to[/] {Markup.Escape(outPath)}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static RecordedScenario Preset(string? name)
    {
        if (name is null)
        {
            return ProfileLibrary.Definitions().First(d => d.Recorded.Scenario.Name == "progress-ms22-nominal").Recorded;
        }

        var match = ProfileLibrary.Definitions().FirstOrDefault(d => d.Recorded.Scenario.Name == name);
        return match.Recorded ?? throw new UserInputException(
            $"--preset '{name}': no such library profile (have: {string.Join(", ", ProfileLibrary.Definitions().Select(d => d.Recorded.Scenario.Name))})");
    }

    private static RecordedScenario Customise(RecordedScenario recorded, double? holeMm, double? onsetS, double? durationH, double? betaDeg, ulong? seed)
    {
        Scenario scenario = recorded.Scenario;
        var changes = new List<string>();
        if (durationH is { } hours)
        {
            Require(hours > 0 && hours <= 24 * 60, "--duration-h", hours, "a length greater than 0 and at most 1440 hours");
            scenario = scenario with { DurationS = hours * 3600 };
            changes.Add(string.Create(CultureInfo.InvariantCulture, $"a length of {hours:0.###} h"));
        }

        if (holeMm is not null || onsetS is not null)
        {
            double mm = holeMm ?? scenario.Leak.Steps.LastOrDefault()?.HoleDiameterMm ?? 0.8;
            double at = onsetS ?? scenario.Leak.Steps.FirstOrDefault()?.OnsetS ?? scenario.DurationS / 2;
            Require(mm > 0 && mm <= 50, "--hole-mm", mm, "a diameter greater than 0 and at most 50 mm");
            Require(at >= 0 && at < scenario.DurationS, "--onset-s", at, "inside the profile");
            scenario = scenario with { Name = scenario.Name + "-custom", Leak = scenario.Leak with { Steps = [new LeakStep(at, mm)] } };
            changes.Add(string.Create(CultureInfo.InvariantCulture, $"one {mm:0.###} mm hole opening at t = {at:0.###} s in place of its leak"));
        }

        if (betaDeg is { } beta)
        {
            Require(beta is >= -90 and <= 90, "--beta-deg", beta, "between -90 and 90 degrees");
            scenario = scenario with { Orbit = scenario.Orbit with { BetaDeg = PiecewiseLinear.Constant(beta) } };
            changes.Add(string.Create(CultureInfo.InvariantCulture, $"beta held at {beta:0.###} deg"));
        }

        if (seed is { } sensorSeed)
        {
            changes.Add(string.Create(CultureInfo.InvariantCulture, $"sensor seed {sensorSeed}"));
        }

        if (changes.Count > 0)
        {
            // The preset's text describes the preset (its hole, its timeline): say what changed
            // instead of letting a 0.3 mm profile call itself a 0.8 mm one.
            scenario = scenario with
            {
                Description = $"Generated from the {recorded.Scenario.Name} preset with {string.Join(", ", changes)}; "
                    + $"the preset's description, which these changes override where they differ: {recorded.Scenario.Description}",
            };
        }

        try
        {
            scenario.Validate();
        }
        catch (ArgumentException e)
        {
            throw new UserInputException(e.Message);
        }

        return recorded with { Scenario = scenario, SensorSeed = seed ?? recorded.SensorSeed };
    }

    private static void Require(bool ok, string option, double value, string expected)
    {
        if (!ok)
        {
            throw new UserInputException($"{option} {value.ToString(CultureInfo.InvariantCulture)}: expected {expected}");
        }
    }
}
