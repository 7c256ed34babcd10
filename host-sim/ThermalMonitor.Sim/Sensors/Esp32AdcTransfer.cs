namespace ThermalMonitor.Sim;

/// <summary>
/// Nominal transfer of the classic ESP32 ADC at 12 dB (IDF v4 "11 dB") attenuation, raw 12-bit
/// readings: piecewise linear through the knots (175 counts, 150 mV), (2900, 2450 mV), (4095,
/// 3150 mV) — linear over the documented 150–2450 mV window, flatter above ≈ 2900 counts where the top
/// is compressed (docs/physics.md §4.3). Outside the knots both segments are extended; callers clamp counts
/// to 0…4095.
/// </summary>
public static class Esp32AdcTransfer
{
    /// <summary>Largest raw reading.</summary>
    public const int MaxCounts = 4095;

    private const double LowKnotCounts = 175.0;
    private const double LowKnotMicrovolts = 150_000.0;
    private const double MidKnotCounts = 2900.0;
    private const double MidKnotMicrovolts = 2_450_000.0;
    private const double HighKnotCounts = 4095.0;
    private const double HighKnotMicrovolts = 3_150_000.0;

    private const double LowSpanCounts = MidKnotCounts - LowKnotCounts;             // 2725
    private const double LowSpanMicrovolts = MidKnotMicrovolts - LowKnotMicrovolts; // 2 300 000
    private const double HighSpanCounts = HighKnotCounts - MidKnotCounts;           // 1195
    private const double HighSpanMicrovolts = HighKnotMicrovolts - MidKnotMicrovolts; // 700 000

    /// <summary>
    /// Pin voltage a raw reading stands for: µV = 150 000 + (c − 175)·2 300 000/2725 up to 2900 counts.
    /// </summary>
    public static double CountsToMicrovolts(double counts) => counts <= MidKnotCounts
        ? LowKnotMicrovolts + ((counts - LowKnotCounts) * LowSpanMicrovolts / LowSpanCounts)
        : MidKnotMicrovolts + ((counts - MidKnotCounts) * HighSpanMicrovolts / HighSpanCounts);

    /// <summary>
    /// Inverse of <see cref="CountsToMicrovolts"/>: the (unquantised, unclamped) reading of a pin voltage.
    /// </summary>
    public static double MicrovoltsToCounts(double microvolts) => microvolts <= MidKnotMicrovolts
        ? LowKnotCounts + ((microvolts - LowKnotMicrovolts) * LowSpanCounts / LowSpanMicrovolts)
        : MidKnotCounts + ((microvolts - MidKnotMicrovolts) * HighSpanCounts / HighSpanMicrovolts);
}
