namespace ThermalMonitor.Sim;

/// <summary>
/// Named scenarios replaying the incidents and nominal cases of docs/physics.md §1.6. Each is a default
/// <see cref="Scenario"/> with the changes its documentation lists; adjust further with <c>with</c>.
/// </summary>
public static class ScenarioPresets
{
    private const double Hour = 3600.0;

    /// <summary>
    /// Soyuz MS-22, 15 Dec 2022 (docs/physics.md §1.1, §3.6): a ≈ 0.8 mm micrometeoroid hole (Borisov, TASS
    /// [P]) in the 44 L external loop at "3 atmospheres" (press report [P]), so 300 kPa nominal. The
    /// profile starts 3 h before the recorded 00:45 UTC onset (NASA [P]) and runs 45 h past it: ≈ 3 min
    /// of accumulator-supported fall (≈ −0.5 bar/min), collapse to vapour pressure within seconds, a
    /// vapour-pressure tail (80 % lost ≈ 14.4 h, 90 % ≈ 17.9 h after onset; NASA reported "the majority"
    /// gone at 17.75 h), an empty loop from ≈ 26 h, while the cabin warms toward ≈ 31 °C (§1.1). β = 60° [E]: a forum post calls Dec 2022 a
    /// high-beta period (unverified), so eclipses are short but present.
    /// </summary>
    public static Scenario SoyuzMs22() => new()
    {
        Name = "soyuz-ms22",
        Description = "Soyuz MS-22 style: 0.8 mm hole at 00:45 UTC (t = 3 h), 300 kPa loop, accumulator phase, "
            + "vapour-pressure tail, empty loop, cabin heating. docs/physics.md 1.1, 3.6.",
        StartUtc = new DateTimeOffset(2022, 12, 14, 21, 45, 0, TimeSpan.Zero),
        DurationS = 48 * Hour,
        Loop = new CoolantLoopSettings { NominalPressureKpa = 300.0 },
        Leak = new LeakSettings { Steps = [new LeakStep(3 * Hour, 0.8)] },
        Orbit = new OrbitSettings { BetaDeg = PiecewiseLinear.Constant(60.0) },
    };

    /// <summary>
    /// Progress MS-21, 11 Feb 2023 (docs/physics.md §1.2, §3.7): a ≈ 12 mm radiator hole (Roscosmos photo,
    /// rferl.org [P]) in a loop of the same architecture as Soyuz (§2.1), 300 kPa nominal. Onset at the
    /// earliest reported time, ≈ 09:15 UTC (t = 1 h; other reports say after 09:40, [P]); the pressure
    /// "went to zero" as a near step and the loop empties in minutes, then vents to near vacuum. 3 h at β = 0.
    /// </summary>
    public static Scenario ProgressMs21() => new()
    {
        Name = "progress-ms21",
        Description = "Progress MS-21 style: 12 mm hole at 09:15 UTC (t = 1 h), 300 kPa loop, near-step collapse, "
            + "empty within minutes. docs/physics.md 1.2, 3.7.",
        StartUtc = new DateTimeOffset(2023, 2, 11, 8, 15, 0, TimeSpan.Zero),
        DurationS = 3 * Hour,
        Loop = new CoolantLoopSettings { NominalPressureKpa = 300.0 },
        Leak = new LeakSettings { Steps = [new LeakStep(1 * Hour, 12.0)] },
    };

    /// <summary>
    /// Healthy loop through full eclipses (β = 0, ≈ 36 min of shadow per 92.9 min orbit), docs/physics.md §1.3
    /// and §1.6 item 3 (the "nominal twin", e.g. Progress MS-22 on the same day as the MS-21 leak). One
    /// pump stop and restart (t = 6 h, 10 min off) adds the switch transients a detector must ride
    /// through. 24 h.
    /// </summary>
    public static Scenario NominalEclipse() => new()
    {
        Name = "nominal-eclipse",
        Description = "Healthy loop at beta 0 (36 min eclipses), pump stop/restart at 6 h. docs/physics.md 1.3, 1.6, 3.5.",
        DurationS = 24 * Hour,
        Pump = new PumpSettings
        {
            Switches = [new PumpSwitch(6 * Hour, false), new PumpSwitch((6 * Hour) + 600.0, true)],
        },
    };

    /// <summary>
    /// Healthy loop in a high-beta season (β = 75°, above the ≈ 70° no-eclipse limit): the loop settles
    /// at its sunlit temperature and the pressure is flat but for ripple and noise, docs/physics.md §3.5. 24 h.
    /// </summary>
    public static Scenario NominalHighBeta() => new()
    {
        Name = "nominal-high-beta",
        Description = "Healthy loop at beta 75 (no eclipse): flat temperature and pressure. docs/physics.md 3.5.",
        DurationS = 24 * Hour,
        Orbit = new OrbitSettings { BetaDeg = PiecewiseLinear.Constant(75.0) },
    };

    /// <summary>
    /// ISS P6 2013 style (docs/physics.md §1.5, §1.6 item 4): a known slow leak (0.05 mm from t = 2 h,
    /// ≈ 0.03 mL/s, a pressure slope ≈ 0.16 kPa/min against the thermal cycle's up to ≈ 3.5 kPa/min)
    /// that suddenly grows to 0.2 mm at t = 8 h (≈ 0.47 mL/s, ≈ 1.7 kPa/min; the reserve is gone
    /// ≈ 45 min later), through full eclipses (β = 0). §3.8 explains why the first part needs a thermal
    /// model to see. 12 h.
    /// </summary>
    public static Scenario SlowLeakStepUp() => new()
    {
        Name = "slow-leak-step-up",
        Description = "ISS P6 2013 style: 0.05 mm slow leak from 2 h, stepping up to 0.2 mm at 8 h, beta 0. "
            + "docs/physics.md 1.5, 1.6, 3.8.",
        DurationS = 12 * Hour,
        Leak = new LeakSettings { Steps = [new LeakStep(2 * Hour, 0.05), new LeakStep(8 * Hour, 0.2)] },
    };

    /// <summary>
    /// ISS false alarm of 14 Jan 2015 style (docs/physics.md §1.5, §1.6 item 5): a healthy loop whose pressure
    /// channel delivers one wrong but in-band sample (0.7 V at the pin, read as ≈ 113 kPa) at t = 3 h,
    /// with no physical change — the case for validation and persistence before a red alarm. 6 h at β = 0.
    /// </summary>
    public static Scenario FalseAlarmGlitch() => new()
    {
        Name = "false-alarm-glitch",
        Description = "ISS 2015 style false alarm: one in-band glitch sample on the pressure channel at 3 h, "
            + "healthy loop. docs/physics.md 1.5, 1.6.",
        DurationS = 6 * Hour,
        Faults = [SensorFault.Glitch(SensorChannel.Pressure, 3 * Hour)],
    };

    /// <summary>All presets, in the order above.</summary>
    public static IReadOnlyList<Scenario> All() =>
        [SoyuzMs22(), ProgressMs21(), NominalEclipse(), NominalHighBeta(), SlowLeakStepUp(), FalseAlarmGlitch()];
}
