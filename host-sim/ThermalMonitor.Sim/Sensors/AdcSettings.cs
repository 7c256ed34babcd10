namespace ThermalMonitor.Sim;

/// <summary>
/// One ESP32 board's ADC imperfections on top of the nominal 12 dB transfer
/// (<see cref="Esp32AdcTransfer"/>), docs/physics.md §4.3. The board reads a pin voltage V as the nominal
/// transfer would read V·(1 + gain/100) + offset, then adds noise and outliers and quantises.
/// </summary>
public sealed record AdcSettings
{
    /// <summary>
    /// Offset error. Default 0 mV, so a default board matches the nominal calibration exactly.
    /// </summary>
    public double OffsetErrorMv { get; init; }

    /// <summary>
    /// Gain error. Default 0 %; Vref spreads 1000–1200 mV chip to chip, docs/physics.md §4.3 [P].
    /// </summary>
    public double GainErrorPercent { get; init; }

    /// <summary>
    /// Standard deviation of the Gaussian noise on each read. Default 4 LSB: "σ_raw ≈ 3–8 LSB with a
    /// 100 nF cap and Wi-Fi off", docs/physics.md §4.3 [E].
    /// </summary>
    public double NoiseSigmaLsb { get; init; } = 4.0;

    /// <summary>
    /// Probability that a read is an outlier. Default 0.002 [E]: "occasional outliers of 20+ LSB",
    /// docs/physics.md §4.3.
    /// </summary>
    public double OutlierProbability { get; init; } = 0.002;

    /// <summary>Smallest outlier magnitude. Default 20 LSB, docs/physics.md §4.3 [E].</summary>
    public double OutlierMinLsb { get; init; } = 20.0;

    /// <summary>
    /// Largest outlier magnitude; magnitudes are uniform in [min, max), sign equally likely. Default 60 LSB
    /// [E].
    /// </summary>
    public double OutlierMaxLsb { get; init; } = 60.0;
}
