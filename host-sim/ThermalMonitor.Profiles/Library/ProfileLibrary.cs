namespace ThermalMonitor.Profiles;

/// <summary>
/// The recorded profile library (host-sim/profiles/): finding it, listing it, and the code that defines
/// and writes it. <see cref="Definitions"/> is the single source of every stored profile; a test
/// regenerates each stored profile from its scenario file and compares bytes, and compares the
/// definitions with the stored scenario and expectation files, so code and data cannot drift apart.
/// </summary>
public static class ProfileLibrary
{
    /// <summary>The library's path relative to the repository root.</summary>
    public static readonly string RelativeDirectory = Path.Combine("host-sim", "profiles");

    /// <summary>
    /// The repository's host-sim/profiles, found by walking up from <see cref="AppContext.BaseDirectory"/>
    /// (a build output such as host-sim/ThermalMonitor.Cli/bin/Release/net10.0/).
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">No ancestor holds host-sim/profiles.</exception>
    public static string FindDefaultDirectory()
    {
        DirectoryInfo? directory = new(AppContext.BaseDirectory);
        for (; directory is not null; directory = directory.Parent)
        {
            string candidate = Path.Combine(directory.FullName, RelativeDirectory);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException(
            $"No {RelativeDirectory} directory above {AppContext.BaseDirectory}; "
            + "give the profile directory explicitly.");
    }

    /// <summary>The profiles (*.csv.gz, *.csv) in <paramref name="directory"/>, by name.</summary>
    /// <exception cref="DirectoryNotFoundException">The directory does not exist.</exception>
    /// <exception cref="InvalidOperationException">A name is stored both compressed and plain.</exception>
    public static IReadOnlyList<LibraryEntry> Load(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"Profile directory {directory} does not exist.");
        }

        var entries = new SortedDictionary<string, LibraryEntry>(StringComparer.Ordinal);
        foreach (string path in Directory.EnumerateFiles(directory))
        {
            string file = Path.GetFileName(path);
            bool isProfile = file.EndsWith(ProfileNaming.CompressedProfileExtension, StringComparison.OrdinalIgnoreCase)
                || file.EndsWith(ProfileNaming.ProfileExtension, StringComparison.OrdinalIgnoreCase);
            if (!isProfile)
            {
                continue;
            }

            string name = ProfileNaming.NameFromPath(path);
            var entry = new LibraryEntry(
                name,
                path,
                Path.Combine(directory, name + ProfileNaming.ExpectExtension),
                Path.Combine(directory, name + ProfileNaming.ScenarioExtension));
            if (!entries.TryAdd(name, entry))
            {
                throw new InvalidOperationException(
                    $"Profile '{name}' is stored twice in {directory}: "
                    + $"{Path.GetFileName(entries[name].ProfilePath)} and {file}.");
            }
        }

        return [.. entries.Values];
    }

    /// <summary>
    /// Every library profile: its recorded scenario (physics, sensor seed, recording plan, sources) and
    /// its ground truth. Built fresh on each call (a physics pre-run finds the hydraulic phase changes
    /// for the recording plans, ≈ 2 s in all).
    /// </summary>
    public static IReadOnlyList<(RecordedScenario Recorded, Expectation Expectation)> Definitions() =>
        LibraryDefinitions.All();

    /// <summary>
    /// Generates every definition into <paramref name="directory"/>: &lt;name&gt;.csv.gz,
    /// &lt;name&gt;.expect.json, &lt;name&gt;.scenario.json.
    /// </summary>
    public static void WriteAll(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        foreach ((RecordedScenario recorded, Expectation expectation) in Definitions())
        {
            Write(recorded, expectation, directory);
        }
    }

    /// <summary>Generates one profile and writes it with both sidecars; returns where they went.</summary>
    public static LibraryEntry Write(RecordedScenario recorded, Expectation expectation, string directory)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        ArgumentNullException.ThrowIfNull(expectation);
        ArgumentException.ThrowIfNullOrEmpty(directory);
        string name = recorded.Scenario.Name;
        if (!ProfileNaming.IsValidName(name) || expectation.Profile != name)
        {
            throw new ArgumentException(
                $"Profile name '{name}' must be lower-case letters, digits and '-', "
                + $"and match the expectation's '{expectation.Profile}'.",
                nameof(recorded));
        }

        Directory.CreateDirectory(directory);
        var entry = new LibraryEntry(
            name,
            Path.Combine(directory, name + ProfileNaming.CompressedProfileExtension),
            Path.Combine(directory, name + ProfileNaming.ExpectExtension),
            Path.Combine(directory, name + ProfileNaming.ScenarioExtension));
        ProfileCsv.Write(ProfileGenerator.Generate(recorded), entry.ProfilePath);
        ExpectationFile.Write(expectation, entry.ExpectPath);
        ScenarioJson.Write(recorded, entry.ScenarioPath);
        return entry;
    }
}
