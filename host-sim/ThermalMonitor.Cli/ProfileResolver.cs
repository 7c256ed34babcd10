using ThermalMonitor.Profiles;

namespace ThermalMonitor.Cli;

/// <summary>
/// Finds a profile by library name or path, and its ground truth when it has one. The ground truth
/// is for presentation and scoring only: the replay path never reads it.
/// </summary>
/// <param name="ScenarioLeakOnsetS">
/// The first leak onset of the <c>.scenario.json</c> beside a profile that has no <c>.expect.json</c>
/// (what <c>generate</c> writes): ground truth for "after leak onset", never an expectation to check.
/// </param>
public sealed record ResolvedProfile(Profile Profile, LibraryEntry? Entry, Expectation? Expectation, double? ScenarioLeakOnsetS = null)
{
    /// <summary>When the leak starts, from the expectation or else from the scenario; null if neither knows one.</summary>
    public double? LeakOnsetS => Expectation?.LeakOnsetS ?? ScenarioLeakOnsetS;
}

public static class ProfileResolver
{
    public static string LibraryDirectory(string? overrideDirectory)
    {
        string directory = overrideDirectory ?? ProfileLibrary.FindDefaultDirectory();
        if (!Directory.Exists(directory))
        {
            throw new UserInputException($"profile library '{directory}' does not exist");
        }

        return directory;
    }

    /// <summary>Library name, or a path to a Profile CSV v1 or (with <paramref name="foreign"/>) any CSV.</summary>
    public static ResolvedProfile Resolve(string nameOrPath, string? libraryDirectory, ForeignCsvOptions? foreign)
    {
        if (foreign is null && !LooksLikePath(nameOrPath))
        {
            string directory = LibraryDirectory(libraryDirectory);
            LibraryEntry? entry = ProfileLibrary.Load(directory).FirstOrDefault(e => e.Name == nameOrPath);
            if (entry is null)
            {
                var names = ProfileLibrary.Load(directory).Select(e => e.Name);
                throw new UserInputException($"no profile named '{nameOrPath}' in {directory} (have: {string.Join(", ", names)})");
            }

            return new ResolvedProfile(ProfileCsv.Open(entry.ProfilePath), entry, ExpectationFile.Read(entry.ExpectPath));
        }

        if (!File.Exists(nameOrPath))
        {
            throw new UserInputException($"profile file '{nameOrPath}' does not exist");
        }

        Profile profile = foreign is null ? ReadProfileCsv(nameOrPath) : Import(nameOrPath, foreign);
        string expectPath = ProfilePaths.Sidecar(nameOrPath, ProfileNaming.ExpectExtension);
        Expectation? expectation = File.Exists(expectPath) ? ExpectationFile.Read(expectPath) : null;
        string scenarioPath = ProfilePaths.Sidecar(nameOrPath, ProfileNaming.ScenarioExtension);
        double? scenarioOnsetS = expectation is null && File.Exists(scenarioPath)
            ? ScenarioJson.Read(scenarioPath).Scenario.Leak.Steps.FirstOrDefault()?.OnsetS
            : null;
        return new ResolvedProfile(profile, null, expectation, scenarioOnsetS);
    }

    /// <summary>
    /// A Profile CSV v1; a file that does not declare that format is probably another logger's CSV,
    /// so the error says how to read it as one (which columns its header names, the --map to give).
    /// </summary>
    private static Profile ReadProfileCsv(string path)
    {
        try
        {
            // Streamed: a recording of weeks replays in memory bounded by a line, not by the file.
            return ProfileCsv.Open(path);
        }
        catch (ProfileFormatException e) when (!ProfileCsv.DeclaresFormat(path))
        {
            throw new UserInputException(ForeignHint(path, e.Message));
        }
    }

    private static string ForeignHint(string path, string profileCsvError)
    {
        const string Units = "--pressure-unit Pa|kPa|bar|psi [--gauge] [--temp-unit C|K|F]";
        string start = $"'{path}' is not a Profile CSV v1 (it has no '# format: {Profile.FormatId}' line; as one: {profileCsvError}). ";
        ForeignHeaderGuess? guess = ForeignHeader.Guess(path);
        if (guess is null)
        {
            return start + $"To replay another logger's CSV, name its columns and units: --map time=<col>,pressure=<col>[,temp=<col>] {Units}";
        }

        if (guess.HasRequiredColumns)
        {
            string noTemp = guess.Found.ContainsKey("temp") ? string.Empty : " (no temperature column was found: the slow path will be off)";
            return start + $"It reads as another logger's CSV with --map {guess.Map} and its units: {Units}{noTemp}";
        }

        return start + $"Its header ({string.Join(", ", guess.Cells.Take(12))}{(guess.Cells.Count > 12 ? ", ..." : string.Empty)}) has no column named "
            + $"{string.Join(" or ", guess.MissingRequired)}: name them with --map time=<col>,pressure=<col>[,temp=<col>] (header names or 1-based numbers) and give the units: {Units}";
    }

    private static Profile Import(string path, ForeignCsvOptions foreign)
    {
        try
        {
            return ForeignCsv.Import(path, foreign);
        }
        catch (ArgumentException e)
        {
            // ForeignCsv checks --map and --delimiter itself and says what is wrong with them.
            throw new UserInputException(ArgumentExceptionText.WithoutParameterName(e));
        }
    }

    private static bool LooksLikePath(string text) =>
        text.Contains('/') || text.Contains('\\') || text.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || text.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);
}
