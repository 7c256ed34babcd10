using System;
using System.Reflection;
using System.Threading;
using ThermalMonitor.Device.Tests.Bridge.Runner;
using Xunit;
using Xunit.Abstractions;

namespace ThermalMonitor.Device.Tests.Bridge;

/// <summary>
/// The on-device unit tests, run on the host: one xunit case per device test method and per data
/// row (plus one per [Setup]/[Cleanup], so a failing one is visible). The whole device suite runs
/// once, the first time a case needs it, exactly in the launcher's order (static state flows from
/// [Setup] through the tests to [Cleanup] as on the board); each case then reports its own outcome.
/// A device test skipped with Assert.SkipTest passes here with "SKIPPED" in its output (xunit 2
/// cannot skip a case at run time).
/// </summary>
public sealed class DeviceTests(ITestOutputHelper output)
{
    private static readonly Lazy<DeviceTestRun> SuiteRun = new(() => UnitTestLauncher.Run(DeviceAssembly), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>This assembly: the device test files are compiled into it (the device's NFUnitTest).</summary>
    public static Assembly DeviceAssembly => typeof(DeviceTests).Assembly;

    public static DeviceTestRun Run => SuiteRun.Value;

    public static TheoryData<DeviceCaseName> Cases
    {
        get
        {
            var cases = new TheoryData<DeviceCaseName>();
            foreach (DeviceTestCase testCase in UnitTestLauncher.Discover(DeviceAssembly))
            {
                cases.Add(new DeviceCaseName(testCase.Name));
            }

            return cases;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Device_test(DeviceCaseName device)
    {
        string name = device.Name;
        DeviceTestResult result = Run.Find(name);
        Assert.True(result != null, $"{name}: discovered but not in the launcher's run");
        switch (result.Outcome)
        {
            case DeviceTestOutcome.Passed:
                output.WriteLine(result.LauncherLine);
                break;
            case DeviceTestOutcome.Skipped:
                output.WriteLine($"SKIPPED on the device's terms: {result.Message}");
                output.WriteLine(result.LauncherLine);
                break;
            case DeviceTestOutcome.NotRun:
                output.WriteLine($"SKIPPED: never run, a [Setup] of {result.Case.TestClass.Name} was skipped");
                break;
            default:
                Assert.Fail($"{result.LauncherLine}\n{result.Exception}");
                break;
        }
    }
}
