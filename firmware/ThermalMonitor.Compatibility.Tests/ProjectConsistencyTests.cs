using ThermalMonitor.Compatibility.Tests.Gate;

namespace ThermalMonitor.Compatibility.Tests;

/// <summary>Rule (d) on a throwaway project in a temporary directory, one inconsistency at a time.</summary>
public sealed class ProjectConsistencyTests : IDisposable
{
    private const string CoreLibraryReference = """
        <Reference Include="mscorlib, Version=1.17.11.0, Culture=neutral, PublicKeyToken=c07d481e9758c731">
          <HintPath>$(NfCoreLibraryHintPath)</HintPath>
        </Reference>
        """;

    private const string CoreLibraryPackage = """<package id="nanoFramework.CoreLibrary" version="1.17.11" targetFramework="netnano1.0" />""";

    private readonly string root = Directory.CreateTempSubdirectory("nf-gate-").FullName;

    public ProjectConsistencyTests() => File.Copy(RepositoryLayout.Instance.NfprojPropsPath, Path.Combine(root, "nfproj.props"));

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void A_consistent_project_has_no_findings()
    {
        var findings = Check(["Properties\\AssemblyInfo.cs", "Detector.cs"], CoreLibraryReference, CoreLibraryPackage, files: ["Properties/AssemblyInfo.cs", "Detector.cs"]);

        Assert.True(findings.Count == 0, string.Join(Environment.NewLine, findings));
    }

    [Fact]
    public void A_source_file_missing_from_the_nfproj_is_named()
    {
        var findings = Check(["Detector.cs"], CoreLibraryReference, CoreLibraryPackage, files: ["Detector.cs", "Filters/Median.cs", "obj/Generated.cs"]);

        var finding = Assert.Single(findings);
        Assert.Equal((RuleIds.ProjectFiles, "firmware/Fake/Filters/Median.cs"), (finding.RuleId, finding.File));
    }

    [Fact]
    public void A_listed_file_missing_on_disk_is_named()
    {
        var findings = Check(["Detector.cs", "Gone.cs"], CoreLibraryReference, CoreLibraryPackage, files: ["Detector.cs"]);

        var finding = Assert.Single(findings);
        Assert.Equal((RuleIds.ProjectFiles, "Gone.cs"), (finding.RuleId, finding.SymbolId));
    }

    [Fact]
    public void A_package_version_differing_from_nfproj_props_is_reported()
    {
        var findings = Check([], CoreLibraryReference.Replace("1.17.11.0", "1.17.10.0", StringComparison.Ordinal), CoreLibraryPackage.Replace("1.17.11", "1.17.10", StringComparison.Ordinal));

        Assert.Contains(findings, f => f.RuleId == RuleIds.ProjectVersion && f.SymbolId == "nanoFramework.CoreLibrary");
    }

    [Fact]
    public void A_strong_name_version_differing_from_the_package_is_reported()
    {
        var findings = Check([], CoreLibraryReference.Replace("1.17.11.0", "1.16.0.0", StringComparison.Ordinal), CoreLibraryPackage);

        Assert.Equal(RuleIds.ProjectReference, Assert.Single(findings).RuleId);
    }

    [Fact]
    public void A_package_without_a_reference_is_reported()
    {
        var findings = Check([], "", CoreLibraryPackage);

        Assert.Equal((RuleIds.ProjectReference, "nanoFramework.CoreLibrary"), (Assert.Single(findings).RuleId, findings[0].SymbolId));
    }

    [Fact]
    public void A_reference_through_another_package_folder_is_reported()
    {
        var reference = """<Reference Include="mscorlib"><HintPath>..\..\packages\nanoFramework.CoreLibrary.1.15.5\lib\mscorlib.dll</HintPath></Reference>""";

        var findings = Check([], reference, CoreLibraryPackage);

        Assert.Contains(findings, f => f.RuleId == RuleIds.ProjectReference && f.Message.Contains("comes from no package", StringComparison.Ordinal));
    }

    [Fact]
    public void A_literal_hint_path_into_the_package_folder_is_accepted()
    {
        var reference = """<Reference Include="mscorlib"><HintPath>..\..\packages\nanoFramework.CoreLibrary.1.17.11\lib\mscorlib.dll</HintPath></Reference>""";

        Assert.Empty(Check([], reference, CoreLibraryPackage));
    }

    [Fact]
    public void A_package_without_an_API_list_and_an_undeclared_dependency_are_reported()
    {
        // Stopwatch (an optional package) has no list in this repository and depends on Runtime.Native.
        var stopwatch = """<package id="nanoFramework.System.Diagnostics.Stopwatch" version="1.2.862" targetFramework="netnano1.0" />""";
        var stopwatchReference = """<Reference Include="System.Diagnostics.Stopwatch"><HintPath>$(NfSystemDiagnosticsStopwatchHintPath)</HintPath></Reference>""";

        var findings = Check([], CoreLibraryReference + stopwatchReference, CoreLibraryPackage + stopwatch);

        Assert.Contains(findings, f => f.RuleId == RuleIds.ProjectApiList && f.SymbolId == "nanoFramework.System.Diagnostics.Stopwatch");
        Assert.Contains(findings, f => f.RuleId == RuleIds.ProjectPackages && f.SymbolId == "nanoFramework.Runtime.Native");
    }

    private IReadOnlyList<Finding> Check(string[] compileItems, string references, string packages, string[]? files = null)
    {
        var directory = Path.Combine(root, "firmware", "Fake");
        foreach (var file in files ?? [])
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(directory, file))!);
            File.WriteAllText(Path.Combine(directory, file), "");
        }

        Directory.CreateDirectory(directory);
        var projectPath = Path.Combine(directory, "Fake.nfproj");
        File.WriteAllText(projectPath, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <Project ToolsVersion="Current" xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
              <Import Project="..\..\nfproj.props" />
              <ItemGroup>
                {string.Concat(compileItems.Select(item => $"<Compile Include=\"{item}\" />"))}
              </ItemGroup>
              <ItemGroup>
                {references}
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(directory, "packages.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <packages>
              {packages}
            </packages>
            """);

        var layout = new RepositoryLayout(root);
        return new ProjectConsistencyChecker(layout, NfprojProps.Load(layout.NfprojPropsPath), ApiLibrary.Default).Check(FirmwareProject.Load(projectPath));
    }
}
