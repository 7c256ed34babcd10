using ThermalMonitor.Compatibility.Tests.Gate;

namespace ThermalMonitor.Compatibility.Tests;

/// <summary>The gate on the real firmware projects.</summary>
public class FirmwareProjectTests
{
    private static readonly RepositoryLayout Layout = RepositoryLayout.Instance;

    [Theory]
    [MemberData(nameof(GatedProjects.All), MemberType = typeof(GatedProjects))]
    public void Project_compiles_at_CSharp_9_and_uses_only_listed_API_and_allowed_features(string project, Arithmetic arithmetic)
    {
        var result = Check(project, arithmetic);

        Assert.True(result.Passed, $"{project}: {result.Describe()}");
    }

    [Theory]
    [MemberData(nameof(GatedProjects.OnDisk), MemberType = typeof(GatedProjects))]
    public void Project_files_agree_with_the_disk_nfproj_props_and_the_API_lists(string project)
    {
        var checker = new ProjectConsistencyChecker(Layout, NfprojProps.Load(Layout.NfprojPropsPath), ApiLibrary.Default);

        var findings = checker.Check(FirmwareProject.Load(Path.Combine(Layout.FirmwareDirectory, project)));

        Assert.True(findings.Count == 0, $"{project}: {findings.Count} finding(s):{Environment.NewLine}{string.Join(Environment.NewLine, findings)}");
    }

    [Fact]
    public void The_portable_core_declares_the_core_library_only()
    {
        // docs/design.md §3: the core must run on a bare nanoCLR, so mscorlib is its only dependency.
        var core = FirmwareProject.Load(Path.Combine(Layout.FirmwareDirectory, "ThermalMonitor.Core/ThermalMonitor.Core.nfproj"));

        Assert.Equal(["nanoFramework.CoreLibrary"], core.Packages.Select(package => package.Id));
    }

    [Fact]
    public void Every_nfproj_under_firmware_is_gated()
    {
        var ungated = GatedProjects.FoundOnDisk().Except(GatedProjects.RegisteredProjects, StringComparer.Ordinal).ToList();

        Assert.True(ungated.Count == 0, $"add these projects to GatedProjects.All: {string.Join(", ", ungated)}");
    }

    [Theory]
    [MemberData(nameof(GatedProjects.All), MemberType = typeof(GatedProjects))]
    public void Api_usage_file_lists_exactly_the_API_the_project_uses(string project, Arithmetic arithmetic)
    {
        var projectPath = Path.Combine(Layout.FirmwareDirectory, project);
        var usagePath = ApiUsageFile.PathFor(Layout, Path.GetFileNameWithoutExtension(project));
        var used = Check(project, arithmetic).UsedApiIds;
        if (ApiUsageFile.UpdateRequested)
        {
            Directory.CreateDirectory(Layout.UsageDirectory);
            File.WriteAllText(usagePath, ApiUsageFile.Render(Layout.RelativePath(projectPath), used));
            return;
        }

        var recorded = ApiUsageFile.ReadIds(usagePath);
        var added = used.Except(recorded, StringComparer.Ordinal).ToList();
        var removed = recorded.Except(used, StringComparer.Ordinal).ToList();
        var upToDate = File.Exists(usagePath)
            && File.ReadAllText(usagePath).ReplaceLineEndings("\n") == ApiUsageFile.Render(Layout.RelativePath(projectPath), used);
        Assert.True(
            upToDate,
            $"{Layout.RelativePath(usagePath)} is out of date (newly used: {Show(added)}; no longer used: {Show(removed)}). "
            + $"Review the change, then regenerate it with: {ApiUsageFile.UpdateVariable}=1 dotnet test ThermalMonitor.sln");
    }

    private static GateResult Check(string project, Arithmetic arithmetic) =>
        CompatibilityGate.CheckProject(Path.Combine(Layout.FirmwareDirectory, project), arithmetic, ApiLibrary.Default, Layout);

    private static string Show(IReadOnlyCollection<string> ids) => ids.Count == 0 ? "none" : string.Join(", ", ids);
}
