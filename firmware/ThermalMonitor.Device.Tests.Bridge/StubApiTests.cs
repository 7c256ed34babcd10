using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace ThermalMonitor.Device.Tests.Bridge;

/// <summary>
/// The host TestFramework (nanoframework-api/stubs/nanoFramework.TestFramework) may only narrow the
/// real package's API, never widen it: a test that compiles here must compile on the device. Every
/// public or protected symbol it declares, implicit constructors included, must have its
/// documentation-comment ID in the package's list, and optional/params parameters must be where
/// optional-params.txt says the package has them (so a call binds to the same member).
/// </summary>
public sealed class StubApiTests
{
    private const string PackageId = "nanoFramework.TestFramework";

    private static readonly Lazy<CSharpCompilation> Stub = new(() => Roslyn.Compile(
        "stub." + PackageId,
        RepositoryFiles.SourceFiles(RepositoryFiles.TestFrameworkStubDirectory)
            .Select(file => Roslyn.Parse(File.ReadAllText(Path.Combine(RepositoryFiles.TestFrameworkStubDirectory, file)), file))));

    [Fact]
    public void The_api_list_is_the_package_list_with_its_provenance_header()
    {
        string[] lines = File.ReadAllLines(RepositoryFiles.TestFrameworkApiList);
        Assert.Equal("# package: " + PackageId, lines[0]);
        Assert.Equal("# version: 3.0.77", lines[1]);
        Assert.StartsWith("# source: nanoframework/nanoFramework.TestFramework@", lines[2]);
    }

    [Fact]
    public void The_stub_compiles_on_its_own_without_warnings()
    {
        Assert.True(Roslyn.Errors(Stub.Value).Length == 0, Roslyn.Errors(Stub.Value));
    }

    [Fact]
    public void Every_public_symbol_of_the_stub_is_in_the_real_api_list()
    {
        HashSet<string> listed = ApiList();
        var declared = DeclaredApi(Stub.Value.Assembly.GlobalNamespace).ToList();
        Assert.Contains("T:nanoFramework.TestFramework.Assert", declared);
        Assert.Contains("M:nanoFramework.TestFramework.DataRowAttribute.#ctor(System.Object[])", declared);

        var unlisted = declared.Where(id => !listed.Contains(id)).Order(StringComparer.Ordinal).ToList();
        Assert.True(unlisted.Count == 0, "declared but not in nanoFramework.TestFramework 3.0.77:\n" + string.Join("\n", unlisted));
    }

    [Fact]
    public void Optional_and_params_parameters_match_the_package()
    {
        var rules = File.ReadAllLines(RepositoryFiles.OptionalParameters)
            .Where(line => line.Length > 0 && line[0] != '#')
            .Select(line => line.Split(' ', 2))
            .Where(parts => parts[0].StartsWith("M:nanoFramework.TestFramework.", StringComparison.Ordinal) || parts[0].StartsWith("M:TestFrameworkShared.", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(rules);

        var mismatches = new List<string>();
        foreach (IMethodSymbol method in DeclaredMethods(Stub.Value.Assembly.GlobalNamespace))
        {
            string id = method.GetDocumentationCommentId();
            string rule = rules.FirstOrDefault(r => r[0] == id || (r[0].EndsWith(".*", StringComparison.Ordinal) && id.StartsWith(r[0][..^1], StringComparison.Ordinal) && method.Parameters.Length > 0))?[1];
            string actual = Describe(method);
            string expected = rule switch
            {
                null => "none",
                "optional:last" => "optional:" + method.Parameters.Length,
                _ => rule,
            };
            if (actual != expected)
            {
                mismatches.Add($"{id}: {actual}, the package has {expected}");
            }
        }

        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    private static string Describe(IMethodSymbol method)
    {
        if (method.Parameters.Any(p => p.IsParams))
        {
            return "params";
        }

        var optional = method.Parameters.Where(p => p.IsOptional).Select(p => (p.Ordinal + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        return optional.Count == 0 ? "none" : "optional:" + string.Join(",", optional);
    }

    private static HashSet<string> ApiList() =>
        File.ReadAllLines(RepositoryFiles.TestFrameworkApiList).Where(line => line.Length > 0 && line[0] != '#').ToHashSet(StringComparer.Ordinal);

    private static IEnumerable<string> DeclaredApi(INamespaceSymbol root)
    {
        foreach (INamedTypeSymbol type in AllTypes(root).Where(IsVisible))
        {
            yield return type.GetDocumentationCommentId();
            foreach (ISymbol member in type.GetMembers().Where(m => m is not INamedTypeSymbol && IsVisible(m)))
            {
                yield return member.GetDocumentationCommentId();
            }
        }
    }

    private static IEnumerable<IMethodSymbol> DeclaredMethods(INamespaceSymbol root) =>
        AllTypes(root).Where(IsVisible).SelectMany(type => type.GetMembers().OfType<IMethodSymbol>().Where(IsVisible));

    private static IEnumerable<INamedTypeSymbol> AllTypes(INamespaceSymbol ns) =>
        ns.GetTypeMembers().SelectMany(WithNested).Concat(ns.GetNamespaceMembers().SelectMany(AllTypes));

    private static IEnumerable<INamedTypeSymbol> WithNested(INamedTypeSymbol type) => new[] { type }.Concat(type.GetTypeMembers().SelectMany(WithNested));

    private static bool IsVisible(ISymbol symbol) =>
        symbol.DeclaredAccessibility is Accessibility.Public or Accessibility.Protected or Accessibility.ProtectedOrInternal
        && (symbol.ContainingType is null || IsVisible(symbol.ContainingType));
}
