using ThermalMonitor.Targets;

namespace ThermalMonitor.Hil.Tests;

/// <summary>
/// Which targets the suite drives: THERMAL_TARGET as in docs/design.md §5 (sil, virtual,
/// serial:&lt;device&gt;[@&lt;baud&gt;]), or several separated by commas. Unset means "sil,virtual":
/// everything that needs no hardware, which is what `dotnet test` and CI run.
/// </summary>
public static class HilTargets
{
    public const string Variable = "THERMAL_TARGET";
    public const string Default = "sil,virtual";

    public static IReadOnlyList<string> Selected { get; } = Parse(Environment.GetEnvironmentVariable(Variable));

    /// <summary>Every selected target (theory data).</summary>
    public static TheoryData<string> All()
    {
        var data = new TheoryData<string>();
        foreach (string target in Selected)
        {
            data.Add(target);
        }

        return data;
    }

    /// <summary>
    /// Selected targets behind a real device path (a relay can sit in front of them): virtual and
    /// serial. With only <c>sil</c> selected, a virtual board, so the tests that need a device path
    /// still run (xunit 2 fails a theory without data; it cannot skip one at run time).
    /// </summary>
    public static TheoryData<string> WithDevicePath()
    {
        var data = new TheoryData<string>();
        foreach (string target in Selected.Where(t => TargetSpec.Parse(t).Kind != TargetKind.Sil))
        {
            data.Add(target);
        }

        if (data.Count == 0)
        {
            data.Add(VirtualBoard);
        }

        return data;
    }

    /// <summary>
    /// For tests of the virtual board itself (its emulation of the ESP32's buffer, its settings
    /// files): they start one whatever <see cref="Variable"/> selects.
    /// </summary>
    public const string VirtualBoard = "virtual";

    private static IReadOnlyList<string> Parse(string? text)
    {
        string value = string.IsNullOrWhiteSpace(text) ? Default : text;
        var targets = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (string target in targets)
        {
            // Fails the whole run early with the parser's message if the variable is wrong.
            TargetSpec.Parse(target);
        }

        return targets;
    }
}
