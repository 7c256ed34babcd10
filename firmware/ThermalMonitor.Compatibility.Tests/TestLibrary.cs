using ThermalMonitor.Compatibility.Tests.Gate;

namespace ThermalMonitor.Compatibility.Tests;

/// <summary>An API library whose only package, CoreLibrary, lists exactly the given IDs: for rules the real lists cannot provoke.</summary>
internal static class TestLibrary
{
    public static ApiLibrary CoreLibraryWith(params string[] ids)
    {
        var lines = new[] { "# package: nanoFramework.CoreLibrary", "# version: 1.17.11", "# source: test" }
            .Concat(ids.Order(StringComparer.Ordinal))
            .ToList();
        var list = ApiList.Parse(PackageDependencies.CoreLibrary, lines, "test");
        return new ApiLibrary(
            new Dictionary<string, ApiList> { [list.PackageId] = list },
            ApiLibrary.Default.OptionalParameters,
            new PackageDependencies(new Dictionary<string, IReadOnlyList<string>> { [list.PackageId] = [] }));
    }

    /// <summary>The types and members every sample class needs (class declaration, its implicit constructor, a void method).</summary>
    public static readonly string[] Basics = ["T:System.Object", "M:System.Object.#ctor", "T:System.Void", "T:System.Int32", "T:System.String"];
}
