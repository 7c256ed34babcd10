namespace ThermalMonitor.Link;

/// <summary>
/// A configuration file is unusable. The message is one line, <c>path: field: problem</c> (every
/// problem, separated by "; "), or <c>path: cannot be read: reason</c>.
/// </summary>
public sealed class ConfigFileException(string path, string problems) : Exception($"{path}: {problems}")
{
    /// <summary>The file.</summary>
    public string FilePath { get; } = path;
}
