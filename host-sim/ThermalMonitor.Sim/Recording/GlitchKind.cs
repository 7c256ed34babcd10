namespace ThermalMonitor.Sim;

/// <summary>
/// What a single-row glitch of a data logger writes instead of the reading (<see cref="LoggerGlitch"/>).
/// The value itself is drawn by whoever schedules the glitch; this names where it lies.
/// </summary>
/// <remarks>
/// Empty or non-numeric cells (a logger that writes "NaN" or nothing) are a further kind to add here
/// once profiles can carry them: one more member, whose <see cref="LoggerGlitch.Value"/> is
/// <see cref="double.NaN"/>, and the world sampler's list of kinds to draw from.
/// </remarks>
public enum GlitchKind
{
    /// <summary>A wrong value inside the channel's physical range (a bit error, a crossed reading).</summary>
    InRange,

    /// <summary>Below what the quantity can be: an absolute pressure below vacuum, a temperature below the sensor's range.</summary>
    BelowRange,

    /// <summary>Beyond the transducer's full scale or the sensor's range.</summary>
    AboveRange,
}
