namespace ThermalMonitor.Sim;

/// <summary>
/// Draws randomized loops (<see cref="LoopDraw"/>) over the ranges of <see cref="WorldRanges"/>:
/// deterministic in (seed, loop index), from the project's own SplitMix64/xoshiro256** streams, so a
/// loop is the same whatever else is drawn and on every runtime.
/// </summary>
public static class WorldSampler
{
    /// <summary>Stream identifier of loop draws under a seed ("LOOP").</summary>
    public const ulong LoopStream = 0x4C4F4F50UL;

    /// <summary>The loop <paramref name="loopIndex"/> of the world of <paramref name="seed"/>.</summary>
    public static LoopDraw Draw(ulong seed, int loopIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(loopIndex);
        var random = new RandomDraws(SeedSequence.Derive(seed, LoopStream, (ulong)loopIndex));

        // The order of these draws is part of the world's definition: appending is safe, reordering is not.
        double pressureUnit = random.Unit();
        double n = random.Draw(WorldRanges.PolytropicIndex);
        double inventoryLiters = random.Draw(WorldRanges.InventoryLiters);
        double expansionPerK = random.Draw(WorldRanges.ThermalExpansionPerK);
        double meanTempC = random.Draw(WorldRanges.MeanTempC);
        double amplitudeC = random.Draw(WorldRanges.OrbitAmplitudeC);
        double thermalTimeConstantMin = random.Draw(WorldRanges.ThermalTimeConstantMin);
        double sensorLagMin = random.Draw(WorldRanges.SensorLagMin);
        double betaAmplitudeDeg = random.Draw(WorldRanges.BetaAmplitudeDeg);
        double betaPeriodDays = random.Draw(WorldRanges.BetaPeriodDays);
        double heaterStepsPerDay = random.Draw(WorldRanges.HeaterStepsPerDay);
        double heaterMaxOffsetC = random.Draw(WorldRanges.HeaterMaxOffsetC);
        double rippleAmplitudeKpa = random.Draw(WorldRanges.RippleAmplitudeKpa);
        double rippleFrequencyHz = random.Draw(WorldRanges.RippleFrequencyHz);
        double pumpStopsPerDay = random.Draw(WorldRanges.PumpStopsPerDay);
        double switchTransientKpa = random.Draw(WorldRanges.SwitchTransientKpa);
        double switchTimeConstantS = random.Draw(WorldRanges.SwitchTransientTimeConstantS);
        double suctionDropKpa = random.Draw(WorldRanges.RunningSuctionDropKpa);
        int loggerPeriodMs = LoggerPeriodMs(random.Draw(WorldRanges.LoggerPeriodS));
        double pressureNoiseKpa = random.Draw(WorldRanges.PressureNoiseKpa);
        double colouredFraction = random.Draw(WorldRanges.PressureNoiseColouredFraction);
        double colouredTimeConstantS = random.Draw(WorldRanges.PressureNoiseTimeConstantS);
        double tempNoiseC = random.Draw(WorldRanges.TempNoiseC);
        double pressureStepKpa = random.Draw(WorldRanges.PressureStepKpa);
        double tempStepC = random.Draw(WorldRanges.TempStepC);
        double driftKpaPerDay = random.Draw(WorldRanges.PressureDriftKpaPerDay);
        double pressureGlitchesPerDay = random.Draw(WorldRanges.GlitchesPerDay);
        double tempGlitchesPerDay = random.Draw(WorldRanges.GlitchesPerDay);
        double swingUnit = random.Unit();
        double reserveFraction = random.Draw(WorldRanges.ReserveFraction);

        // The swing over the whole span (orbit ± heater range) is drawn log-uniform over the part of its
        // range that keeps the gas volume between 1 % and 100 % of the liquid's.
        double halfSpanK = amplitudeC + heaterMaxOffsetC;
        double shareAtLargestGas = expansionPerK * halfSpanK / WorldRanges.GasToLiquidRatio.Max;
        double shareAtSmallestGas = Math.Min(
            expansionPerK * halfSpanK / WorldRanges.GasToLiquidRatio.Min, AccumulatorSizing.MaxCompressionShare * 0.5);
        double swingLow = Math.Max(WorldRanges.SwingFraction.Min, AccumulatorSizing.SwingFraction(shareAtLargestGas, n));
        double swingHigh = Math.Min(WorldRanges.SwingFraction.Max, AccumulatorSizing.SwingFraction(shareAtSmallestGas, n));
        double swingFraction = Math.Exp(Math.Log(swingLow) + (swingUnit * (Math.Log(swingHigh) - Math.Log(swingLow))));

        double gasLiters = AccumulatorSizing.GasLiters(swingFraction, n, expansionPerK, inventoryLiters, halfSpanK);
        double reserveLiters = WorldCaseBuilder.ReserveLiters(reserveFraction, gasLiters, expansionPerK, inventoryLiters, halfSpanK);

        // The charge is uniform up to the lower of 400 kPa and what keeps the peak reading ≤ 0.9 × full scale.
        double peakFactor = AccumulatorSizing.PressureKpa(1.0, n, gasLiters, expansionPerK, inventoryLiters, halfSpanK);
        double marginKpa = WorldCaseBuilder.ReadingMarginKpa(
            rippleAmplitudeKpa, switchTransientKpa, driftKpaPerDay, pressureNoiseKpa);
        double pressureHigh = Math.Min(WorldRanges.NominalPressureKpa.Max, (WorldRanges.PeakReadingLimitKpa - marginKpa) / peakFactor);
        double nominalKpa = WorldRanges.NominalPressureKpa.Min + (pressureUnit * (pressureHigh - WorldRanges.NominalPressureKpa.Min));

        return new LoopDraw
        {
            Seed = seed,
            LoopIndex = loopIndex,
            NominalPressureKpa = nominalKpa,
            PolytropicIndex = n,
            InventoryLiters = inventoryLiters,
            ThermalExpansionPerK = expansionPerK,
            SwingFraction = swingFraction,
            ReserveFraction = reserveFraction,
            MeanTempC = meanTempC,
            OrbitAmplitudeC = amplitudeC,
            ThermalTimeConstantMin = thermalTimeConstantMin,
            SensorLagMin = sensorLagMin,
            BetaAmplitudeDeg = betaAmplitudeDeg,
            BetaPeriodDays = betaPeriodDays,
            HeaterStepsPerDay = heaterStepsPerDay,
            HeaterMaxOffsetC = heaterMaxOffsetC,
            RippleAmplitudeKpa = rippleAmplitudeKpa,
            RippleFrequencyHz = rippleFrequencyHz,
            PumpStopsPerDay = pumpStopsPerDay,
            SwitchTransientKpa = switchTransientKpa,
            SwitchTransientTimeConstantS = switchTimeConstantS,
            RunningSuctionDropKpa = suctionDropKpa,
            LoggerPeriodMs = loggerPeriodMs,
            PressureNoiseKpa = pressureNoiseKpa,
            PressureNoiseColouredFraction = colouredFraction,
            PressureNoiseTimeConstantS = colouredTimeConstantS,
            TempNoiseC = tempNoiseC,
            PressureStepKpa = pressureStepKpa,
            TempStepC = tempStepC,
            PressureDriftKpaPerDay = driftKpaPerDay,
            PressureGlitchesPerDay = pressureGlitchesPerDay,
            TempGlitchesPerDay = tempGlitchesPerDay,
            AccumulatorGasLiters = gasLiters,
            AccumulatorReserveLiters = reserveLiters,
            PeakReadingKpa = (nominalKpa * peakFactor) + marginKpa,
            LowestPressureKpa = AccumulatorSizing.PressureKpa(nominalKpa, n, gasLiters, expansionPerK, inventoryLiters, -halfSpanK),
        };
    }

    /// <summary>A logger period drawn in seconds, as whole 100 ms physics periods (0.1–5 s).</summary>
    private static int LoggerPeriodMs(double periodS) => (int)Math.Max(1, Math.Round(periodS * 10.0)) * 100;
}
