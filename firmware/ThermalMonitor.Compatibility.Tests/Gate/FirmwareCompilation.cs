using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ThermalMonitor.Compatibility.Tests.Gate;

/// <summary>A firmware source file: the path findings print (repository-relative) and its text.</summary>
internal sealed record SourceFile(string Path, string Text);

/// <summary>
/// Firmware sources compiled as the nanoFramework project system compiles them — C# 9, Debug symbols
/// (DEBUG, TRACE, NANOFRAMEWORK_1_0), no nullable context, no implicit usings, no unsafe code — but
/// against the .NET runtime's assemblies. Referenced firmware projects come in as compilations, so
/// their symbols count as firmware, not as external API.
/// </summary>
internal sealed class FirmwareCompilation
{
    public static readonly CSharpParseOptions ParseOptions =
        new(LanguageVersion.CSharp9, DocumentationMode.Parse, SourceCodeKind.Regular, ["DEBUG", "TRACE", "NANOFRAMEWORK_1_0"]);

    private readonly HashSet<string> firmwareAssemblies;

    private FirmwareCompilation(CSharpCompilation compilation, IEnumerable<FirmwareCompilation> references)
    {
        Compilation = compilation;
        firmwareAssemblies = [compilation.AssemblyName!, .. references.SelectMany(r => r.firmwareAssemblies)];
    }

    public CSharpCompilation Compilation { get; }

    public static FirmwareCompilation Create(string assemblyName, bool executable, IEnumerable<SourceFile> sources, IReadOnlyList<FirmwareCompilation> projectReferences, IReadOnlyList<MetadataReference>? packageStubs = null)
    {
        var options = new CSharpCompilationOptions(
            executable ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary,
            nullableContextOptions: NullableContextOptions.Disable,
            allowUnsafe: false,
            checkOverflow: false);
        var compilation = CSharpCompilation.Create(
            assemblyName,
            sources.Select(source => CSharpSyntaxTree.ParseText(source.Text, ParseOptions, source.Path)),
            [.. RuntimeReferences.Assemblies, .. packageStubs ?? [], .. projectReferences.Select(r => r.Compilation.ToMetadataReference())],
            options);
        return new FirmwareCompilation(compilation, projectReferences);
    }

    /// <summary>
    /// True when the symbol is declared in this firmware project or a firmware project it references
    /// (or belongs to no assembly, like an unresolved type: the compile error covers that).
    /// </summary>
    public bool IsFirmware(ISymbol symbol) => symbol.ContainingAssembly is not { } assembly || firmwareAssemblies.Contains(assembly.Name);

    /// <summary>Compile errors, each as a finding at its file:line:col.</summary>
    public IEnumerable<Finding> CompileErrors() =>
        Compilation.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => Finding.At(d.Location, RuleIds.CompileError, d.Id, d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)));
}
