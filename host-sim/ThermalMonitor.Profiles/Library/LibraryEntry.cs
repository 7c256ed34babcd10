namespace ThermalMonitor.Profiles;

/// <summary>
/// A profile in a library directory and where its sidecars are. The sidecar paths are where the files
/// are or would be: a profile dropped in by hand may have neither (see <see cref="HasExpectation"/>,
/// <see cref="HasScenario"/>).
/// </summary>
/// <param name="Name">Profile name (file name without extensions).</param>
/// <param name="ProfilePath">The .csv.gz or .csv file.</param>
/// <param name="ExpectPath">&lt;name&gt;.expect.json next to it.</param>
/// <param name="ScenarioPath">&lt;name&gt;.scenario.json next to it.</param>
public sealed record LibraryEntry(string Name, string ProfilePath, string ExpectPath, string ScenarioPath)
{
    /// <summary>Whether the ground-truth sidecar exists.</summary>
    public bool HasExpectation => File.Exists(ExpectPath);

    /// <summary>Whether the recorded generator parameters exist (the profile can be regenerated).</summary>
    public bool HasScenario => File.Exists(ScenarioPath);
}
