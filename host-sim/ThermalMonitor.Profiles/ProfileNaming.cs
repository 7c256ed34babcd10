namespace ThermalMonitor.Profiles;

/// <summary>File-name conventions of the profile library.</summary>
public static class ProfileNaming
{
    /// <summary>Extension of a compressed profile.</summary>
    public const string CompressedProfileExtension = ".csv.gz";

    /// <summary>Extension of a plain profile.</summary>
    public const string ProfileExtension = ".csv";

    /// <summary>Extension of the ground-truth sidecar.</summary>
    public const string ExpectExtension = ".expect.json";

    /// <summary>Extension of the recorded generator parameters.</summary>
    public const string ScenarioExtension = ".scenario.json";

    /// <summary>
    /// The file name of <paramref name="path"/> without directory and without a <c>.gz</c>, then a
    /// <c>.csv</c>, <c>.tsv</c> or <c>.txt</c> extension: <c>a/soyuz-ms22.csv.gz</c> → <c>soyuz-ms22</c>.
    /// </summary>
    public static string NameFromPath(string path)
    {
        string name = Path.GetFileName(path);
        foreach (string extension in new[] { ".gz", ".csv", ".tsv", ".txt" })
        {
            if (name.Length > extension.Length && name.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
            {
                name = name[..^extension.Length];
            }
        }

        return name.Length == 0 ? "profile" : name;
    }

    /// <summary>True for a library name: lower-case letters, digits and '-', starting with a letter or digit.</summary>
    public static bool IsValidName(string name) =>
        name.Length > 0 && char.IsAsciiLetterOrDigit(name[0])
        && name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');
}
