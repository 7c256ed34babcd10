using ThermalMonitor.Compatibility.Tests.Gate;

namespace ThermalMonitor.Compatibility.Tests;

/// <summary>The firmware projects the gate checks, and the ones found on disk.</summary>
public static class GatedProjects
{
    /// <summary>
    /// One line per firmware project: its path under firmware/ and whether it may use floating
    /// point. FirmwareProjectTests fails when a .nfproj under firmware/ is missing here.
    /// </summary>
    private static readonly (string Project, Arithmetic Arithmetic)[] Registered =
    [
        ("ThermalMonitor.Core/ThermalMonitor.Core.nfproj", Arithmetic.IntegerOnly),
        ("ThermalMonitor.Device/ThermalMonitor.Device.nfproj", Arithmetic.IntegerOnly),
        ("ThermalMonitor.Device.Tests/NFUnitTest.nfproj", Arithmetic.IntegerOnly),
    ];

    public static TheoryData<string, Arithmetic> All
    {
        get
        {
            var data = new TheoryData<string, Arithmetic>();
            foreach (var (project, arithmetic) in Registered)
            {
                data.Add(project, arithmetic);
            }

            return data;
        }
    }

    /// <summary>Every .nfproj under firmware/, discovered by glob: the consistency rules cover new projects unasked.</summary>
    public static TheoryData<string> OnDisk => new(FoundOnDisk());

    public static IReadOnlyList<string> RegisteredProjects => [.. Registered.Select(entry => entry.Project)];

    public static IReadOnlyList<string> FoundOnDisk() =>
    [
        .. RepositoryLayout.Instance.FindNfprojFiles()
            .Select(path => Path.GetRelativePath(RepositoryLayout.Instance.FirmwareDirectory, path).Replace('\\', '/')),
    ];
}
