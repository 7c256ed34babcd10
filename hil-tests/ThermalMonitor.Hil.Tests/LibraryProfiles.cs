using System.Collections.Concurrent;
using ThermalMonitor.Profiles;
using ThermalMonitor.Replay;
using ThermalMonitor.Targets;

namespace ThermalMonitor.Hil.Tests;

/// <summary>The profile library and, per profile, the in-process SIL result every target must reproduce.</summary>
public static class LibraryProfiles
{
    private static readonly ConcurrentDictionary<string, Lazy<ReplayResult>> SilResults = new();

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

    /// <summary>The core called directly in this process (SilReplayer): the reference for the wire targets.</summary>
    public static ReplayResult DirectSil(string name) => SilResults.GetOrAdd(name, n => new Lazy<ReplayResult>(() =>
    {
        Profile profile = ProfileCsv.Read(Entry(n).ProfilePath);
        return SilReplayer.Run(profile, new ReplayOptions { CollectTrace = false }).Result;
    })).Value;
}
