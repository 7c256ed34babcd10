using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace ThermalMonitor.Compatibility.Tests.Gate;

/// <summary>
/// The .NET runtime's own assemblies, which firmware is compiled against (the nanoFramework packages
/// are not available here; their API lists stand in for them). Only the shared framework directory
/// counts, not the test's NuGet dependencies (Roslyn, xunit) that are also trusted in this process.
/// Loaded once and shared by every compilation: that is what keeps the gate fast.
/// </summary>
internal static class RuntimeReferences
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> Lazy = new(Load);

    public static ImmutableArray<MetadataReference> Assemblies => Lazy.Value;

    private static ImmutableArray<MetadataReference> Load()
    {
        var runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location);
        var trusted = (string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")
            ?? throw new InvalidOperationException("TRUSTED_PLATFORM_ASSEMBLIES is not set");
        return
        [
            .. trusted.Split(Path.PathSeparator)
                .Where(path => Path.GetDirectoryName(path) == runtimeDirectory)
                .Order(StringComparer.Ordinal)
                .Select(path => MetadataReference.CreateFromFile(path)),
        ];
    }
}
