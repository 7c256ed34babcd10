namespace ThermalMonitor.Sim;

/// <summary>
/// Turns the physics stream (one <see cref="SimSample"/> per output period) into the rows a data
/// logger writes (<see cref="LoggerSettings"/>): every <see cref="LoggerSettings.PeriodMs"/> it reads
/// the pressure at the transducer and the temperature at the sensor at that instant, adds the pressure
/// drift and the sensors' noise (white plus a first-order coloured part on pressure, white on
/// temperature), replaces a reading by a scheduled glitch, rounds to the logger's steps and writes
/// a <see cref="LoggerRow"/>. Streaming and allocation-free per sample.
/// </summary>
/// <remarks>
/// Noise comes from one xoshiro256** stream seeded from the seed alone, and every row draws the same
/// three deviates (pressure white, pressure coloured, temperature) whatever the settings and values, so
/// a seed gives the same noise whether a component is switched on or not, and a leak (which changes
/// only the values) leaves the noise of the rows before it untouched.
/// </remarks>
public sealed class DataLogger
{
    private const double SecondsPerDay = 86_400.0;

    private readonly LoggerSettings settings;
    private readonly GaussianSource gaussian;
    private readonly FirstOrderNoise coloured;
    private readonly double whitePressureSigmaKpa;
    private readonly LoggerGlitch[] pressureGlitches;
    private readonly LoggerGlitch[] tempGlitches;
    private int nextPressureGlitch;
    private int nextTempGlitch;

    /// <summary>
    /// A logger reading a physics stream of period <paramref name="physicsPeriodMs"/>, its noise drawn
    /// from <paramref name="seed"/>.
    /// </summary>
    /// <exception cref="ArgumentException">A setting is out of range; the message names it.</exception>
    public DataLogger(LoggerSettings settings, int physicsPeriodMs, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate(physicsPeriodMs);
        this.settings = settings;
        Stride = settings.PeriodMs / physicsPeriodMs;
        gaussian = new GaussianSource(new Xoshiro256StarStar(new SplitMix64(seed)));
        double variance = settings.PressureNoiseKpa * settings.PressureNoiseKpa;
        whitePressureSigmaKpa = Math.Sqrt(variance * (1.0 - settings.PressureNoiseColouredFraction));
        coloured = new FirstOrderNoise(
            Math.Sqrt(variance * settings.PressureNoiseColouredFraction),
            settings.PressureNoiseTimeConstantS,
            settings.PeriodMs / 1000.0);
        pressureGlitches = [.. settings.Glitches.Where(g => g.Channel == LoggerChannel.Pressure).OrderBy(g => g.TimeS)];
        tempGlitches = [.. settings.Glitches.Where(g => g.Channel == LoggerChannel.Temperature).OrderBy(g => g.TimeS)];
    }

    /// <summary>Physics samples per row.</summary>
    public long Stride { get; }

    /// <summary>Glitches written so far (both channels).</summary>
    public int GlitchesWritten { get; private set; }

    /// <summary>
    /// Offers the next physics sample; true, with the row, when the logger writes one at its instant
    /// (sample indices 0, stride, 2·stride, …).
    /// </summary>
    public bool TryRecord(in SimSample sample, out LoggerRow row)
    {
        if (sample.Index % Stride != 0)
        {
            row = default;
            return false;
        }

        double whiteZ = gaussian.Next();
        double colouredZ = gaussian.Next();
        double tempZ = gaussian.Next();
        double pressureKpa = sample.PressureKpa
            + (settings.PressureDriftKpaPerDay * sample.TimeS / SecondsPerDay)
            + (whitePressureSigmaKpa * whiteZ)
            + coloured.Next(colouredZ);
        double tempC = sample.TempC + (settings.TempNoiseC * tempZ);
        pressureKpa = Glitch(pressureGlitches, ref nextPressureGlitch, sample.TimeS, pressureKpa);
        tempC = Glitch(tempGlitches, ref nextTempGlitch, sample.TimeS, tempC);
        row = new LoggerRow(sample.TimeS, Quantize(pressureKpa, settings.PressureStepKpa), Quantize(tempC, settings.TempStepC));
        return true;
    }

    /// <summary>Rounds <paramref name="value"/> to the nearest multiple of <paramref name="step"/> (none for 0).</summary>
    public static double Quantize(double value, double step) =>
        step > 0.0 ? Math.Round(value / step, MidpointRounding.AwayFromZero) * step : value;

    // Every glitch due by now hits this row (several due at once: the last one's value stands).
    private double Glitch(LoggerGlitch[] glitches, ref int next, double timeS, double value)
    {
        while (next < glitches.Length && glitches[next].TimeS <= timeS)
        {
            value = glitches[next++].Value;
            GlitchesWritten++;
        }

        return value;
    }
}
