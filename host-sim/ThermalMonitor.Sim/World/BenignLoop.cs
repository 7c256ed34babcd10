namespace ThermalMonitor.Sim;

/// <summary>
/// The benign base loop of the ablation set: what a world case uses for every phenomenon it does not
/// switch on. It is the default <see cref="Scenario"/> — the loop the detector was first validated
/// on (44 L, 250 kPa, 3 L of gas, β = 0, 18/8 °C, 12 min, default pump ripple) — with the ideal
/// logger (<see cref="LoggerSettings"/> defaults: 10 Hz rows without noise).
/// </summary>
public static class BenignLoop
{
    /// <summary>The base scenario (a default <see cref="Scenario"/>).</summary>
    public static Scenario Scenario { get; } = new();

    /// <summary>The base logger (default <see cref="LoggerSettings"/>).</summary>
    public static LoggerSettings Logger { get; } = new();

    /// <summary>Half the sun–eclipse difference of the base orbit, °C.</summary>
    public static double OrbitAmplitudeC => (Scenario.Orbit.SunTempC - Scenario.Orbit.EclipseTempC) / 2.0;

    /// <summary>Mean of the base orbit's equilibria, °C.</summary>
    public static double MeanTempC => (Scenario.Orbit.SunTempC + Scenario.Orbit.EclipseTempC) / 2.0;
}
