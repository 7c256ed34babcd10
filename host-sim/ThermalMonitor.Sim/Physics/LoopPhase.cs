namespace ThermalMonitor.Sim;

/// <summary>
/// Hydraulic regime of the loop (docs/physics.md §3.3, §3.6), derived from inventory and temperature.
/// </summary>
public enum LoopPhase
{
    /// <summary>Liquid-full; the gas-charged accumulator sets the pressure by P·V_gⁿ = const.</summary>
    AccumulatorSupported,

    /// <summary>
    /// The accumulator bellows is on its stop and the loop is still liquid-full: the liquid's bulk
    /// modulus sets the pressure, which falls toward saturation within seconds.
    /// </summary>
    BellowsBottomed,

    /// <summary>
    /// Liquid and vapour together: the pressure sits at the vapour pressure plus a small residual head.
    /// </summary>
    Saturated,

    /// <summary>
    /// No liquid left: the remaining vapour vents through the hole toward a near-vacuum floor.
    /// </summary>
    Empty,
}
