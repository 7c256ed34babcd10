using System;
using System.Collections.Generic;
using System.Linq;

namespace ThermalMonitor.Device.Tests.Bridge.Runner;

public enum DeviceTestOutcome
{
    Passed,
    Failed,

    /// <summary>Threw exactly <c>SkipTestException</c> (<c>Assert.SkipTest</c>).</summary>
    Skipped,

    /// <summary>Never invoked: a [Setup] of its class was skipped, which ends the class on the device too.</summary>
    NotRun,
}

/// <summary>How one <see cref="DeviceTestCase"/> ended, with the line the launcher would have printed.</summary>
public sealed record DeviceTestResult(DeviceTestCase Case, DeviceTestOutcome Outcome, Exception Exception, long ElapsedTicks, string LauncherLine)
{
    public string Message => Exception?.Message;
}

/// <summary>Everything one launcher run did, in order.</summary>
public sealed class DeviceTestRun(IReadOnlyList<DeviceTestResult> results)
{
    private readonly Dictionary<string, DeviceTestResult> byName = results.ToDictionary(result => result.Case.Name, StringComparer.Ordinal);

    public IReadOnlyList<DeviceTestResult> Results { get; } = results;

    /// <summary>The launcher's console output ("Test passed,..." / "Test failed,..." / "Test skipped,...").</summary>
    public IEnumerable<string> ConsoleLines => Results.Where(r => r.LauncherLine != null).Select(r => r.LauncherLine);

    public DeviceTestResult Find(string name) => byName.TryGetValue(name, out DeviceTestResult result) ? result : null;
}
