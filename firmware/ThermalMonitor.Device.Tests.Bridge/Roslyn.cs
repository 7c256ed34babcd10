using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ThermalMonitor.Device.Tests.Bridge;

/// <summary>Compiles C# in memory against the running .NET's assemblies.</summary>
internal static class Roslyn
{
    private static readonly Lazy<MetadataReference[]> Runtime = new(() =>
        // The shared framework only: the test host's list also holds this assembly and its packages.
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")).Split(Path.PathSeparator)
            .Where(path => path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
                && Path.GetDirectoryName(path) == Path.GetDirectoryName(typeof(object).Assembly.Location))
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToArray());

    public static CSharpCompilation Compile(string assemblyName, IEnumerable<SyntaxTree> trees, params MetadataReference[] extraReferences) =>
        CSharpCompilation.Create(
            assemblyName,
            trees,
            [.. Runtime.Value, .. extraReferences],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));

    public static SyntaxTree Parse(string text, string path = "") => CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.Latest), path);

    public static string Errors(Compilation compilation) =>
        string.Join("\n", compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()));
}
