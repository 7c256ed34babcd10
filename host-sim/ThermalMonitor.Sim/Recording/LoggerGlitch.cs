namespace ThermalMonitor.Sim;

/// <summary>
/// A single-row glitch: the first row a <see cref="DataLogger"/> writes at or after
/// <paramref name="TimeS"/> holds <paramref name="Value"/> in <paramref name="Channel"/> instead of the
/// reading (then quantized like any reading).
/// </summary>
/// <param name="TimeS">Recording time at or after which the next row is hit.</param>
/// <param name="Channel">Which column.</param>
/// <param name="Kind">Where the value lies relative to the channel's range.</param>
/// <param name="Value">The value written (kPa or °C).</param>
public sealed record LoggerGlitch(double TimeS, LoggerChannel Channel, GlitchKind Kind, double Value);
