namespace ThermalMonitor.Sim;

/// <summary>
/// From <paramref name="OnsetS"/> on, the loop has a hole of <paramref name="HoleDiameterMm"/>
/// (replacing any earlier step: a growing hole is a list of steps).
/// </summary>
/// <param name="OnsetS">Profile time at which the hole appears or changes size.</param>
/// <param name="HoleDiameterMm">Equivalent round-hole diameter; 0 seals the loop.</param>
public sealed record LeakStep(double OnsetS, double HoleDiameterMm);
