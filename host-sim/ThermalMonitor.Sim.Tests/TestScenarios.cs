namespace ThermalMonitor.Sim.Tests;

/// <summary>Small scenarios shared by the tests.</summary>
internal static class TestScenarios
{
    /// <summary>ADC without noise or outliers: counts are the rounded nominal transfer.</summary>
    public static readonly AdcSettings QuietAdc = new() { NoiseSigmaLsb = 0.0, OutlierProbability = 0.0 };

    /// <summary>ADC with the default noise but no outliers, for crisp bounds.</summary>
    public static readonly AdcSettings NoOutlierAdc = new() { OutlierProbability = 0.0 };

    /// <summary>
    /// Loop held at its reference temperature (sun = eclipse = reference), no pump, so the loop
    /// pressure moves only through the leak.
    /// </summary>
    public static Scenario Isothermal(double nominalKpa, double durationS) => new()
    {
        DurationS = durationS,
        Loop = new CoolantLoopSettings { NominalPressureKpa = nominalKpa, ReferenceTempC = 20.0 },
        Orbit = new OrbitSettings { SunTempC = 20.0, EclipseTempC = 20.0 },
        Pump = new PumpSettings { InitiallyRunning = false },
    };

    /// <summary>Healthy loop at β = 75° (flat temperature), pump running, for sensor and fault tests.</summary>
    public static Scenario Flat(double durationS, AdcSettings adc) => new()
    {
        DurationS = durationS,
        Orbit = new OrbitSettings { BetaDeg = PiecewiseLinear.Constant(75.0) },
        Sensors = new SensorSettings { Adc = adc },
    };

    /// <summary>The first sample at or after <paramref name="timeS"/>.</summary>
    public static SimSample At(this IEnumerable<SimSample> samples, double timeS) =>
        samples.First(s => s.TimeS >= timeS - 1e-9);
}
