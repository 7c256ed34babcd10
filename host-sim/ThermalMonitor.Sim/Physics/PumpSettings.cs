namespace ThermalMonitor.Sim;

/// <summary>
/// What the circulation pump adds to the pressure at the transducer, which sits near the accumulator
/// at pump suction. None of it moves the accumulator or drives the leak. docs/physics.md §3.1 notes pump
/// head only in passing; all numbers here are [E].
/// </summary>
public sealed record PumpSettings
{
    /// <summary>Whether the pump runs at profile time 0. Default true.</summary>
    public bool InitiallyRunning { get; init; } = true;

    /// <summary>Amplitude of the pressure ripple while running. Default 0.3 kPa [E].</summary>
    public double RippleAmplitudeKpa { get; init; } = 0.3;

    /// <summary>
    /// Ripple frequency. Default 146.7 Hz (≈ 8 800 rpm, one pulse per turn) [E]. Sampled at the 10 Hz
    /// output rate it aliases to |f − k·10 Hz| = 3.3 Hz, a visible but harmless wobble. A multiple of the
    /// output rate would alias to 0 Hz, i.e. a fixed offset that changes with the phase at start: avoid it.
    /// </summary>
    public double RippleFrequencyHz { get; init; } = 146.7;

    /// <summary>
    /// Size of the switch transient: a dip of this much when the pump starts (suction pulled down while
    /// the flow accelerates), a surge of this much when it stops (the column decelerates into the
    /// suction). Default 2 kPa [E]: the transducer sits at the accumulator port, and the gas-charged
    /// accumulator (3 L at ~250 kPa, a compliance of ~1.2e-8 m³/Pa) absorbs the ~100 cm³/s flow
    /// change within a fraction of a second, so only the line inertia between port and pump inlet
    /// shows. Larger transients are a detector tuning case (cusumPersistMs), not the default loop.
    /// </summary>
    public double SwitchTransientKpa { get; init; } = 2.0;

    /// <summary>Time constant of the transient's exponential decay. Default 1 s [E] (same reasoning).</summary>
    public double SwitchTransientTimeConstantS { get; init; } = 1.0;

    /// <summary>
    /// Sustained pressure drop between the accumulator and the transducer while the pump runs (line
    /// loss toward the suction). Default 0.2 kPa [E]: the transducer sits at the accumulator port, so
    /// only a short stretch of line separates them. A pump switch is then a sustained step well below
    /// the leak statistic's reference (0.4 kPa); a transducer further down the suction line sees more,
    /// and the detector must be told (see firmware/ThermalMonitor.Core/Detection/README.md).
    /// </summary>
    public double RunningSuctionDropKpa { get; init; } = 0.2;

    /// <summary>Switches in time order. Default none.</summary>
    public IReadOnlyList<PumpSwitch> Switches { get; init; } = [];
}
