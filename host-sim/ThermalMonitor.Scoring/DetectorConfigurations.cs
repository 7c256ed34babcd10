using ThermalMonitor.Core.Config;

namespace ThermalMonitor.Scoring;

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
        V2 => "today's defaults: noise and its correlation learned on the loop, a bank of five CUSUMs on 1 s blocks with a growth check, a thermal model with a sensor-lag and a gas-curvature term, limits 40/70 kPa",
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

    /// <summary>
    /// The parameter values of the detector before issue 9 wherever today's defaults differ; with
    /// them the code computes exactly what that detector computed (a test holds the library's alarms
    /// to the ones it raised).
    /// </summary>
    private static MonitorConfig Legacy()
    {
        var config = new MonitorConfig();
        config.Set(ParamId.PressureLiveMinPpm, 50000);
        config.Set(ParamId.PressureLiveMaxPpm, 950000);
        config.Set(ParamId.RedLowPa, 120000);
        config.Set(ParamId.YellowLowPa, 180000);
        config.Set(ParamId.ModelTimeConstantS, 7200);
        config.Set(ParamId.ResidualSigmaPa, 400);
        config.Set(ParamId.CusumShiftPa, 800);
        config.Set(ParamId.CusumClipPa, 1600);
        config.Set(ParamId.CusumPersistMs, 5000);
        config.Set(ParamId.DecisionBlockMs, 100);
        config.Set(ParamId.NoiseAdaptive, 0);
        config.Set(ParamId.CusumBankSize, 1);
        config.Set(ParamId.CusumGrowthCheck, 0);
        config.Set(ParamId.TempFilterS, 0);
        config.Set(ParamId.ModelTerms, 1);
        config.Set(ParamId.RateCompensated, 0);
        return config;
    }
}
