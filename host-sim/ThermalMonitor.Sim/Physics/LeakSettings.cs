namespace ThermalMonitor.Sim;

/// <summary>
/// The leak: a hole-size schedule and the orifice's discharge coefficient (docs/physics.md §3.1).
/// </summary>
public sealed record LeakSettings
{
    /// <summary>
    /// Discharge coefficient C_d. Default 0.61: sharp-edged orifice; a jagged hypervelocity puncture is
    /// 0.5–0.8, docs/physics.md §3.1 [E].
    /// </summary>
    public double DischargeCoefficient { get; init; } = 0.61;

    /// <summary>Hole-size steps in onset order. Default none (no leak).</summary>
    public IReadOnlyList<LeakStep> Steps { get; init; } = [];

    /// <summary>Hole diameter in force at <paramref name="timeS"/> (0 before the first step).</summary>
    public double HoleDiameterMmAt(double timeS)
    {
        // Indexed, not foreach: an interface enumerator would allocate on every physics step.
        double diameterMm = 0.0;
        for (int i = 0; i < Steps.Count && Steps[i].OnsetS <= timeS; i++)
        {
            diameterMm = Steps[i].HoleDiameterMm;
        }

        return diameterMm;
    }
}
