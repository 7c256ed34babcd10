using ThermalMonitor.Profiles;

namespace ThermalMonitor.Cli;

/// <summary>
/// Finds a profile by library name or path, and its ground truth when it has one. The ground truth
/// is for presentation and scoring only: the replay path never reads it.
/// </summary>
public sealed record ResolvedProfile(Profile Profile, LibraryEntry? Entry, Expectation? Expectation);

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

            return new ResolvedProfile(ProfileCsv.Read(entry.ProfilePath), entry, ExpectationFile.Read(entry.ExpectPath));
        }

        if (!File.Exists(nameOrPath))
        {
            throw new UserInputException($"profile file '{nameOrPath}' does not exist");
        }

        Profile profile = foreign is null ? ProfileCsv.Read(nameOrPath) : Import(nameOrPath, foreign);
        string expectPath = ProfilePaths.Sidecar(nameOrPath, ProfileNaming.ExpectExtension);
        Expectation? expectation = File.Exists(expectPath) ? ExpectationFile.Read(expectPath) : null;
        return new ResolvedProfile(profile, null, expectation);
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
