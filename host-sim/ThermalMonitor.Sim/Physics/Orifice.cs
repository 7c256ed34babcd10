namespace ThermalMonitor.Sim;

/// <summary>
/// Incompressible orifice flow, docs/physics.md §3.1: Q = C_d·A·√(2·ΔP/ρ). Into vacuum the outlet pressure
/// is the liquid's own vapour pressure at the vena contracta, so callers pass P_v as the downstream
/// pressure.
/// </summary>
public static class Orifice
{
    /// <summary>Hole area from its diameter.</summary>
    public static double AreaM2(double holeDiameterMm)
    {
        double radiusM = holeDiameterMm * 0.5e-3;
        return Math.PI * radiusM * radiusM;
    }

    /// <summary>
    /// Volume flow through a hole of area <paramref name="areaM2"/>; zero when the upstream pressure
    /// does not exceed the downstream one (no back-flow from vacuum).
    /// </summary>
    public static double FlowLitersPerS(
        double areaM2, double dischargeCoefficient, double upstreamKpa, double downstreamKpa, double densityKgPerM3)
    {
        double drivingPa = (upstreamKpa - downstreamKpa) * 1e3;
        if (drivingPa <= 0.0 || areaM2 <= 0.0)
        {
            return 0.0;
        }

        double velocityMPerS = Math.Sqrt(2.0 * drivingPa / densityKgPerM3);
        return dischargeCoefficient * areaM2 * velocityMPerS * 1e3;
    }
}
