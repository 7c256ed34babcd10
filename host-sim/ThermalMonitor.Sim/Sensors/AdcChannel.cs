namespace ThermalMonitor.Sim;

/// <summary>
/// One ADC input of one board (<see cref="AdcSettings"/>) with its own random stream. A read of pin
/// voltage V is: c = nominal⁻¹(V·(1 + gain/100) + offset) + σ·k·z [+ outlier], rounded half up and
/// clamped to 0…4095, where z ~ N(0, 1), k is the noise multiplier (1 unless a noise-burst fault is
/// active) and an outlier, with the configured probability, adds ±U[min, max) LSB.
/// </summary>
/// <remarks>
/// Every burst draws the same random numbers whatever the pin voltage or multiplier: two 64-bit values
/// per read in one block (the normal deviate's first draw, the outlier test), then, read by read, any
/// extra draws of ziggurat rejections and of outlier magnitudes — which depend only on the stream. A
/// fault therefore changes only the samples it covers: before and after it the counts equal those of
/// the fault-free run with the same seed.
/// </remarks>
public sealed class AdcChannel
{
    private readonly Xoshiro256StarStar random;
    private readonly GaussianSource gaussian;
    private readonly double gainFactor;
    private readonly double offsetVolts;
    private readonly double noiseSigmaLsb;
    private readonly ulong outlierThreshold;
    private readonly double outlierMinLsb;
    private readonly double outlierSpanLsb;
    private ulong[] randomBits = [];

    private const double UnitScale = 1.0 / (1UL << 53);

    /// <summary>
    /// Reads with <paramref name="settings"/>, drawing from <paramref name="random"/> only.
    /// </summary>
    public AdcChannel(AdcSettings settings, Xoshiro256StarStar random)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(random);
        this.random = random;
        gaussian = new GaussianSource(random);
        gainFactor = 1.0 + (settings.GainErrorPercent / 100.0);
        offsetVolts = settings.OffsetErrorMv / 1000.0;
        noiseSigmaLsb = settings.NoiseSigmaLsb;
        outlierThreshold = ProbabilityToThreshold(settings.OutlierProbability);
        outlierMinLsb = settings.OutlierMinLsb;
        outlierSpanLsb = settings.OutlierMaxLsb - settings.OutlierMinLsb;
    }

    /// <summary>This board's noise-free, unquantised reading of <paramref name="pinVolts"/>.</summary>
    public double IdealCounts(double pinVolts) =>
        Esp32AdcTransfer.MicrovoltsToCounts(((pinVolts * gainFactor) + offsetVolts) * 1e6);

    /// <summary>Rounds half up and clamps to the 12-bit range.</summary>
    public static int Quantise(double counts) =>
        (int)Math.Clamp(Math.Floor(counts + 0.5), 0.0, Esp32AdcTransfer.MaxCounts);

    /// <summary>
    /// Fills <paramref name="counts"/> with reads of a pin held at <paramref name="pinVolts"/>.
    /// </summary>
    public void ReadBurst(double pinVolts, double noiseMultiplier, Span<int> counts)
    {
        // Two 64-bit draws per read, taken in bulk: the noise's first draw and the outlier test.
        if (randomBits.Length < 2 * counts.Length)
        {
            randomBits = new ulong[2 * counts.Length];
        }

        Span<ulong> bits = randomBits.AsSpan(0, 2 * counts.Length);
        random.Fill(bits);
        double idealCounts = IdealCounts(pinVolts);
        double sigmaLsb = noiseSigmaLsb * noiseMultiplier;
        for (int i = 0; i < counts.Length; i++)
        {
            double reading = idealCounts + (sigmaLsb * gaussian.Next(bits[2 * i]));
            if (bits[(2 * i) + 1] < outlierThreshold)
            {
                reading += OutlierLsb();
            }

            counts[i] = Quantise(reading);
        }
    }

    // One 64-bit draw: the top bit is the sign, the next 53 bits the magnitude's position in [min, max).
    private double OutlierLsb()
    {
        ulong bits = random.NextUInt64();
        double position = (long)((bits & (ulong.MaxValue >> 1)) >> 10) * UnitScale;
        double magnitudeLsb = outlierMinLsb + (outlierSpanLsb * position);
        return (bits >> 63) == 0 ? magnitudeLsb : -magnitudeLsb;
    }

    // Integer compare against p·2⁶⁴ is exact enough (2⁻⁶⁴ resolution) and costs no conversion per read.
    private static ulong ProbabilityToThreshold(double probability) =>
        probability >= 1.0 ? ulong.MaxValue : (ulong)(probability * 18446744073709551616.0);
}
