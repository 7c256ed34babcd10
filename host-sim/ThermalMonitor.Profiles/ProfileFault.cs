namespace ThermalMonitor.Profiles;

/// <summary>
/// An injected sensor fault recorded in a profile row (Profile CSV v1 columns <c>fault_pressure</c>,
/// <c>fault_temp</c>, <c>fault_supply</c>). A fault other than <see cref="Glitch"/> holds from the row
/// that names it until the first row with a different value; a glitch marks exactly one sample, the
/// row's own. The replay source turns these into <see cref="ThermalMonitor.Sim.SensorFault"/> windows.
/// </summary>
public enum ProfileFault
{
    /// <summary>No fault (an empty cell).</summary>
    None,

    /// <summary>Open circuit (<c>open</c>): <see cref="ThermalMonitor.Sim.FaultKind.Open"/>.</summary>
    Open,

    /// <summary>Short to the opposite rail (<c>short</c>): <see cref="ThermalMonitor.Sim.FaultKind.Short"/>.</summary>
    Short,

    /// <summary>Stuck converter (<c>stuck</c>): <see cref="ThermalMonitor.Sim.FaultKind.Stuck"/>.</summary>
    Stuck,

    /// <summary>
    /// Noise burst (<c>noise</c>): <see cref="ThermalMonitor.Sim.FaultKind.NoiseBurst"/> with the default
    /// multiplier (σ × 15).
    /// </summary>
    Noise,

    /// <summary>
    /// One wrong in-band sample (<c>glitch</c>): <see cref="ThermalMonitor.Sim.FaultKind.Glitch"/> at the
    /// row's time, with the default pin voltage (0.7 V).
    /// </summary>
    Glitch,
}
