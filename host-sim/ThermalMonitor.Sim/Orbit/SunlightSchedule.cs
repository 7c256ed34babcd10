namespace ThermalMonitor.Sim;

/// <summary>
/// Sunlight or shadow at a profile time. Each orbit starts at sunrise (profile time 0 is a sunrise)
/// and ends with its eclipse; the eclipse fraction comes from the β angle at the start of that orbit,
/// so a β schedule changes eclipses orbit by orbit.
/// </summary>
public sealed class SunlightSchedule
{
    private readonly OrbitSettings settings;
    private long cachedOrbitIndex = -1;
    private double cachedSunlitS;

    /// <summary>Uses the altitude and β schedule of <paramref name="settings"/>.</summary>
    public SunlightSchedule(OrbitSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        this.settings = settings;
        PeriodS = OrbitGeometry.PeriodS(settings.AltitudeKm);
    }

    /// <summary>Orbital period.</summary>
    public double PeriodS { get; }

    /// <summary>Eclipse fraction of the orbit containing <paramref name="timeS"/>.</summary>
    public double EclipseFractionAt(double timeS)
    {
        double orbitStartS = Math.Floor(timeS / PeriodS) * PeriodS;
        return OrbitGeometry.EclipseFraction(settings.AltitudeKm, settings.BetaDeg.ValueAt(orbitStartS));
    }

    /// <summary>Whether the spacecraft is in sunlight at <paramref name="timeS"/> (≥ 0).</summary>
    public bool IsSunlit(double timeS)
    {
        long orbitIndex = (long)Math.Floor(timeS / PeriodS);
        if (orbitIndex != cachedOrbitIndex)
        {
            // Once per orbit: the β lookup and eclipse geometry are the only trigonometry here.
            cachedOrbitIndex = orbitIndex;
            cachedSunlitS = (1.0 - EclipseFractionAt(timeS)) * PeriodS;
        }

        return timeS - (orbitIndex * PeriodS) < cachedSunlitS;
    }
}
