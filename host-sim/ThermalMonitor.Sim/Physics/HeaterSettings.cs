namespace ThermalMonitor.Sim;

/// <summary>
/// Steps of the loop's equilibrium temperatures that are not orbital: heaters switching, set-point
/// changes of a temperature-control valve, a radiator bypass opening. The loop temperature follows a
/// step through the loop's thermal lag (<see cref="OrbitSettings.ThermalTimeConstantMin"/>), and the
/// pressure follows the temperature. Default none: the loop's equilibria are the orbit's alone.
/// </summary>
public sealed record HeaterSettings
{
    /// <summary>Steps in time order. Default none.</summary>
    public IReadOnlyList<HeaterStep> Steps { get; init; } = [];

    /// <summary>Offset of the equilibria in force at <paramref name="timeS"/> (0 before the first step).</summary>
    public double OffsetCAt(double timeS)
    {
        // Indexed, not foreach: an interface enumerator would allocate on every physics step.
        double offsetC = 0.0;
        for (int i = 0; i < Steps.Count && Steps[i].TimeS <= timeS; i++)
        {
            offsetC = Steps[i].OffsetC;
        }

        return offsetC;
    }

    /// <summary>Largest offset above the orbital equilibria the steps reach (0 without steps).</summary>
    public double MaxOffsetC => Steps.Count == 0 ? 0.0 : Math.Max(0.0, Steps.Max(s => s.OffsetC));

    /// <summary>Largest offset below the orbital equilibria the steps reach, as a positive number (0 without steps).</summary>
    public double MaxNegativeOffsetC => Steps.Count == 0 ? 0.0 : Math.Max(0.0, -Steps.Min(s => s.OffsetC));
}
