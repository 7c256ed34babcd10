namespace ThermalMonitor.Compatibility.Tests.Gate;

/// <summary>
/// One package's API list (firmware/nanoframework-api/&lt;PackageId&gt;.txt): a 3-line provenance header
/// (package, version, source commit) and then every public/protected documentation-comment ID, sorted
/// ordinally and unique. A malformed file is an error, not something to work around.
/// </summary>
internal sealed record ApiList(string PackageId, string Version, string Source, IReadOnlySet<string> Ids)
{
    public static ApiList Load(string path) => Parse(Path.GetFileNameWithoutExtension(path), File.ReadAllLines(path), path);

    public static ApiList Parse(string expectedPackageId, IReadOnlyList<string> lines, string origin)
    {
        var package = HeaderValue(lines, 0, "package", origin);
        if (package != expectedPackageId)
        {
            throw new InvalidDataException($"{origin}:1: the header names package {package}, the file is for {expectedPackageId}");
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 3; i < lines.Count; i++)
        {
            if (lines[i].Length < 3 || lines[i][1] != ':' || "TMPFE".IndexOf(lines[i][0], StringComparison.Ordinal) < 0)
            {
                throw new InvalidDataException($"{origin}:{i + 1}: not a documentation-comment ID: '{lines[i]}'");
            }

            if (i > 3 && string.CompareOrdinal(lines[i - 1], lines[i]) >= 0)
            {
                throw new InvalidDataException($"{origin}:{i + 1}: IDs must be unique and in ordinal order ('{lines[i]}')");
            }

            ids.Add(lines[i]);
        }

        return new ApiList(package, HeaderValue(lines, 1, "version", origin), HeaderValue(lines, 2, "source", origin), ids);
    }

    /// <summary>"1.17.11" → "1.17": the device binds assemblies by major.minor only.</summary>
    public static string MajorMinor(string version) => string.Join('.', version.Split('.').Take(2));

    private static string HeaderValue(IReadOnlyList<string> lines, int index, string key, string origin)
    {
        var prefix = $"# {key}: ";
        return index < lines.Count && lines[index].StartsWith(prefix, StringComparison.Ordinal)
            ? lines[index][prefix.Length..]
            : throw new InvalidDataException($"{origin}:{index + 1}: expected the header line '{prefix}...'");
    }
}
