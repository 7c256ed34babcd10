namespace ThermalMonitor.Sim;

/// <summary>
/// From <paramref name="TimeS"/> on, the loop's sun and eclipse equilibrium temperatures sit
/// <paramref name="OffsetC"/> above their orbital values (replacing any earlier step; 0 returns to
/// them): a heater switched, a radiator bypass or a temperature set-point changed.
/// </summary>
/// <param name="TimeS">Profile time of the step.</param>
/// <param name="OffsetC">Offset of both equilibria from then on, °C (negative = colder).</param>
public sealed record HeaterStep(double TimeS, double OffsetC);
