namespace ThermalMonitor.Sim;

/// <summary>
/// Everything that defines a simulated profile: timing, coolant, loop, leak, orbit, pump, cabin,
/// sensors and injected sensor faults. Every parameter has a default with its source (a docs/physics.md
/// section, [P] published or [E] estimate) in its documentation; the defaults describe a healthy
/// Soyuz-like external loop on an ISS orbit at β = 0. Change parameters with <c>with</c> expressions;
/// <see cref="ScenarioPresets"/> holds the incident replays.
/// </summary>
public sealed record Scenario
{
    /// <summary>Short identifier, e.g. for a profile file name. Default "nominal".</summary>
    public string Name { get; init; } = "nominal";

    /// <summary>What the profile models and where its numbers come from.</summary>
    public string Description { get; init; } = "Healthy loop, orbital thermal cycle at beta 0, no leak.";

    /// <summary>
    /// Wall-clock time of profile time 0, when the profile replays a dated event; descriptive only.
    /// </summary>
    public DateTimeOffset? StartUtc { get; init; }

    /// <summary>Profile length. Default 86 400 s (one day, ≈ 15.5 orbits).</summary>
    public double DurationS { get; init; } = 86_400.0;

    /// <summary>
    /// Output sample period. Default 100 ms: the detector's 10 Hz rate, docs/physics.md §4.3 [E].
    /// </summary>
    public int OutputPeriodMs { get; init; } = 100;

    /// <summary>
    /// Largest physics step; each output period is split into equal steps no longer than this. Default
    /// 10 ms [E]: the orbit, thermal lag and small-hole leak change far more slowly; fast leaks sub-step.
    /// </summary>
    public int MaxPhysicsStepMs { get; init; } = 10;

    /// <summary>Loop liquid properties (docs/physics.md §2.2).</summary>
    public CoolantProperties Coolant { get; init; } = new();

    /// <summary>Loop volume, pressure and accumulator (docs/physics.md §2.3, §3.3).</summary>
    public CoolantLoopSettings Loop { get; init; } = new();

    /// <summary>Hole-size schedule and discharge coefficient (docs/physics.md §3.1). Default no leak.</summary>
    public LeakSettings Leak { get; init; } = new();

    /// <summary>Orbit, β schedule and the loop's thermal cycle (docs/physics.md §3.5).</summary>
    public OrbitSettings Orbit { get; init; } = new();

    /// <summary>Pump ripple and switch transients at the transducer.</summary>
    public PumpSettings Pump { get; init; } = new();

    /// <summary>
    /// Steps of the loop's equilibrium temperatures (heaters, set points) on top of the orbital cycle.
    /// Default none.
    /// </summary>
    public HeaterSettings Heater { get; init; } = new();

    /// <summary>
    /// The coolant-temperature sensor's thermal lag behind the liquid. Default none: the sensor reads
    /// the liquid.
    /// </summary>
    public TemperatureSensorSettings TempSensor { get; init; } = new();

    /// <summary>Cabin temperature and its rise after coolant loss (docs/physics.md §1.1).</summary>
    public CabinSettings Cabin { get; init; } = new();

    /// <summary>Transducer, NTC, dividers and ESP32 ADC (docs/physics.md §4.1–§4.3).</summary>
    public SensorSettings Sensors { get; init; } = new();

    /// <summary>Injected sensor faults; at most one at a time per channel. Default none.</summary>
    public IReadOnlyList<SensorFault> Faults { get; init; } = [];

    /// <summary>Number of output samples: ⌊DurationS / OutputPeriod⌉, at times 0, T, 2T, … .</summary>
    public long SampleCount => (long)Math.Round(DurationS * 1000.0 / OutputPeriodMs);

    /// <summary>
    /// Time of sample <paramref name="index"/>: index × period, computed from integers (never
    /// accumulated), so sample times are exact decimals such as 0.3 and never drift.
    /// </summary>
    public double SampleTimeS(long index) => index * (long)OutputPeriodMs / 1000.0;

    /// <summary>Checks every parameter and the relations between them.</summary>
    /// <exception cref="ArgumentException">A parameter is out of range; the message names it and its value.</exception>
    public void Validate() => ScenarioValidator.Validate(this);
}
