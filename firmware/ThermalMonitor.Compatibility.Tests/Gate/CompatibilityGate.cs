namespace ThermalMonitor.Compatibility.Tests.Gate;

/// <summary>
/// Rules (a)–(c) on one firmware project or on in-memory sample sources: compile at C# 9, resolve
/// every external reference against the API lists, apply the language rules. (Rule (d), the project
/// files' consistency, is <see cref="ProjectConsistencyChecker"/>.)
/// </summary>
internal static class CompatibilityGate
{
    public static GateResult CheckProject(string projectPath, Arithmetic arithmetic, ApiLibrary library, RepositoryLayout layout)
    {
        var project = FirmwareProject.Load(projectPath);
        var compilation = Compile(project, layout, PackageStubs.Default, new Dictionary<string, FirmwareCompilation>(StringComparer.Ordinal));
        return Check(compilation, library.SurfaceFor(project.Packages.Select(p => p.Id)), arithmetic);
    }

    /// <summary>Checks sources as a throwaway library project that declares <paramref name="packages"/>.</summary>
    public static GateResult CheckSources(IEnumerable<SourceFile> sources, IEnumerable<string> packages, Arithmetic arithmetic, ApiLibrary library) =>
        Check(FirmwareCompilation.Create("Sample", executable: false, sources, [], PackageStubs.Default.ReferencesFor(packages)), library.SurfaceFor(packages), arithmetic);

    private static GateResult Check(FirmwareCompilation compilation, ApiSurface surface, Arithmetic arithmetic)
    {
        var findings = new FindingList();
        findings.AddRange(compilation.CompileErrors());
        var apiChecker = new ApiUseChecker(surface, compilation);
        findings.AddRange(new ApiUseCollector(compilation).Collect().SelectMany(apiChecker.Check));
        findings.AddRange(new LanguageRuleChecker(compilation, arithmetic).Check());
        return new GateResult(findings.ToSortedList(), [.. apiChecker.UsedIds]);
    }

    // Referenced firmware projects are compiled first and referenced as compilations, so their
    // symbols count as firmware. Their own findings are reported when the gate checks them.
    // Compile items missing on disk are skipped here: ProjectConsistencyChecker reports them.
    // Packages without a .NET assembly (Adc, Gpio, Esp32, IO.Ports, Json, TestFramework) come in as
    // compiled declaration stubs, themselves verified against their lists (StubTests).
    private static FirmwareCompilation Compile(FirmwareProject project, RepositoryLayout layout, PackageStubs stubs, Dictionary<string, FirmwareCompilation> compiled)
    {
        var references = project.ProjectReferences
            .Select(reference => compiled.TryGetValue(reference.FullPath, out var done)
                ? done
                : compiled[reference.FullPath] = Compile(FirmwareProject.Load(reference.FullPath), layout, stubs, compiled))
            .ToList();
        var sources = project.CompileItems
            .Where(item => File.Exists(item.FullPath))
            .Select(item => new SourceFile(layout.RelativePath(item.FullPath), File.ReadAllText(item.FullPath)));
        return FirmwareCompilation.Create(project.AssemblyName, project.IsExecutable, sources, references, stubs.ReferencesFor(project.Packages.Select(p => p.Id)));
    }
}
