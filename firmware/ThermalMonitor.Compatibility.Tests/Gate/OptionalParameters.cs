namespace ThermalMonitor.Compatibility.Tests.Gate;

/// <summary>Which parameters of a nanoFramework method are optional, and whether the last is a params array.</summary>
internal sealed record ParameterTraits(IReadOnlySet<int> OptionalOrdinals, bool LastIsParams)
{
    public static readonly ParameterTraits None = new(new HashSet<int>(), false);
}

/// <summary>
/// optional-params.txt: the nanoFramework members with optional or params parameters, which
/// documentation-comment IDs cannot express. Lines are "&lt;ID&gt; params", "&lt;ID&gt; optional:2,3" (1-based
/// positions) or "&lt;Type&gt;.* optional:last" for every method of a type.
/// </summary>
internal sealed class OptionalParameters
{
    private const string WildcardSuffix = ".*";

    private readonly Dictionary<string, string> exact = new(StringComparer.Ordinal);
    private readonly List<(string TypePrefix, string Spec)> perType = [];

    private OptionalParameters()
    {
    }

    /// <summary>The exact IDs the file names (not the per-type wildcards), for validating the file.</summary>
    public IEnumerable<string> ExactIds => exact.Keys;

    public static OptionalParameters Load(string path) => Parse(File.ReadAllLines(path), path);

    public static OptionalParameters Parse(IEnumerable<string> lines, string origin)
    {
        var table = new OptionalParameters();
        var lineNumber = 0;
        foreach (var line in lines)
        {
            lineNumber++;
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2 || !IsValidSpec(parts[1]))
            {
                throw new InvalidDataException($"{origin}:{lineNumber}: expected '<ID> params|optional:<positions>|optional:last', got '{line}'");
            }

            if (parts[0].EndsWith(WildcardSuffix, StringComparison.Ordinal))
            {
                table.perType.Add((parts[0][..^1], parts[1]));
            }
            else
            {
                table.exact.Add(parts[0], parts[1]);
            }
        }

        return table;
    }

    public ParameterTraits For(MemberId method)
    {
        var id = method.ToString();
        var spec = exact.GetValueOrDefault(id)
            ?? perType.FirstOrDefault(entry => id.StartsWith(entry.TypePrefix, StringComparison.Ordinal)
                && !id[entry.TypePrefix.Length..].Split('(')[0].Contains('.', StringComparison.Ordinal)).Spec;
        var count = method.ParameterTypes.Count;
        return spec switch
        {
            null => ParameterTraits.None,
            "params" => new ParameterTraits(new HashSet<int>(), LastIsParams: true),
            "optional:last" => new ParameterTraits(count == 0 ? new HashSet<int>() : new HashSet<int> { count - 1 }, false),
            _ => new ParameterTraits(spec["optional:".Length..].Split(',').Select(p => int.Parse(p, System.Globalization.CultureInfo.InvariantCulture) - 1).ToHashSet(), false),
        };
    }

    private static bool IsValidSpec(string spec) =>
        spec is "params" or "optional:last"
        || (spec.StartsWith("optional:", StringComparison.Ordinal)
            && spec["optional:".Length..].Split(',').All(p => int.TryParse(p, out var position) && position > 0));
}
