using System.Text;

namespace ThermalMonitor.Profiles.Tests;

/// <summary>A scratch directory deleted after the test.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory() => Directory.CreateDirectory(Path);

    public string Path { get; } =
        System.IO.Path.Combine(System.IO.Path.GetTempPath(), "tm-profiles-" + Guid.NewGuid().ToString("N"));

    /// <summary>Writes UTF-8 text (no BOM) to a file in the directory and returns its path.</summary>
    public string Write(string fileName, string text)
    {
        string path = File(fileName);
        System.IO.File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    /// <summary>Writes bytes to a file in the directory and returns its path.</summary>
    public string Write(string fileName, byte[] bytes)
    {
        string path = File(fileName);
        System.IO.File.WriteAllBytes(path, bytes);
        return path;
    }

    public string File(string fileName) => System.IO.Path.Combine(Path, fileName);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a scratch directory left in /tmp harms nothing.
        }
    }
}
