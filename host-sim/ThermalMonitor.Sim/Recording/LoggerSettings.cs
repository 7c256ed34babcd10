namespace ThermalMonitor.Sim;

/// <summary>
/// A data logger that records a loop as a real one does (<see cref="DataLogger"/>): it samples the
/// physical pressure at the transducer and the temperature at the sensor at its own period, adds
/// its sensors' noise and the pressure reading's offset drift, suffers the odd glitch, quantizes and
/// writes a row. The defaults are an ideal logger: a row every 100 ms holding the physics exactly,
/// which is what the profile generator has always recorded.
/// </summary>
public sealed record LoggerSettings
{
    /// <summary>
    /// Row period, ms; a whole multiple of the physics output period (the logger reads the physics
    /// at its instant). Default 100 ms (10 Hz).
    /// </summary>
    public int PeriodMs { get; init; } = 100;

    /// <summary>Standard deviation of the pressure reading's noise per row, kPa (white plus coloured parts). Default 0.</summary>
    public double PressureNoiseKpa { get; init; }

    /// <summary>
    /// Share of the pressure noise variance that is coloured: a first-order (AR(1)) process with time
    /// constant <see cref="PressureNoiseTimeConstantS"/>; the rest is white. Default 0.
    /// </summary>
    public double PressureNoiseColouredFraction { get; init; }

    /// <summary>Time constant of the coloured pressure noise, s. Default 1 s (irrelevant while the fraction is 0).</summary>
    public double PressureNoiseTimeConstantS { get; init; } = 1.0;

    /// <summary>Standard deviation of the temperature reading's white noise per row, °C. Default 0.</summary>
    public double TempNoiseC { get; init; }

    /// <summary>Quantization step of the written pressure, kPa; 0 = none (the default).</summary>
    public double PressureStepKpa { get; init; }

    /// <summary>Quantization step of the written temperature, °C; 0 = none (the default).</summary>
    public double TempStepC { get; init; }

    /// <summary>
    /// Offset drift of the pressure reading, kPa per day, from 0 at the recording's start (either
    /// sign). Default 0.
    /// </summary>
    public double PressureDriftKpaPerDay { get; init; }

    /// <summary>Single-row glitches, in any order. Default none.</summary>
    public IReadOnlyList<LoggerGlitch> Glitches { get; init; } = [];

    /// <summary>Checks every parameter against a physics stream of period <paramref name="physicsPeriodMs"/>.</summary>
    /// <exception cref="ArgumentException">A parameter is out of range; the message names it and its value.</exception>
    public void Validate(int physicsPeriodMs)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(physicsPeriodMs, 1);
        Require(
            PeriodMs >= physicsPeriodMs && PeriodMs % physicsPeriodMs == 0, nameof(PeriodMs), PeriodMs,
            $"must be a whole multiple of the physics period ({physicsPeriodMs} ms)");
        NonNegative(PressureNoiseKpa, nameof(PressureNoiseKpa));
        Require(
            PressureNoiseColouredFraction is >= 0.0 and <= 1.0, nameof(PressureNoiseColouredFraction),
            PressureNoiseColouredFraction, "must be in [0, 1]");
        Require(
            PressureNoiseTimeConstantS > 0.0 && double.IsFinite(PressureNoiseTimeConstantS),
            nameof(PressureNoiseTimeConstantS), PressureNoiseTimeConstantS, "must be positive and finite");
        NonNegative(TempNoiseC, nameof(TempNoiseC));
        NonNegative(PressureStepKpa, nameof(PressureStepKpa));
        NonNegative(TempStepC, nameof(TempStepC));
        Require(double.IsFinite(PressureDriftKpaPerDay), nameof(PressureDriftKpaPerDay), PressureDriftKpaPerDay, "must be finite");
        ArgumentNullException.ThrowIfNull(Glitches);
        for (int i = 0; i < Glitches.Count; i++)
        {
            NonNegative(Glitches[i].TimeS, $"Glitches[{i}].TimeS");
        }
    }

    private static void NonNegative(double value, string name) =>
        Require(value >= 0.0 && double.IsFinite(value), name, value, "must be ≥ 0 and finite");

    private static void Require(bool condition, string name, double value, string rule)
    {
        if (!condition)
        {
            throw new ArgumentException(
                $"Logger parameter {name} = {value.ToString("G6", System.Globalization.CultureInfo.InvariantCulture)} {rule}.");
        }
    }
}
