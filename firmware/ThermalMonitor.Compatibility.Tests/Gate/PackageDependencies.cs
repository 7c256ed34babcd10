namespace ThermalMonitor.Compatibility.Tests.Gate;

/// <summary>
/// package-dependencies.txt: the packages a firmware project may declare and what each depends on
/// (read from each package's nuspec; firmware/nanoframework-api/README.md). Lines are "&lt;package id&gt;: &lt;dependency ids&gt;".
/// </summary>
internal sealed class PackageDependencies(IReadOnlyDictionary<string, IReadOnlyList<string>> dependencies)
{
    public const string CoreLibrary = "nanoFramework.CoreLibrary";

    public bool IsKnown(string packageId) => dependencies.ContainsKey(packageId);

    public IReadOnlyList<string> DirectDependencies(string packageId) => dependencies.GetValueOrDefault(packageId) ?? [];

    /// <summary>The packages plus everything they depend on, transitively, plus CoreLibrary (mscorlib is always there).</summary>
    public IReadOnlySet<string> Closure(IEnumerable<string> packageIds)
    {
        var closure = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(packageIds.Append(CoreLibrary));
        while (pending.TryPop(out var id))
        {
            if (closure.Add(id))
            {
                foreach (var dependency in DirectDependencies(id))
                {
                    pending.Push(dependency);
                }
            }
        }

        return closure;
    }

    public static PackageDependencies Load(string path)
    {
        var table = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var line in File.ReadAllLines(path))
        {
            lineNumber++;
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new InvalidDataException($"{path}:{lineNumber}: expected '<package id>: <dependency ids>', got '{line}'");
            }

            table.Add(line[..colon].Trim(), line[(colon + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        }

        return new PackageDependencies(table);
    }
}
