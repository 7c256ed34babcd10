namespace ThermalMonitor.Cli;

/// <summary>Sidecar files live beside a profile: <c>x.csv.gz</c> → <c>x.expect.json</c>, <c>x.scenario.json</c>.</summary>
public static class ProfilePaths
{
    public static string Sidecar(string profilePath, string suffix)
    {
        string name = Path.GetFileName(profilePath);
        foreach (string extension in new[] { ".csv.gz", ".csv" })
        {
            if (name.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
            {
                name = name[..^extension.Length];
                break;
            }
        }

        return Path.Combine(Path.GetDirectoryName(Path.GetFullPath(profilePath))!, name + suffix);
    }
}
