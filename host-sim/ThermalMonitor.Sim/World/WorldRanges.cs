namespace ThermalMonitor.Sim;

/// <summary>
/// The ranges the world sampler draws each loop's parameters from. Every range is wider than the
/// hardware it stands for; host-sim/ThermalMonitor.Sim/README.md ("The randomized world") gives the
/// reason and source of each. Tests hold every draw inside them.
/// </summary>
public static class WorldRanges
{
    /// <summary>Transducer full scale of the replay's simulated sensor chain (absolute).</summary>
    public const double TransducerFullScaleKpa = 500.0;

    /// <summary>Highest pressure reading a nominal loop may reach: 0.9 × full scale, so nothing nominal clips.</summary>
    public const double PeakReadingLimitKpa = 0.9 * TransducerFullScaleKpa;

    /// <summary>Longest case the peak-pressure margin allows for (the pressure drift adds up over it).</summary>
    public const double MaxCaseDays = 3.0;

    /// <summary>Nominal absolute pressure at the mean temperature (accumulator charge), kPa; the top is lowered per loop so the peak stays below <see cref="PeakReadingLimitKpa"/>.</summary>
    public static readonly DrawRange NominalPressureKpa = new(100.0, 400.0);

    /// <summary>Gas polytropic exponent: isothermal to adiabatic diatomic gas.</summary>
    public static readonly DrawRange PolytropicIndex = new(1.0, 1.4);

    /// <summary>Liquid inventory, L.</summary>
    public static readonly DrawRange InventoryLiters = new(2.0, 60.0, LogUniform: true);

    /// <summary>Volumetric expansion coefficient of the liquid, 1/K: water-like to light hydrocarbons and fluorinated fluids.</summary>
    public static readonly DrawRange ThermalExpansionPerK = new(0.2e-3, 1.5e-3, LogUniform: true);

    /// <summary>Peak-to-peak thermal pressure swing over the loop's whole temperature span, as a fraction of nominal.</summary>
    public static readonly DrawRange SwingFraction = new(0.01, 0.40, LogUniform: true);

    /// <summary>Accumulator gas volume as a fraction of the liquid volume that the swing may imply (the swing draw is narrowed to keep it inside).</summary>
    public static readonly DrawRange GasToLiquidRatio = new(0.01, 1.0, LogUniform: true);

    /// <summary>Liquid-side reserve of the accumulator as a fraction of its gas volume (raised where needed so the bellows never bottoms).</summary>
    public static readonly DrawRange ReserveFraction = new(0.2, 1.0);

    /// <summary>Mean loop temperature, °C.</summary>
    public static readonly DrawRange MeanTempC = new(-5.0, 35.0);

    /// <summary>Orbital amplitude: half the sun–eclipse equilibrium difference, °C.</summary>
    public static readonly DrawRange OrbitAmplitudeC = new(0.5, 10.0, LogUniform: true);

    /// <summary>Loop thermal time constant, min.</summary>
    public static readonly DrawRange ThermalTimeConstantMin = new(2.0, 40.0, LogUniform: true);

    /// <summary>Temperature sensor lag behind the liquid (first-order time constant), min.</summary>
    public static readonly DrawRange SensorLagMin = new(0.0, 10.0);

    /// <summary>Amplitude of the β-angle cycle, degrees (β is clamped to ±90°, so amplitudes above 90° make long flat high-β seasons).</summary>
    public static readonly DrawRange BetaAmplitudeDeg = new(30.0, 110.0);

    /// <summary>Period of the β-angle cycle, days.</summary>
    public static readonly DrawRange BetaPeriodDays = new(10.0, 120.0, LogUniform: true);

    /// <summary>Heater and set-point steps per day.</summary>
    public static readonly DrawRange HeaterStepsPerDay = new(0.0, 4.0);

    /// <summary>Largest equilibrium offset the heater steps reach, °C; each step moves it by 0.5 °C up to this.</summary>
    public static readonly DrawRange HeaterMaxOffsetC = new(0.5, 5.0);

    /// <summary>Smallest heater or set-point step, °C.</summary>
    public const double HeaterMinStepC = 0.5;

    /// <summary>Probability that a heater step reverts to the previous offset.</summary>
    public const double HeaterRevertProbability = 0.5;

    /// <summary>How long a reverting heater step lasts, min.</summary>
    public static readonly DrawRange HeaterRevertAfterMin = new(10.0, 360.0, LogUniform: true);

    /// <summary>Pump ripple amplitude at the transducer, kPa.</summary>
    public static readonly DrawRange RippleAmplitudeKpa = new(0.0, 1.5);

    /// <summary>Pump ripple frequency, Hz: spans many multiples of every logger and firmware rate, so it aliases anywhere.</summary>
    public static readonly DrawRange RippleFrequencyHz = new(10.0, 400.0);

    /// <summary>Pump stops (each followed by a restart) per day.</summary>
    public static readonly DrawRange PumpStopsPerDay = new(0.0, 4.0);

    /// <summary>How long the pump stays off, min.</summary>
    public static readonly DrawRange PumpOffMin = new(1.0, 60.0, LogUniform: true);

    /// <summary>Pump switch transient at the transducer, kPa.</summary>
    public static readonly DrawRange SwitchTransientKpa = new(0.0, 4.0);

    /// <summary>Time constant of the switch transient, s.</summary>
    public static readonly DrawRange SwitchTransientTimeConstantS = new(0.2, 3.0, LogUniform: true);

    /// <summary>Running suction drop at the transducer, kPa.</summary>
    public static readonly DrawRange RunningSuctionDropKpa = new(0.0, 0.5);

    /// <summary>Logger row period, s (0.2–10 Hz); rounded to a whole multiple of the 100 ms physics period.</summary>
    public static readonly DrawRange LoggerPeriodS = new(0.1, 5.0, LogUniform: true);

    /// <summary>Pressure reading noise per row (1σ, white plus coloured), kPa.</summary>
    public static readonly DrawRange PressureNoiseKpa = new(0.05, 1.0, LogUniform: true);

    /// <summary>Share of the pressure noise variance in the coloured (first-order) part.</summary>
    public static readonly DrawRange PressureNoiseColouredFraction = new(0.0, 0.8);

    /// <summary>Time constant of the coloured pressure noise, s.</summary>
    public static readonly DrawRange PressureNoiseTimeConstantS = new(0.5, 30.0, LogUniform: true);

    /// <summary>Temperature reading noise per row (1σ), °C.</summary>
    public static readonly DrawRange TempNoiseC = new(0.01, 0.2, LogUniform: true);

    /// <summary>Quantization step of the logged pressure, kPa.</summary>
    public static readonly DrawRange PressureStepKpa = new(0.001, 5.0, LogUniform: true);

    /// <summary>Quantization step of the logged temperature, °C.</summary>
    public static readonly DrawRange TempStepC = new(0.001, 0.5, LogUniform: true);

    /// <summary>Offset drift of the pressure reading, kPa/day (either sign).</summary>
    public static readonly DrawRange PressureDriftKpaPerDay = new(-1.0, 1.0);

    /// <summary>Single-row glitches per day, per channel.</summary>
    public static readonly DrawRange GlitchesPerDay = new(0.0, 3.0);

    /// <summary>An in-range pressure glitch: anywhere from vacuum to full scale, kPa.</summary>
    public static readonly DrawRange GlitchInRangePressureKpa = new(0.0, TransducerFullScaleKpa);

    /// <summary>A below-vacuum pressure glitch, kPa (absolute, so negative).</summary>
    public static readonly DrawRange GlitchBelowVacuumKpa = new(-100.0, -1.0);

    /// <summary>A beyond-full-scale pressure glitch, kPa.</summary>
    public static readonly DrawRange GlitchAboveFullScaleKpa = new(1.02 * TransducerFullScaleKpa, 2.0 * TransducerFullScaleKpa);

    /// <summary>An in-range temperature glitch, °C from the loop's mean temperature.</summary>
    public static readonly DrawRange GlitchInRangeTempFromMeanC = new(-40.0, 40.0);

    /// <summary>A temperature glitch below any coolant's range (the NTC still has a resistance there), °C.</summary>
    public static readonly DrawRange GlitchBelowRangeTempC = new(-100.0, -60.0);

    /// <summary>A temperature glitch above any coolant's range, °C.</summary>
    public static readonly DrawRange GlitchAboveRangeTempC = new(120.0, 200.0);

    /// <summary>Share of glitches that are in range; the rest are below or above range in equal parts.</summary>
    public const double GlitchInRangeShare = 0.5;
}
