using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ThermalMonitor.Compatibility.Tests.Gate;

/// <summary>
/// Declaration stubs for the packages that have no .NET assembly (ADC, GPIO, serial, ESP32, JSON,
/// Runtime.Native, TestFramework): C# in <c>nanoframework-api/stubs/&lt;PackageId&gt;/</c> declaring
/// the types and members firmware uses. Each package's stubs are compiled once, as their own
/// assembly, referencing the stubs of the packages it depends on; firmware that declares the package
/// is compiled against them, and the API checker still judges every use by the package's list. The
/// stubs themselves are held to the lists by <c>StubTests</c>: a stub may narrow the API, never widen it.
/// </summary>
internal sealed class PackageStubs(string directory, PackageDependencies dependencies)
{
    private static readonly Lazy<PackageStubs> Repository = new(() =>
        new PackageStubs(Path.Combine(RepositoryLayout.Instance.ApiListDirectory, "stubs"), ApiLibrary.Default.Dependencies));

    private static readonly CSharpParseOptions StubParseOptions = new(LanguageVersion.Latest, DocumentationMode.Parse);

    private readonly ConcurrentDictionary<string, Lazy<CSharpCompilation>> compiled = new(StringComparer.Ordinal);

    public static PackageStubs Default => Repository.Value;

    public string Directory { get; } = directory;

    /// <summary>Packages that have a stub folder.</summary>
    public IReadOnlyList<string> Packages =>
        System.IO.Directory.Exists(Directory)
            ? [.. System.IO.Directory.EnumerateDirectories(Directory).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)]
            : [];

    /// <summary>The stub assemblies a project declaring <paramref name="declaredPackages"/> compiles against.</summary>
    public IReadOnlyList<MetadataReference> ReferencesFor(IEnumerable<string> declaredPackages)
    {
        IReadOnlySet<string> closure = dependencies.Closure(declaredPackages);
        return [.. Packages.Where(closure.Contains).Select(package => Compilation(package).ToMetadataReference())];
    }

    /// <summary>One package's stubs compiled (against the .NET runtime and its dependencies' stubs).</summary>
    public CSharpCompilation Compilation(string packageId) => compiled.GetOrAdd(packageId, id => new Lazy<CSharpCompilation>(() => Compile(id))).Value;

    private CSharpCompilation Compile(string packageId)
    {
        string folder = Path.Combine(Directory, packageId);
        var trees = System.IO.Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(path => !RepositoryLayout.IsBuildOutput(Path.GetRelativePath(folder, path)))
            .Order(StringComparer.Ordinal)
            .Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), StubParseOptions, path));
        var dependencyStubs = dependencies.Closure([packageId])
            .Where(id => id != packageId && Packages.Contains(id))
            .Order(StringComparer.Ordinal)
            .Select(id => Compilation(id).ToMetadataReference());
        return CSharpCompilation.Create(
            "stub." + packageId,
            trees,
            [.. RuntimeReferences.Assemblies, .. dependencyStubs],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));
    }
}
