namespace ThermalMonitor.Sim;

/// <summary>
/// Sizes a gas-charged accumulator for a thermal pressure swing, exactly for the polytropic gas law
/// of <see cref="LoopHydraulics"/>: the liquid at ±ΔT from the reference temperature moves the gas
/// volume by ∓ΔV = β·V_L·ΔT, so with x = ΔV / V_g the pressure spans
/// P_nom·[(1 − x)^−n − (1 + x)^−n] peak to peak (≈ 2n·x for small x).
/// </summary>
public static class AccumulatorSizing
{
    /// <summary>Largest gas compression share x the solver considers (the swing there is far beyond the world's).</summary>
    public const double MaxCompressionShare = 0.9;

    /// <summary>Peak-to-peak swing, as a fraction of nominal, for compression share <paramref name="x"/> and exponent <paramref name="n"/>.</summary>
    public static double SwingFraction(double x, double n) => Math.Pow(1.0 - x, -n) - Math.Pow(1.0 + x, -n);

    /// <summary>The compression share x whose swing is <paramref name="swingFraction"/> (bisection; the swing grows with x).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The swing is not positive or is beyond <see cref="MaxCompressionShare"/>'s.</exception>
    public static double CompressionShare(double swingFraction, double n)
    {
        if (!(swingFraction > 0.0) || swingFraction >= SwingFraction(MaxCompressionShare, n))
        {
            throw new ArgumentOutOfRangeException(nameof(swingFraction), swingFraction, "swing must be positive and below the solver's limit");
        }

        double low = 0.0;
        double high = MaxCompressionShare;
        for (int i = 0; i < 100 && high - low > 1e-15; i++)
        {
            double mid = 0.5 * (low + high);
            if (SwingFraction(mid, n) < swingFraction)
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
        }

        return 0.5 * (low + high);
    }

    /// <summary>
    /// Gas volume (L) for which <paramref name="inventoryLiters"/> of liquid with expansion
    /// <paramref name="expansionPerK"/> swinging ±<paramref name="halfSpanK"/> gives <paramref name="swingFraction"/> peak to peak.
    /// </summary>
    public static double GasLiters(double swingFraction, double n, double expansionPerK, double inventoryLiters, double halfSpanK) =>
        expansionPerK * inventoryLiters * halfSpanK / CompressionShare(swingFraction, n);

    /// <summary>Pressure (kPa) with the liquid <paramref name="aboveReferenceK"/> above the reference temperature (negative: below).</summary>
    public static double PressureKpa(
        double nominalKpa, double n, double gasLiters, double expansionPerK, double inventoryLiters, double aboveReferenceK) =>
        nominalKpa * Math.Pow(gasLiters / (gasLiters - (expansionPerK * inventoryLiters * aboveReferenceK)), n);
}
