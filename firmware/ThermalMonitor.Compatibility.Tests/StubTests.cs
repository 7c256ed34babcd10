using Microsoft.CodeAnalysis;
using ThermalMonitor.Compatibility.Tests.Gate;

namespace ThermalMonitor.Compatibility.Tests;

/// <summary>
/// The declaration stubs (nanoframework-api/stubs/) may only narrow a package's real API: each
/// compiles, belongs to a known package that has its API list here, and every public or protected
/// symbol it declares has its documentation-comment ID in that list.
/// </summary>
public sealed class StubTests
{
    public static TheoryData<string> Packages => new(PackageStubs.Default.Packages);

    [Fact]
    public void There_are_stubs_for_the_device_packages()
    {
        Assert.Contains("nanoFramework.System.Device.Adc", PackageStubs.Default.Packages);
    }

    [Theory]
    [MemberData(nameof(Packages))]
    public void Stub_compiles_and_declares_only_listed_api(string package)
    {
        Assert.True(ApiLibrary.Default.Lists.ContainsKey(package), $"stubs/{package}: no API list nanoframework-api/{package}.txt to check it against");
        var compilation = PackageStubs.Default.Compilation(package);
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));

        var list = ApiLibrary.Default.Lists[package];
        var unlisted = DeclaredApi(compilation.Assembly.GlobalNamespace).Where(id => !list.Ids.Contains(id)).Order(StringComparer.Ordinal).ToList();
        Assert.True(unlisted.Count == 0, $"stubs/{package} declares API the real package does not have:\n" + string.Join("\n", unlisted));
    }

    private static IEnumerable<string> DeclaredApi(INamespaceSymbol root)
    {
        foreach (var type in AllTypes(root).Where(IsVisible))
        {
            yield return type.GetDocumentationCommentId()!;
            foreach (var member in type.GetMembers().Where(m => IsVisible(m) && !m.IsImplicitlyDeclared && m is not INamedTypeSymbol))
            {
                if (member.GetDocumentationCommentId() is { } id)
                {
                    yield return id;
                }
            }
        }
    }

    private static IEnumerable<INamedTypeSymbol> AllTypes(INamespaceSymbol ns)
    {
        foreach (var type in ns.GetTypeMembers())
        {
            foreach (var nested in WithNested(type))
            {
                yield return nested;
            }
        }

        foreach (var child in ns.GetNamespaceMembers())
        {
            foreach (var type in AllTypes(child))
            {
                yield return type;
            }
        }
    }

    private static IEnumerable<INamedTypeSymbol> WithNested(INamedTypeSymbol type)
    {
        yield return type;
        foreach (var nested in type.GetTypeMembers().SelectMany(WithNested))
        {
            yield return nested;
        }
    }

    private static bool IsVisible(ISymbol symbol) =>
        symbol.DeclaredAccessibility is Accessibility.Public or Accessibility.Protected or Accessibility.ProtectedOrInternal
        && (symbol.ContainingType is null || IsVisible(symbol.ContainingType));
}
