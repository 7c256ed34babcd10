namespace ThermalMonitor.Sim;

/// <summary>
/// The loop's pressure for a given inventory and temperature, with the regime that set it.
/// </summary>
/// <param name="PressureKpa">Absolute loop pressure at the accumulator.</param>
/// <param name="Phase">Regime that set the pressure.</param>
/// <param name="StiffnessKpaPerLiter">
/// |dP/dV| with respect to the liquid volume: how fast the pressure moves per litre lost. The
/// integrator sizes its sub-steps from it.
/// </param>
public readonly record struct HydraulicState(double PressureKpa, LoopPhase Phase, double StiffnessKpaPerLiter);
