namespace ThermalMonitor.Sim;

/// <summary>
/// Builds a case of the randomized world: a <see cref="LoopDraw"/> with some <see cref="Phenomena"/>
/// switched on at its drawn values (the rest at the <see cref="BenignLoop"/>'s), over a duration, with
/// the case's own random events (β phase, heater steps, pump stops, glitches) and noise seeds derived
/// from one case seed. Each phenomenon draws from its own stream, so switching one on or off never
/// changes another's events.
/// </summary>
public static class WorldCaseBuilder
{
    private const double SecondsPerDay = 86_400.0;
    private const double BetaPointSpacingS = 3_600.0;
    private const double NoiseMarginSigmas = 4.0;
    private const double ReserveOverContraction = 1.5;
    private const double MaxReserveShareOfInventory = 0.5;

    /// <summary>
    /// The case: <paramref name="draw"/>'s loop with <paramref name="phenomena"/> on, lasting
    /// <paramref name="durationS"/>, its events from <paramref name="caseSeed"/>, with the leak steps
    /// <paramref name="leakSteps"/> (none: a healthy loop).
    /// </summary>
    /// <exception cref="ArgumentException">The resulting scenario or logger is invalid (a bug: draws stay in range).</exception>
    public static WorldCase Build(
        LoopDraw draw, Phenomena phenomena, double durationS, ulong caseSeed, IReadOnlyList<LeakStep>? leakSteps = null)
    {
        ArgumentNullException.ThrowIfNull(draw);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(durationS);
        var seeds = new SplitMix64(caseSeed);
        ulong betaSeed = seeds.NextUInt64();
        ulong heaterSeed = seeds.NextUInt64();
        ulong pumpSeed = seeds.NextUInt64();
        ulong pressureGlitchSeed = seeds.NextUInt64();
        ulong tempGlitchSeed = seeds.NextUInt64();
        ulong loggerSeed = seeds.NextUInt64();
        ulong sensorSeed = seeds.NextUInt64();
        bool On(Phenomena p) => (phenomena & p) == p;

        Scenario b = BenignLoop.Scenario;
        double meanC = On(Phenomena.OrbitTemperature) ? draw.MeanTempC : BenignLoop.MeanTempC;
        double amplitudeC = On(Phenomena.OrbitTemperature) ? draw.OrbitAmplitudeC : BenignLoop.OrbitAmplitudeC;
        bool heater = On(Phenomena.HeaterSteps);
        double heaterRangeC = heater ? draw.HeaterMaxOffsetC : 0.0;
        List<HeaterStep> heaterSteps = heater ? HeaterSchedule(draw, durationS, heaterSeed) : [];
        double halfSpanK = amplitudeC + heaterRangeC;
        double n = On(Phenomena.PolytropicIndex) ? draw.PolytropicIndex : b.Loop.PolytropicIndex;

        double inventoryLiters = b.Loop.InventoryLiters;
        double expansionPerK = b.Coolant.ThermalExpansionPerK;
        double gasLiters = b.Loop.AccumulatorGasLiters;
        double reserveLiters = b.Loop.AccumulatorReserveLiters;
        if (On(Phenomena.ThermalSwing))
        {
            inventoryLiters = draw.InventoryLiters;
            expansionPerK = draw.ThermalExpansionPerK;
            gasLiters = AccumulatorSizing.GasLiters(draw.SwingFraction, n, expansionPerK, inventoryLiters, halfSpanK);
            reserveLiters = ReserveLiters(draw.ReserveFraction, gasLiters, expansionPerK, inventoryLiters, halfSpanK);
        }

        double nominalKpa = On(Phenomena.NominalPressure) ? draw.NominalPressureKpa : b.Loop.NominalPressureKpa;
        bool cycling = On(Phenomena.PumpCycling);
        List<PumpSwitch> switches = cycling ? PumpSchedule(draw, durationS, pumpSeed) : [];
        PumpSettings pump = b.Pump with
        {
            RippleAmplitudeKpa = On(Phenomena.PumpRipple) ? draw.RippleAmplitudeKpa : b.Pump.RippleAmplitudeKpa,
            RippleFrequencyHz = On(Phenomena.PumpRipple) ? draw.RippleFrequencyHz : b.Pump.RippleFrequencyHz,
            SwitchTransientKpa = cycling ? draw.SwitchTransientKpa : b.Pump.SwitchTransientKpa,
            SwitchTransientTimeConstantS = cycling ? draw.SwitchTransientTimeConstantS : b.Pump.SwitchTransientTimeConstantS,
            RunningSuctionDropKpa = cycling ? draw.RunningSuctionDropKpa : b.Pump.RunningSuctionDropKpa,
            Switches = switches,
        };

        double betaPhaseDeg = 0.0;
        PiecewiseLinear beta = b.Orbit.BetaDeg;
        if (On(Phenomena.BetaSeasons))
        {
            betaPhaseDeg = new RandomDraws(betaSeed).Uniform(0.0, 360.0);
            beta = BetaSchedule(draw, durationS, betaPhaseDeg);
        }

        List<LoggerGlitch> glitches = [];
        if (On(Phenomena.Glitches))
        {
            glitches.AddRange(GlitchSchedule(LoggerChannel.Pressure, draw.PressureGlitchesPerDay, meanC, durationS, pressureGlitchSeed));
            glitches.AddRange(GlitchSchedule(LoggerChannel.Temperature, draw.TempGlitchesPerDay, meanC, durationS, tempGlitchSeed));
        }

        bool pressureNoise = On(Phenomena.PressureNoise);
        bool quantization = On(Phenomena.Quantization);
        var logger = new LoggerSettings
        {
            PeriodMs = On(Phenomena.LoggerRate) ? draw.LoggerPeriodMs : BenignLoop.Logger.PeriodMs,
            PressureNoiseKpa = pressureNoise ? draw.PressureNoiseKpa : 0.0,
            PressureNoiseColouredFraction = pressureNoise ? draw.PressureNoiseColouredFraction : 0.0,
            PressureNoiseTimeConstantS = pressureNoise ? draw.PressureNoiseTimeConstantS : BenignLoop.Logger.PressureNoiseTimeConstantS,
            TempNoiseC = On(Phenomena.TempNoise) ? draw.TempNoiseC : 0.0,
            PressureStepKpa = quantization ? draw.PressureStepKpa : 0.0,
            TempStepC = quantization ? draw.TempStepC : 0.0,
            PressureDriftKpaPerDay = On(Phenomena.PressureDrift) ? draw.PressureDriftKpaPerDay : 0.0,
            Glitches = glitches,
        };

        string name = $"world-loop{draw.LoopIndex}-{PhenomenaCatalog.Name(phenomena)}";
        var scenario = b with
        {
            Name = name,
            Description = $"Randomized world, loop {draw.LoopIndex} of seed {draw.Seed}, phenomena: {PhenomenaCatalog.Name(phenomena)}.",
            DurationS = durationS,
            Coolant = b.Coolant with { ThermalExpansionPerK = expansionPerK },
            Loop = b.Loop with
            {
                InventoryLiters = inventoryLiters,
                ReferenceTempC = meanC,
                NominalPressureKpa = nominalKpa,
                AccumulatorGasLiters = gasLiters,
                AccumulatorReserveLiters = reserveLiters,
                PolytropicIndex = n,
            },
            Leak = b.Leak with { Steps = leakSteps ?? [] },
            Orbit = b.Orbit with
            {
                BetaDeg = beta,
                SunTempC = meanC + amplitudeC,
                EclipseTempC = meanC - amplitudeC,
                ThermalTimeConstantMin = On(Phenomena.LoopTimeConstant) ? draw.ThermalTimeConstantMin : b.Orbit.ThermalTimeConstantMin,
            },
            Pump = pump,
            Heater = new HeaterSettings { Steps = heaterSteps },
            TempSensor = new TemperatureSensorSettings { LagTimeConstantMin = On(Phenomena.SensorLag) ? draw.SensorLagMin : 0.0 },
        };
        scenario.Validate();
        logger.Validate(scenario.OutputPeriodMs);

        double hotKpa = AccumulatorSizing.PressureKpa(nominalKpa, n, gasLiters, expansionPerK, inventoryLiters, halfSpanK);
        double marginKpa = ReadingMarginKpa(
            pump.RippleAmplitudeKpa, cycling ? pump.SwitchTransientKpa : 0.0, logger.PressureDriftKpaPerDay, logger.PressureNoiseKpa);
        return new WorldCase
        {
            Draw = draw,
            Phenomena = phenomena,
            Scenario = scenario,
            Logger = logger,
            LoggerSeed = loggerSeed,
            SensorSeed = sensorSeed,
            BetaPhaseDeg = betaPhaseDeg,
            HeaterSteps = heaterSteps.Count,
            PumpStops = switches.Count(s => !s.Running),
            PressureGlitches = glitches.Count(g => g.Channel == LoggerChannel.Pressure),
            TempGlitches = glitches.Count(g => g.Channel == LoggerChannel.Temperature),
            PeakReadingKpa = hotKpa + marginKpa,
            LowestPressureKpa = AccumulatorSizing.PressureKpa(nominalKpa, n, gasLiters, expansionPerK, inventoryLiters, -halfSpanK),
            ReserveUse = expansionPerK * inventoryLiters * halfSpanK / reserveLiters,
        };
    }

    /// <summary>
    /// Liquid-side reserve (L): the drawn share of the gas volume, raised to 1.5 × the liquid's
    /// contraction at the coldest so the bellows never bottoms in nominal operation, and capped at half
    /// the inventory.
    /// </summary>
    public static double ReserveLiters(
        double reserveFraction, double gasLiters, double expansionPerK, double inventoryLiters, double halfSpanK) =>
        Math.Min(
            MaxReserveShareOfInventory * inventoryLiters,
            Math.Max(reserveFraction * gasLiters, ReserveOverContraction * expansionPerK * inventoryLiters * halfSpanK));

    /// <summary>
    /// What the reading may add to the loop's own peak pressure (kPa): ripple, switch surge, the
    /// drift accumulated over the longest case (<see cref="WorldRanges.MaxCaseDays"/>) and 4σ of noise.
    /// </summary>
    public static double ReadingMarginKpa(double rippleKpa, double transientKpa, double driftKpaPerDay, double noiseKpa) =>
        rippleKpa + transientKpa + (Math.Abs(driftKpaPerDay) * WorldRanges.MaxCaseDays) + (NoiseMarginSigmas * noiseKpa);

    /// <summary>β(t) = clamp(A·sin(2π·t/P + φ), ±90°), as points every hour (β only matters at each orbit's start).</summary>
    private static PiecewiseLinear BetaSchedule(LoopDraw draw, double durationS, double phaseDeg)
    {
        double periodS = draw.BetaPeriodDays * SecondsPerDay;
        var points = new List<(double, double)>();
        for (double t = 0.0; ; t += BetaPointSpacingS)
        {
            double angle = (2.0 * Math.PI * t / periodS) + (phaseDeg * Math.PI / 180.0);
            points.Add((t, Math.Clamp(draw.BetaAmplitudeDeg * Math.Sin(angle), -90.0, 90.0)));
            if (t >= durationS)
            {
                break;
            }
        }

        return new PiecewiseLinear(points);
    }

    /// <summary>
    /// Poisson-timed steps of the equilibrium offset by ±0.5 °C up to the loop's largest offset, kept
    /// within ±that offset; half of them revert to the previous offset after 10 min to 6 h unless
    /// another step comes first.
    /// </summary>
    private static List<HeaterStep> HeaterSchedule(LoopDraw draw, double durationS, ulong seed)
    {
        var random = new RandomDraws(seed);
        double rangeC = draw.HeaterMaxOffsetC;
        var steps = new List<HeaterStep>();
        double offsetC = 0.0;
        HeaterStep? pendingRevert = null;
        foreach (double timeS in random.PoissonTimesS(draw.HeaterStepsPerDay, durationS))
        {
            double magnitudeC = rangeC <= WorldRanges.HeaterMinStepC
                ? rangeC
                : random.Uniform(WorldRanges.HeaterMinStepC, rangeC);
            bool up = random.Chance(0.5);
            bool reverts = random.Chance(WorldRanges.HeaterRevertProbability);
            double revertAfterS = random.Draw(WorldRanges.HeaterRevertAfterMin) * 60.0;
            if (pendingRevert is not null && pendingRevert.TimeS <= timeS)
            {
                steps.Add(pendingRevert);
                offsetC = pendingRevert.OffsetC;
            }

            pendingRevert = null;
            double previousC = offsetC;
            double candidateC = offsetC + (up ? magnitudeC : -magnitudeC);
            if (Math.Abs(candidateC) > rangeC + 1e-12)
            {
                candidateC = offsetC - (up ? magnitudeC : -magnitudeC);
            }

            offsetC = Math.Clamp(candidateC, -rangeC, rangeC);
            steps.Add(new HeaterStep(timeS, offsetC));
            if (reverts)
            {
                pendingRevert = new HeaterStep(timeS + revertAfterS, previousC);
            }
        }

        if (pendingRevert is not null && pendingRevert.TimeS < durationS)
        {
            steps.Add(pendingRevert);
        }

        return steps;
    }

    /// <summary>Poisson-timed pump stops, each off for 1–60 min; a stop while already off is dropped.</summary>
    private static List<PumpSwitch> PumpSchedule(LoopDraw draw, double durationS, ulong seed)
    {
        var random = new RandomDraws(seed);
        var switches = new List<PumpSwitch>();
        double runningAgainS = 0.0;
        foreach (double timeS in random.PoissonTimesS(draw.PumpStopsPerDay, durationS))
        {
            double offS = random.Draw(WorldRanges.PumpOffMin) * 60.0;
            if (timeS < runningAgainS)
            {
                continue;
            }

            switches.Add(new PumpSwitch(timeS, false));
            switches.Add(new PumpSwitch(timeS + offS, true));
            runningAgainS = timeS + offS;
        }

        return switches;
    }

    /// <summary>Poisson-timed glitches of one channel; half in range, a quarter below and a quarter above it.</summary>
    private static IEnumerable<LoggerGlitch> GlitchSchedule(
        LoggerChannel channel, double ratePerDay, double meanTempC, double durationS, ulong seed)
    {
        var random = new RandomDraws(seed);
        foreach (double timeS in random.PoissonTimesS(ratePerDay, durationS))
        {
            double kindUnit = random.Unit();
            double valueUnit = random.Unit();
            GlitchKind kind = kindUnit < WorldRanges.GlitchInRangeShare ? GlitchKind.InRange
                : kindUnit < (1.0 + WorldRanges.GlitchInRangeShare) / 2.0 ? GlitchKind.BelowRange
                : GlitchKind.AboveRange;
            DrawRange range = (channel, kind) switch
            {
                (LoggerChannel.Pressure, GlitchKind.InRange) => WorldRanges.GlitchInRangePressureKpa,
                (LoggerChannel.Pressure, GlitchKind.BelowRange) => WorldRanges.GlitchBelowVacuumKpa,
                (LoggerChannel.Pressure, _) => WorldRanges.GlitchAboveFullScaleKpa,
                (_, GlitchKind.InRange) => new DrawRange(
                    meanTempC + WorldRanges.GlitchInRangeTempFromMeanC.Min, meanTempC + WorldRanges.GlitchInRangeTempFromMeanC.Max),
                (_, GlitchKind.BelowRange) => WorldRanges.GlitchBelowRangeTempC,
                _ => WorldRanges.GlitchAboveRangeTempC,
            };
            yield return new LoggerGlitch(timeS, channel, kind, range.Min + (valueUnit * (range.Max - range.Min)));
        }
    }
}
