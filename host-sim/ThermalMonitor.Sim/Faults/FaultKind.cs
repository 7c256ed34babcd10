namespace ThermalMonitor.Sim;

/// <summary>
/// What an injected sensor fault does to a channel's counts. Unless stated, the board's gain/offset
/// error, noise, outliers, rounding and clamping apply as usual to the faulted pin voltage.
/// </summary>
public enum FaultKind
{
    /// <summary>
    /// Open circuit: the pin follows its bias resistor. Pressure and supply pins are pulled to 0 V by
    /// their divider's lower resistor and read ≈ 0 counts (noise above 0 only; the nominal transfer puts
    /// 0 V at −2.7 counts). The NTC node is pulled to the 3.3 V rail by the series resistor and reads
    /// 4095 (3.3 V is above the 3.15 V full-scale knot).
    /// </summary>
    Open,

    /// <summary>
    /// Short to the opposite rail: pressure and supply pins to the 3.3 V rail (4095 counts); the NTC node
    /// to ground (≈ 0 counts).
    /// </summary>
    Short,

    /// <summary>
    /// Stuck converter: every read of every sample in the window is the same count, the noise-free
    /// reading of the channel's true pin voltage at the first sample of the window. No noise, no outliers.
    /// </summary>
    Stuck,

    /// <summary>
    /// Noise burst: the noise σ is multiplied by <see cref="SensorFault.NoiseMultiplier"/> (default ×15).
    /// </summary>
    NoiseBurst,

    /// <summary>
    /// Glitch (2015 ISS false alarm, docs/physics.md §1.5): exactly one output sample, the first at or after
    /// the fault's start, reads the in-band pin voltage <see cref="SensorFault.GlitchPinVolts"/> (with
    /// normal noise) instead of the true one.
    /// </summary>
    Glitch,
}
