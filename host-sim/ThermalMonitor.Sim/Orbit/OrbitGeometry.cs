namespace ThermalMonitor.Sim;

/// <summary>
/// Circular-orbit period and eclipse geometry (docs/physics.md §3.5; cylindrical Earth shadow, formula as
/// in space.stackexchange.com/questions/30311).
/// </summary>
public static class OrbitGeometry
{
    /// <summary>Equatorial Earth radius used by docs/physics.md §3.5.</summary>
    public const double EarthRadiusKm = 6378.0;

    /// <summary>Earth's gravitational parameter GM.</summary>
    public const double EarthGravitationalParameterM3PerS2 = 3.986004418e14;

    /// <summary>Kepler period of a circular orbit: 2π·√(a³/GM); ≈ 5 572 s (92.9 min) at 415 km.</summary>
    public static double PeriodS(double altitudeKm)
    {
        double semiMajorAxisM = (EarthRadiusKm + altitudeKm) * 1e3;
        double cubeM3 = semiMajorAxisM * semiMajorAxisM * semiMajorAxisM;
        return 2.0 * Math.PI * Math.Sqrt(cubeM3 / EarthGravitationalParameterM3PerS2);
    }

    /// <summary>β above which the orbit never enters the shadow: asin(R/(R+h)), ≈ 69.9° at 415 km.</summary>
    public static double CriticalBetaDeg(double altitudeKm) =>
        Math.Asin(EarthRadiusKm / (EarthRadiusKm + altitudeKm)) * 180.0 / Math.PI;

    /// <summary>
    /// Fraction of the orbit in shadow: f = (1/π)·acos(√(h² + 2Rh) / ((R + h)·cos β)) for |β| below the
    /// critical angle, else 0. At β = 0 this is ½ − (1/π)·acos(R/(R+h)) ≈ 0.388 at 415 km.
    /// </summary>
    public static double EclipseFraction(double altitudeKm, double betaDeg)
    {
        double cosBeta = Math.Cos(betaDeg * Math.PI / 180.0);
        double ratio = Math.Sqrt((altitudeKm * altitudeKm) + (2.0 * EarthRadiusKm * altitudeKm))
            / ((EarthRadiusKm + altitudeKm) * cosBeta);
        return ratio >= 1.0 ? 0.0 : Math.Acos(ratio) / Math.PI;
    }
}
