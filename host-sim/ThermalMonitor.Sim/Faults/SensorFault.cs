namespace ThermalMonitor.Sim;

/// <summary>
/// An injected fault of kind <paramref name="Kind"/> on <paramref name="Channel"/> for output samples
/// with <paramref name="StartS"/> ≤ time &lt; <paramref name="EndS"/> (a glitch: only the first
/// sample at or after <paramref name="StartS"/>; its EndS equals StartS). See <see cref="FaultKind"/>
/// for the effect on the counts. Build with the factory methods.
/// </summary>
/// <param name="Channel">Faulted ADC input.</param>
/// <param name="Kind">What happens to the counts.</param>
/// <param name="StartS">Profile time the fault begins.</param>
/// <param name="EndS">Profile time the fault ends (exclusive).</param>
public sealed record SensorFault(SensorChannel Channel, FaultKind Kind, double StartS, double EndS)
{
    /// <summary>Noise σ multiplier of a <see cref="FaultKind.NoiseBurst"/>. Default 15 [E].</summary>
    public double NoiseMultiplier { get; init; } = 15.0;

    /// <summary>
    /// Pin voltage a <see cref="FaultKind.Glitch"/> sample reads. Default 0.7 V [E]: in band on every
    /// channel; on the pressure pin it reads as ≈ 113 kPa, a convincing sudden depressurisation.
    /// </summary>
    public double GlitchPinVolts { get; init; } = 0.7;

    /// <summary>Open circuit over [start, end).</summary>
    public static SensorFault Open(SensorChannel channel, double startS, double endS) =>
        new(channel, FaultKind.Open, startS, endS);

    /// <summary>Short to the opposite rail over [start, end).</summary>
    public static SensorFault Short(SensorChannel channel, double startS, double endS) =>
        new(channel, FaultKind.Short, startS, endS);

    /// <summary>Stuck reading over [start, end).</summary>
    public static SensorFault Stuck(SensorChannel channel, double startS, double endS) =>
        new(channel, FaultKind.Stuck, startS, endS);

    /// <summary>Noise σ × <paramref name="multiplier"/> over [start, end).</summary>
    public static SensorFault NoiseBurst(SensorChannel channel, double startS, double endS, double multiplier = 15.0) =>
        new(channel, FaultKind.NoiseBurst, startS, endS) { NoiseMultiplier = multiplier };

    /// <summary>
    /// One sample, the first at or after <paramref name="atS"/>, reads <paramref name="pinVolts"/>.
    /// </summary>
    public static SensorFault Glitch(SensorChannel channel, double atS, double pinVolts = 0.7) =>
        new(channel, FaultKind.Glitch, atS, atS) { GlitchPinVolts = pinVolts };
}
