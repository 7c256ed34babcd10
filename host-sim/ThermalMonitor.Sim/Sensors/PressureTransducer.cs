namespace ThermalMonitor.Sim;

/// <summary>
/// Absolute pressure transducer with ratiometric 10 %–90 % output (docs/physics.md §4.1, Johnson Controls
/// P499 / Honeywell PX2 style): V_out = V_s·(0.1 + 0.8·P/P_FS), clamped to the rails 0…V_s.
/// </summary>
public static class PressureTransducer
{
    /// <summary>Output at zero pressure, as a fraction of the supply.</summary>
    public const double ZeroFraction = 0.1;

    /// <summary>Output span from zero to full scale, as a fraction of the supply.</summary>
    public const double SpanFraction = 0.8;

    /// <summary>
    /// Output voltage for <paramref name="pressureKpa"/> on a <paramref name="supplyVolts"/> supply.
    /// </summary>
    public static double OutputVolts(double pressureKpa, double supplyVolts, double fullScaleKpa)
    {
        double volts = supplyVolts * (ZeroFraction + (SpanFraction * pressureKpa / fullScaleKpa));
        return Math.Clamp(volts, 0.0, supplyVolts);
    }

    /// <summary>Pressure that gives <paramref name="outputVolts"/> (the inverse, unclamped).</summary>
    public static double PressureKpa(double outputVolts, double supplyVolts, double fullScaleKpa) =>
        ((outputVolts / supplyVolts) - ZeroFraction) / SpanFraction * fullScaleKpa;
}
