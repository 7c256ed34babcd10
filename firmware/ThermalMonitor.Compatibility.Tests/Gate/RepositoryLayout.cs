namespace ThermalMonitor.Compatibility.Tests.Gate;

/// <summary>Where the gate finds the firmware projects, their API lists and nfproj.props.</summary>
internal sealed class RepositoryLayout(string root)
{
    private static readonly Lazy<RepositoryLayout> Current = new(() => new RepositoryLayout(FindRoot(AppContext.BaseDirectory)));

    /// <summary>The repository this test assembly was built from (found by walking up to ThermalMonitor.sln).</summary>
    public static RepositoryLayout Instance => Current.Value;

    public string Root { get; } = Path.GetFullPath(root);

    public string FirmwareDirectory => Path.Combine(Root, "firmware");

    public string ApiListDirectory => Path.Combine(FirmwareDirectory, "nanoframework-api");

    public string UsageDirectory => Path.Combine(ApiListDirectory, "usage");

    public string NfprojPropsPath => Path.Combine(Root, "nfproj.props");

    /// <summary>Repository-relative path with forward slashes, as findings print it.</summary>
    public string RelativePath(string fullPath) => Path.GetRelativePath(Root, fullPath).Replace('\\', '/');

    /// <summary>Every .nfproj under firmware/, so a new project is covered without registering it anywhere.</summary>
    public IReadOnlyList<string> FindNfprojFiles() =>
    [
        .. Directory.EnumerateFiles(FirmwareDirectory, "*.nfproj", SearchOption.AllDirectories)
            .Where(path => !IsBuildOutput(Path.GetRelativePath(FirmwareDirectory, path)))
            .Order(StringComparer.Ordinal),
    ];

    /// <summary>True for paths inside a bin/ or obj/ folder (relative to the folder being scanned).</summary>
    public static bool IsBuildOutput(string relativePath) =>
        relativePath.Split('/', '\\').SkipLast(1).Any(segment => segment is "bin" or "obj");

    private static string FindRoot(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ThermalMonitor.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"ThermalMonitor.sln not found above {start}");
    }
}
