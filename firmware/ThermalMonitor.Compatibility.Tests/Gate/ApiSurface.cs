namespace ThermalMonitor.Compatibility.Tests.Gate;

/// <summary>The union of the API lists of one project's packages, indexed for overload look-ups.</summary>
internal sealed class ApiSurface
{
    private readonly ApiLibrary library;
    private readonly HashSet<string> ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<MemberId>> overloads = new(StringComparer.Ordinal);

    public ApiSurface(ApiLibrary library, IReadOnlyList<string> packages)
    {
        this.library = library;
        Packages = packages;
        foreach (var id in packages.SelectMany(p => library.Lists.TryGetValue(p, out var list) ? list.Ids : Enumerable.Empty<string>()))
        {
            ids.Add(id);
            if (MemberId.Parse(id) is { } member)
            {
                (overloads.TryGetValue(member.OverloadKey, out var group) ? group : overloads[member.OverloadKey] = []).Add(member);
            }
        }
    }

    /// <summary>The packages whose lists make up this surface (declared ones plus dependencies).</summary>
    public IReadOnlyList<string> Packages { get; }

    public string PackageNames => string.Join(", ", Packages);

    public bool Contains(string id) => ids.Contains(id);

    /// <summary>Every listed member with the same kind, containing type and name.</summary>
    public IReadOnlyList<MemberId> OverloadsOf(MemberId member) => overloads.GetValueOrDefault(member.OverloadKey) ?? [];

    public ParameterTraits TraitsOf(MemberId member) => library.OptionalParameters.For(member);

    /// <summary>A package outside this surface whose list has the ID, to tell the user which package to declare.</summary>
    public string? UndeclaredPackageListing(string id) =>
        library.Lists.Values.FirstOrDefault(list => !Packages.Contains(list.PackageId) && list.Ids.Contains(id))?.PackageId;
}
