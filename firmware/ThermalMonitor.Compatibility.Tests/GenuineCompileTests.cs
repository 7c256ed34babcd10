using System.Diagnostics;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ThermalMonitor.Compatibility.Tests.Gate;
using Xunit.Abstractions;

namespace ThermalMonitor.Compatibility.Tests;

/// <summary>
/// The genuine compile (firmware/genuine/): the core, the ESP32 app and the on-device tests built by
/// `dotnet build` with NoStdLib against nanoFramework's own mscorlib.dll. These tests build them
/// again from here, read what the assemblies reference, plant what nanoFramework lacks and expect
/// the compiler's own error, and hold the extra declaration stubs to the API lists.
/// </summary>
public sealed class GenuineCompileTests(ITestOutputHelper output)
{
    private const string NanoPublicKeyToken = "c07d481e9758c731";

    private static string GenuineDirectory => Path.Combine(RepositoryLayout.Instance.FirmwareDirectory, "genuine");

    private static string NanoMscorlibPath =>
        typeof(GenuineCompileTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "NanoMscorlibPath").Value!;

    public static TheoryData<string, string> Planted => new()
    {
        { "return (int)System.Math.Abs(x);", "error CS0234: The type or namespace name 'Math' does not exist in the namespace 'System'" },
        { "var list = new System.Collections.Generic.List<int>(); return list.Count + x;", "error CS0234: The type or namespace name 'Generic' does not exist in the namespace 'System.Collections'" },
        { "return System.Linq.Enumerable.Count(new[] { x });", "error CS0234: The type or namespace name 'Linq' does not exist in the namespace 'System'" },
    };

    [Fact]
    public void The_device_app_and_the_on_device_tests_build_against_the_genuine_mscorlib_only()
    {
        foreach (string project in new[] { "Device/ThermalMonitor.Device.Genuine.csproj", "DeviceTests/NFUnitTest.Genuine.csproj" })
        {
            (int exitCode, string log) = DotnetBuild(Path.Combine(GenuineDirectory, project));
            Assert.True(exitCode == 0, $"{project} did not build:\n{log}");
        }

        string bin = Path.Combine(GenuineDirectory, "Device", "bin", "Debug", "netstandard2.0");
        Assert.Equal(["ThermalMonitor.Core", "mscorlib", "nanoFramework.DeclarationStubs"], References(Path.Combine(bin, "ThermalMonitor.Device.dll")).Select(r => r.Name).Order(StringComparer.Ordinal));
        AssemblyReferenceInfo mscorlib = Assert.Single(References(Path.Combine(bin, "ThermalMonitor.Core.dll")));
        Assert.Equal("mscorlib", mscorlib.Name);
        Assert.Equal(new Version(1, 17, 11, 0), mscorlib.Version);
        Assert.Equal(NanoPublicKeyToken, mscorlib.PublicKeyToken);
    }

    [Theory]
    [MemberData(nameof(Planted))]
    public void What_nanoFramework_lacks_fails_the_build_with_the_compiler_s_own_error(string body, string expectedError)
    {
        string scratch = Directory.CreateTempSubdirectory("genuine-plant-").FullName;
        try
        {
            string planted = Path.Combine(scratch, "Planted.cs");
            File.WriteAllText(planted, "namespace ThermalMonitor.Core.Planted { public static class Planted { public static int Use(int x) { " + body + " } } }\n");
            (int exitCode, string log) = DotnetBuild(
                Path.Combine(GenuineDirectory, "Core", "ThermalMonitor.Core.Genuine.csproj"),
                $"-p:GenuinePlantedFile={planted}",
                $"-p:OutputPath={scratch}/bin/",
                $"-p:IntermediateOutputPath={scratch}/obj/");
            output.WriteLine(log);
            Assert.NotEqual(0, exitCode);
            Assert.Contains(expectedError, log, StringComparison.Ordinal);
            Assert.Contains("Planted.cs", log, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    /// <summary>The stubs only the genuine compile needs (types the gate takes from .NET) may narrow a package's API, never widen it.</summary>
    [Fact]
    public void The_genuine_only_stubs_compile_against_the_genuine_mscorlib_and_declare_only_listed_api()
    {
        string root = Path.Combine(RepositoryLayout.Instance.ApiListDirectory, "genuine-stubs");
        string[] packages = [.. Directory.EnumerateDirectories(root).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];
        Assert.Equal(["nanoFramework.System.Collections", "nanoFramework.System.IO.FileSystem", "nanoFramework.System.IO.Streams", "nanoFramework.System.Text"], packages);

        var trees = packages.SelectMany(package => Directory.EnumerateFiles(Path.Combine(root, package), "*.cs", SearchOption.AllDirectories).Select(path => (package, tree: CSharpSyntaxTree.ParseText(File.ReadAllText(path), new CSharpParseOptions(LanguageVersion.CSharp9, DocumentationMode.Parse), path)))).ToList();
        var compilation = CSharpCompilation.Create(
            "genuine-stubs",
            trees.Select(t => t.tree),
            [MetadataReference.CreateFromFile(NanoMscorlibPath)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));

        foreach ((string package, SyntaxTree tree) in trees)
        {
            var list = ApiLibrary.Default.Lists[package];
            var model = compilation.GetSemanticModel(tree);
            var unlisted = tree.GetRoot().DescendantNodes()
                .Select(node => model.GetDeclaredSymbol(node))
                .OfType<ISymbol>()
                .Where(symbol => symbol.DeclaredAccessibility is Accessibility.Public or Accessibility.Protected && symbol is not INamespaceSymbol && symbol is not IParameterSymbol)
                .Select(symbol => symbol.GetDocumentationCommentId())
                .OfType<string>()
                .Where(id => !list.Ids.Contains(id))
                .ToList();
            Assert.True(unlisted.Count == 0, $"genuine-stubs/{package} declares API the real package does not have:\n" + string.Join("\n", unlisted));
        }
    }

    private sealed record AssemblyReferenceInfo(string Name, Version Version, string PublicKeyToken);

    private static List<AssemblyReferenceInfo> References(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        MetadataReader reader = pe.GetMetadataReader();
        return [.. reader.AssemblyReferences.Select(handle =>
        {
            System.Reflection.Metadata.AssemblyReference reference = reader.GetAssemblyReference(handle);
            byte[] token = reader.GetBlobBytes(reference.PublicKeyOrToken);
            return new AssemblyReferenceInfo(reader.GetString(reference.Name), reference.Version, Convert.ToHexStringLower(token));
        })];
    }

    private static (int ExitCode, string Log) DotnetBuild(string project, params string[] properties)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in (string[])["build", project, "-nologo", "-nodeReuse:false", "-v:q", .. properties])
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        using Process process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout + stderr.Result);
    }
}
