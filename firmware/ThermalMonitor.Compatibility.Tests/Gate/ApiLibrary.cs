namespace ThermalMonitor.Compatibility.Tests.Gate;

/// <summary>
/// Everything in firmware/nanoframework-api/: the packages' API lists (nanoFramework.*.txt) and the
/// facts IDs cannot carry: optional/params parameters and package dependencies.
/// </summary>
internal sealed class ApiLibrary(IReadOnlyDictionary<string, ApiList> lists, OptionalParameters optionalParameters, PackageDependencies dependencies)
{
    private static readonly Lazy<ApiLibrary> Repository = new(() => Load(RepositoryLayout.Instance.ApiListDirectory));

    /// <summary>The repository's copy, loaded once per test run.</summary>
    public static ApiLibrary Default => Repository.Value;

    /// <summary>API lists by package id.</summary>
    public IReadOnlyDictionary<string, ApiList> Lists { get; } = lists;

    public OptionalParameters OptionalParameters { get; } = optionalParameters;

    public PackageDependencies Dependencies { get; } = dependencies;

    public static ApiLibrary Load(string directory) =>
        new(
            Directory.EnumerateFiles(directory, "nanoFramework.*.txt").Select(ApiList.Load).ToDictionary(list => list.PackageId, StringComparer.Ordinal),
            OptionalParameters.Load(Path.Combine(directory, "optional-params.txt")),
            PackageDependencies.Load(Path.Combine(directory, "package-dependencies.txt")));

    /// <summary>The API a project may use: its declared packages, their dependencies and CoreLibrary.</summary>
    public ApiSurface SurfaceFor(IEnumerable<string> declaredPackages) =>
        new(this, [.. Dependencies.Closure(declaredPackages).Order(StringComparer.Ordinal)]);
}
