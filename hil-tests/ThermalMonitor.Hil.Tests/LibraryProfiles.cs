using System.Collections.Concurrent;
using ThermalMonitor.Profiles;
using ThermalMonitor.Scoring;
using ThermalMonitor.Targets;

namespace ThermalMonitor.Hil.Tests;

/// <summary>The profile library and, per profile, the direct core run's result every target must reproduce.</summary>
public static class LibraryProfiles
{
    private static readonly ConcurrentDictionary<string, Lazy<ReplayResult>> CoreResults = new();

    public static IReadOnlyList<LibraryEntry> Entries { get; } = ProfileLibrary.Load(ProfileLibrary.FindDefaultDirectory());

    public static LibraryEntry Entry(string name) => Entries.Single(e => e.Name == name);

    /// <summary>(target, profile) for every selected target and library profile.</summary>
    public static TheoryData<string, string> ForEveryTarget()
    {
        var data = new TheoryData<string, string>();
        foreach (string target in HilTargets.Selected)
        {
            foreach (LibraryEntry entry in Entries)
            {
                data.Add(target, entry.Name);
            }
        }

        return data;
    }

    /// <summary>The core stepped directly in this process, no link (CoreReplayer): the reference for every target.</summary>
    public static ReplayResult DirectCore(string name) => CoreResults.GetOrAdd(name, n => new Lazy<ReplayResult>(() =>
    {
        Profile profile = ProfileCsv.Read(Entry(n).ProfilePath);
        return CoreReplayer.Run(profile, new ReplayOptions { CollectTrace = false }).Result;
    })).Value;
}
