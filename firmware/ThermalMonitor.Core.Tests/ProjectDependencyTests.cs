using ThermalMonitor.Core.Monitoring;

namespace ThermalMonitor.Core.Tests;

/// <summary>
/// The core's tests see only the core, its double-precision reference and the stimulus (profile →
/// raw samples, with the simulator and profile formats beneath it): nothing of the host's end of
/// the protocol, the targets or scoring, so a test here cannot pass by way of host code.
/// The link's wire tests live in host-sim/ThermalMonitor.Link.Tests.
/// </summary>
public class ProjectDependencyTests
{
    private static readonly string[] Allowed =
    [
        "ThermalMonitor.Core", "ThermalMonitor.Core.Reference", "ThermalMonitor.Stimulus", "ThermalMonitor.Sim", "ThermalMonitor.Profiles",
    ];

    [Fact]
    public void The_core_tests_reference_only_the_core_the_reference_and_the_stimulus()
    {
        string[] ours = typeof(ProjectDependencyTests).Assembly.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(name => name.StartsWith("ThermalMonitor.", StringComparison.Ordinal))
            .ToArray();

        Assert.Contains(typeof(LeakMonitor).Assembly.GetName().Name, ours);
        Assert.Empty(ours.Except(Allowed));
    }
}
