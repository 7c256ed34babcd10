using ThermalMonitor.Core.Config;

namespace ThermalMonitor.Replay;

/// <summary>
/// Named detector configurations the host tools can compare side by side. <c>v1</c> is the detector
/// as it shipped before issue 9 (its parameter defaults, kept so that campaigns can measure the new
/// detector against it in one run); <c>v2</c> is today's defaults.
/// </summary>
public static class DetectorConfigurations
{
    /// <summary>The detector before issue 9: fixed residual sigma, one CUSUM, raw temperature.</summary>
    public const string V1 = "v1";

    /// <summary>Today's defaults.</summary>
    public const string V2 = "v2";

    /// <summary>Every name <see cref="Create"/> knows, oldest first.</summary>
    public static IReadOnlyList<string> Names { get; } = [V1, V2];

    /// <summary>One line per name: what it is.</summary>
    public static string Describe(string name) => name switch
    {
        V1 => "the detector before issue 9: fixed residual sigma 400 Pa, one CUSUM tuned to 0.8 kPa, raw temperature, limits 120/180 kPa",
        V2 => "today's defaults",
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, $"unknown detector configuration '{name}'; known: {string.Join(", ", Names)}"),
    };

    /// <summary>A fresh configuration for <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The name is not one of <see cref="Names"/>.</exception>
    public static MonitorConfig Create(string name) => name switch
    {
        V1 => Legacy(),
        V2 => new MonitorConfig(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, $"unknown detector configuration '{name}'; known: {string.Join(", ", Names)}"),
    };

    private static MonitorConfig Legacy()
    {
        // Until the detector changes, the parent commit's defaults are today's.
        return new MonitorConfig();
    }
}
