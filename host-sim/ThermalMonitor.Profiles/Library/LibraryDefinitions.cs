using ThermalMonitor.Sim;

namespace ThermalMonitor.Profiles;

/// <summary>
/// The profiles of host-sim/profiles/ (docs/design.md §7), each a scenario with its sources, a fixed sensor
/// seed and its ground truth. host-sim/profiles/README.md describes them for people; keep the two in
/// step. Seeds are arbitrary fixed numbers (dates where there is one, to be memorable).
/// </summary>
internal static class LibraryDefinitions
{
    private const double Hour = 3600.0;

    /// <summary>
    /// Fault profiles last 2.5 h, so the detector's thermal model (5600 s warm-up) is armed before the fault.
    /// </summary>
    private const double FaultProfileDurationS = 2.5 * Hour;

    private const double FaultStartS = 6000.0;
    private const double FaultEndS = 6300.0;

    /// <summary>
    /// Allowed delay of a sensor-fault alarm: validation persistence is seconds, not tens of seconds.
    /// </summary>
    private const double FaultAlarmWithinS = 40.0;

    private static readonly string[] AllAlarmTypes = [.. AlarmNames.AlarmTypes];

    public static IReadOnlyList<(RecordedScenario Recorded, Expectation Expectation)> All()
    {
        var definitions = new List<(RecordedScenario, Expectation)>
        {
            SoyuzMs22(),
            ProgressMs21(),
            ProgressMs22Nominal(),
            ProgressMs31NominalUndock(),
            IssP6SlowLeak(),
            Iss2015FalseAlarm(),
        };
        definitions.AddRange(SensorFaults());
        definitions.Add(NominalEclipse2d());
        definitions.Add(NominalHighBeta1d());
        return definitions;
    }

    private static (RecordedScenario, Expectation) SoyuzMs22()
    {
        Scenario scenario = ScenarioPresets.SoyuzMs22() with
        {
            Name = "soyuz-ms22",
            Description = "Soyuz MS-22 style external-loop leak: 0.8 mm hole (Borisov, TASS) in a 44 L loop "
                + "at 300 kPa (\"3 atmospheres\", press report) opening at the recorded 2022-12-15 00:45 UTC "
                + "(t = 10800 s, NASA); about 3 min of accumulator-supported fall at about -0.5 bar/min, "
                + "collapse to vapour pressure within seconds, vapour-pressure tail (90 % lost 17.9 h after "
                + "onset; NASA: majority lost at 17.75 h), empty loop from about 26 h, compartment warming "
                + "toward 32 C; beta 60 deg (Dec 2022 reported high-beta, forum, unverified); 48 h from "
                + "2022-12-14 21:45 UTC. docs/physics.md 1.1, 2.3, 3.3, 3.6.",
        };
        return Define(
            scenario,
            seed: 2212150045,
            source: "docs/physics.md §0, §1.1 (timeline, hole, temperatures), §2.3 (loop), §3.3, §3.6 (worked example)",
            new Expectation(
                scenario.Name,
                3 * Hour,
                0.8,
                "A 0.8 mm hole falls about 45x faster than the thermal cycle (docs/physics.md 3.8) and NASA reports "
                + "detection at onset (1.1): DEPRESSURIZATION within 60 s. The near-vacuum of the empty loop "
                + "is a reading, not a sensor fault.",
                [new ExpectedAlarm(AlarmNames.Depressurization, AlarmNames.PressureChannel, null, 3 * Hour, 60.0)],
                [AlarmNames.SensorFault]));
    }

    private static (RecordedScenario, Expectation) ProgressMs21()
    {
        Scenario scenario = ScenarioPresets.ProgressMs21() with
        {
            Name = "progress-ms21",
            Description = "Progress MS-21 style external-loop leak: 12 mm radiator hole (Roscosmos photo) in a "
                + "loop of the Soyuz architecture at 300 kPa, opening at 09:15 UTC 2023-02-11 (t = 3600 s, "
                + "earliest report; others say after 09:40); accumulator reserve gone in about 1 s, pressure "
                + "to vapour pressure as a near step, loop empty in about 6.5 min, then vents to near vacuum; "
                + "beta 0; 3 h from 08:15 UTC. docs/physics.md 1.2, 3.7.",
        };
        return Define(
            scenario,
            seed: 2302110915,
            source: "docs/physics.md §1.2 (timeline, 12 mm hole), §2.1, §3.7 (worked example)",
            new Expectation(
                scenario.Name,
                1 * Hour,
                12.0,
                "A near-step collapse to vapour pressure (docs/physics.md 3.7): the fast path must raise "
                + "DEPRESSURIZATION within 10 s.",
                [new ExpectedAlarm(AlarmNames.Depressurization, AlarmNames.PressureChannel, null, 1 * Hour, 10.0)],
                []));
    }

    private static (RecordedScenario, Expectation) ProgressMs22Nominal()
    {
        var scenario = new Scenario
        {
            Name = "progress-ms22-nominal",
            Description = "Progress MS-22 nominal twin: the healthy vehicle docked the same day as the MS-21 "
                + "leak (2023-02-11, docking 08:45 UTC), same Soyuz-architecture loop at 300 kPa, full "
                + "eclipses (beta 0), one pump stop and restart at t = 3 h (10 min off, an estimate) as a "
                + "ride-through transient; 6 h from 08:15 UTC. docs/physics.md 1.3, 1.6, 3.5.",
            StartUtc = new DateTimeOffset(2023, 2, 11, 8, 15, 0, TimeSpan.Zero),
            DurationS = 6 * Hour,
            Loop = new CoolantLoopSettings { NominalPressureKpa = 300.0 },
            Pump = new PumpSettings
            {
                Switches = [new PumpSwitch(3 * Hour, false), new PumpSwitch((3 * Hour) + 600.0, true)],
            },
        };
        return Define(
            scenario,
            seed: 2302110845,
            source: "docs/physics.md §1.3 (Progress MS-22), §1.6 item 3, §2.1, §3.5",
            Nominal(
                scenario.Name, "Healthy loop through full eclipses and a pump stop/restart: no alarm of any type."));
    }

    private static (RecordedScenario, Expectation) ProgressMs31NominalUndock()
    {
        var scenario = new Scenario
        {
            Name = "progress-ms31-nominal-undock",
            Description = "Progress MS-31 (92P) nominal end of mission: the loop follows only the orbital "
                + "thermal cycle for the 6 h before undocking from Poisk at 13:24 UTC on 2026-03-16 (NASA "
                + "gives 9:24 a.m. EDT on a Monday; the date is inferred from the note's 2026-03-17 "
                + "republication), 250 kPa loop, beta 30 deg (an estimate: shorter eclipses than beta 0). "
                + "docs/physics.md 1.4, 1.6, 3.5.",
            StartUtc = new DateTimeOffset(2026, 3, 16, 7, 24, 0, TimeSpan.Zero),
            DurationS = 6 * Hour,
            Orbit = new OrbitSettings { BetaDeg = PiecewiseLinear.Constant(30.0) },
        };
        return Define(
            scenario,
            seed: 2603161324,
            source: "docs/physics.md §1.4 (undock 2026-03-16 13:24 UTC, date inferred [E]), §1.6 item 3, §3.5",
            Nominal(scenario.Name, "Healthy loop up to undocking: no alarm of any type."));
    }

    private static (RecordedScenario, Expectation) IssP6SlowLeak()
    {
        Scenario scenario = ScenarioPresets.SlowLeakStepUp() with
        {
            Name = "iss-p6-2013-slow-leak",
            Description = "ISS P6 2013 style: a known slow leak (0.05 mm from t = 2 h, pressure slope about "
                + "0.16 kPa/min inside a thermal cycle of up to about 3.5 kPa/min) that suddenly grows to "
                + "0.2 mm at t = 8 h (about 1.7 kPa/min; the accumulator reserve is gone about 41 min later "
                + "and the loop collapses to vapour pressure); 250 kPa, beta 0, 12 h. docs/physics.md 1.5, 1.6, 3.8.",
        };
        return Define(
            scenario,
            seed: 2013050901,
            source: "docs/physics.md §1.5 (ISS P6 channel 2B, 2013-05-09), §1.6 item 4, §3.8, §5.5",
            new Expectation(
                scenario.Name,
                2 * Hour,
                0.05,
                "The 0.05 mm leak hides inside the thermal cycle (docs/physics.md 3.8); the thermal-compensated "
                + "slow path must raise DEPRESSURIZATION within 600 s of the first onset. The step to 0.2 mm "
                + "at 8 h follows an alarm already raised.",
                [new ExpectedAlarm(AlarmNames.Depressurization, AlarmNames.PressureChannel, null, 2 * Hour, 600.0)],
                []));
    }

    private static (RecordedScenario, Expectation) Iss2015FalseAlarm()
    {
        Scenario scenario = ScenarioPresets.FalseAlarmGlitch() with
        {
            Name = "iss-2015-false-alarm-glitch",
            Description = "ISS 2015-01-14 false-alarm style: a healthy loop (250 kPa, beta 0) whose pressure "
                + "channel delivers one wrong but in-band sample at t = 3 h (0.7 V at the pin, read as about "
                + "113 kPa) with no physical change; 6 h. docs/physics.md 1.5, 1.6, 5.7.",
        };
        return Define(
            scenario,
            seed: 2015011401,
            source: "docs/physics.md §1.5 (ISS false ammonia alarm 2015-01-14), §1.6 item 5, §5.7 (persistence)",
            Nominal(
                scenario.Name,
                "One glitch sample is no leak and no lasting sensor fault: persistence must reject it, "
                + "no alarm of any type."));
    }

    private static IEnumerable<(RecordedScenario, Expectation)> SensorFaults()
    {
        (SensorChannel Channel, string Name, ulong SeedBase)[] channels =
        [
            (SensorChannel.Pressure, AlarmNames.PressureChannel, 100),
            (SensorChannel.Temperature, AlarmNames.TempChannel, 200),
            (SensorChannel.Supply, AlarmNames.SupplyChannel, 300),
        ];
        (FaultKind Kind, string Name, string Reason, string Effect)[] kinds =
        [
            (FaultKind.Open, "open", "OPEN",
                "open circuit: the pin follows its bias resistor (pressure and supply to 0 V, NTC node to 3.3 V)"),
            (FaultKind.Short, "short", "SHORT",
                "short to the opposite rail (pressure and supply to 3.3 V, NTC node to ground)"),
            (FaultKind.Stuck, "stuck", "STUCK", "stuck converter: every read is the same noise-free count"),
            (FaultKind.NoiseBurst, "noise", "NOISY", "noise burst: ADC noise sigma x15 (60 LSB)"),
        ];
        int index = 0;
        foreach ((SensorChannel channel, string channelName, ulong seedBase) in channels)
        {
            foreach ((FaultKind kind, string kindName, string reason, string effect) in kinds)
            {
                index++;
                string name = $"fault-{channelName}-{kindName}";
                var scenario = new Scenario
                {
                    Name = name,
                    Description = $"Sensor fault on the {channelName} channel from 6000 s to 6300 s, {effect}; "
                        + "healthy 250 kPa loop, beta 0, 2.5 h so the detector's thermal model (5600 s warm-up) "
                        + "is armed first. docs/physics.md 4.1-4.3, 5.7.",
                    DurationS = FaultProfileDurationS,
                    Faults = [new SensorFault(channel, kind, FaultStartS, FaultEndS)],
                };
                yield return Define(
                    scenario,
                    seed: 6000 + seedBase + (ulong)index,
                    source: "docs/physics.md §4.1 (transducer, open/short bands), §4.2 (NTC), §4.3 (ADC noise), "
                        + "§5.7 (validity checks inhibit)",
                    new Expectation(
                        name,
                        null,
                        null,
                        $"The validator must raise SENSOR_FAULT on {channelName} with reason {reason} within "
                        + $"{FaultAlarmWithinS} s and inhibit the decisions that need the channel: a faulted "
                        + "sensor never reads as a leak or an overtemperature.",
                        [new ExpectedAlarm(
                            AlarmNames.SensorFault, channelName, reason, FaultStartS, FaultAlarmWithinS)],
                        [AlarmNames.Depressurization, AlarmNames.Overtemp]));
            }
        }
    }

    private static (RecordedScenario, Expectation) NominalEclipse2d()
    {
        var scenario = new Scenario
        {
            Name = "nominal-eclipse-2d",
            Description = "Healthy loop for 2 days through full eclipses (beta 0: about 36 min of shadow per "
                + "92.9 min orbit, 16.6 % peak-to-peak pressure swing), 250 kPa, with a daily pump stop and "
                + "restart (t = 6 h and 30 h, 10 min off, an estimate). For false alarms per simulated day. "
                + "docs/physics.md 1.6, 3.5.",
            DurationS = 48 * Hour,
            Pump = new PumpSettings
            {
                Switches =
                [
                    new PumpSwitch(6 * Hour, false), new PumpSwitch((6 * Hour) + 600.0, true),
                    new PumpSwitch(30 * Hour, false), new PumpSwitch((30 * Hour) + 600.0, true),
                ],
            },
        };
        return Define(
            scenario,
            seed: 4800,
            source: "docs/physics.md §1.6 item 3, §3.5 (orbit, eclipse, pressure swing)",
            Nominal(scenario.Name, "Two days of healthy loop: no alarm of any type."));
    }

    private static (RecordedScenario, Expectation) NominalHighBeta1d()
    {
        var scenario = new Scenario
        {
            Name = "nominal-high-beta-1d",
            Description = "Healthy loop for 1 day in a high-beta season (beta 75 deg, above the about 70 deg "
                + "no-eclipse limit): the loop settles at its sunlit temperature and the pressure is flat "
                + "but for ripple and noise; 250 kPa. docs/physics.md 3.5.",
            DurationS = 24 * Hour,
            Orbit = new OrbitSettings { BetaDeg = PiecewiseLinear.Constant(75.0) },
        };
        return Define(
            scenario,
            seed: 7500,
            source: "docs/physics.md §3.5 (high-beta, no eclipse above about 70 deg)",
            Nominal(scenario.Name, "A day without thermal swing: no alarm of any type."));
    }

    private static Expectation Nominal(string name, string description) =>
        new(name, null, null, description, [], AllAlarmTypes);

    private static (RecordedScenario, Expectation) Define(
        Scenario scenario, ulong seed, string source, Expectation expectation) =>
        (new RecordedScenario(scenario, seed, RecordingPlanner.Plan(scenario), source), expectation);
}
