using ThermalMonitor.Profiles;

namespace ThermalMonitor.Cli;

/// <summary>Sidecar files live beside a profile: <c>x.csv.gz</c> → <c>x.expect.json</c>, <c>x.scenario.json</c>.</summary>
public static class ProfilePaths
{
    public static string Sidecar(string profilePath, string extension) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(profilePath))!, ProfileNaming.NameFromPath(profilePath) + extension);
}
