namespace ThermalMonitor.Cli.Tests;

/// <summary>Files the CLI tests hand to thermal-sim.</summary>
internal static class TestFiles
{
    /// <summary>Writes <paramref name="text"/> to <paramref name="name"/> in <paramref name="directory"/> and returns its path.</summary>
    public static string Write(string directory, string name, string text)
    {
        string path = Path.Combine(directory, name);
        File.WriteAllText(path, text);
        return path;
    }
}
