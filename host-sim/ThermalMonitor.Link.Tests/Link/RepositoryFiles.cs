namespace ThermalMonitor.Link.Tests;

/// <summary>Finds files of this repository from the test binaries (the folder that holds ThermalMonitor.sln is the root).</summary>
public static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relativePath) => Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar));

    private static string FindRoot()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ThermalMonitor.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException($"no ThermalMonitor.sln above {AppContext.BaseDirectory}");
    }
}
