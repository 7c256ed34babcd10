namespace ThermalMonitor.Sim;

/// <summary>
/// Steps the coolant-loop physics of a <see cref="Scenario"/> and yields one <see cref="SimSample"/>
/// per output period, holding only the current state (a 30-day run streams in constant memory).
/// </summary>
/// <remarks>
/// Between samples the physics runs in equal steps of at most <see cref="Scenario.MaxPhysicsStepMs"/>.
/// Within a step the temperature, sunlight, heater offset and hole size are those at the step's start. The leak
/// integrates inventory with explicit sub-steps sized so the pressure moves at most
/// <see cref="MaxPressureChangePerSubstepKpa"/> each: one sub-step per step for a small hole, a few
/// hundred during the millisecond-scale collapse of a 12 mm hole. Pressure itself is algebraic in
/// inventory and temperature (<see cref="LoopHydraulics"/>), so no step size can make it unstable.
/// </remarks>
public sealed class LoopSimulator
{
    /// <summary>Largest pressure change one leak sub-step may cause.</summary>
    public const double MaxPressureChangePerSubstepKpa = 1.0;

    // Floor on the sub-step, bounding the sub-steps per step at stepS / MinSubstepS (10 000 at 10 ms).
    private const double MinSubstepS = 1e-6;

    private readonly Scenario scenario;
    private readonly LoopHydraulics hydraulics;
    private readonly SunlightSchedule sunlight;
    private readonly LoopThermalModel thermal;
    private readonly TemperatureSensorLag? sensorLag;
    private readonly PumpModel pump;
    private readonly CabinThermalModel cabin;
    private readonly int stepsPerSample;
    private readonly double stepS;
    private readonly double ventVolumeM3;

    private long nextIndex;
    private double inventoryLiters;
    private bool isEmpty;
    private double ventPressureKpa;
    private double holeDiameterMm;
    private double holeAreaM2;

    /// <summary>Validates <paramref name="scenario"/> and sets up its state at profile time 0.</summary>
    /// <exception cref="ArgumentException">The scenario is invalid; the message names the parameter.</exception>
    public LoopSimulator(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        scenario.Validate();
        this.scenario = scenario;
        stepsPerSample = (scenario.OutputPeriodMs + scenario.MaxPhysicsStepMs - 1) / scenario.MaxPhysicsStepMs;
        stepS = scenario.OutputPeriodMs / 1000.0 / stepsPerSample;
        hydraulics = new LoopHydraulics(scenario.Loop, scenario.Coolant);
        sunlight = new SunlightSchedule(scenario.Orbit);
        double initialOffsetC = scenario.Heater.OffsetCAt(0.0);
        thermal = new LoopThermalModel(
            scenario.Orbit, sunlight.PeriodS, sunlight.EclipseFractionAt(0.0), stepS, initialOffsetC);
        double lagS = scenario.TempSensor.LagTimeConstantMin * 60.0;
        if (lagS > 0.0)
        {
            double startC = TemperatureSensorLag.PeriodicSunriseTempC(
                scenario.Orbit, sunlight.PeriodS, sunlight.EclipseFractionAt(0.0), initialOffsetC, lagS, stepS);
            sensorLag = new TemperatureSensorLag(lagS, stepS, startC);
        }

        pump = new PumpModel(scenario.Pump);
        cabin = new CabinThermalModel(scenario.Cabin, scenario.Loop.InventoryLiters, scenario.OutputPeriodMs / 1000.0);
        ventVolumeM3 = hydraulics.RigidVolumeLiters * 1e-3;
        inventoryLiters = scenario.Loop.InventoryLiters;
        UpdateHole(0.0);
    }

    /// <summary>Number of samples the scenario produces.</summary>
    public long SampleCount => scenario.SampleCount;

    /// <summary>
    /// Produces the next sample; false once <see cref="SampleCount"/> samples have been produced.
    /// </summary>
    public bool TryNext(out SimSample sample)
    {
        if (nextIndex >= SampleCount)
        {
            sample = default;
            return false;
        }

        if (nextIndex > 0)
        {
            AdvanceOneSample(scenario.SampleTimeS(nextIndex - 1), scenario.SampleTimeS(nextIndex));
        }

        sample = Observe(nextIndex, scenario.SampleTimeS(nextIndex));
        nextIndex++;
        return true;
    }

    private void AdvanceOneSample(double fromS, double toS)
    {
        for (int step = 0; step < stepsPerSample; step++)
        {
            double stepStartS = fromS + (step * stepS);
            bool isSunlit = sunlight.IsSunlit(stepStartS);
            UpdateHole(stepStartS);
            AdvanceLeak(stepS);
            thermal.Advance(isSunlit, scenario.Heater.OffsetCAt(stepStartS));
            sensorLag?.Advance(thermal.TempC);
        }

        pump.AdvanceTo(fromS, toS);
        cabin.Advance(inventoryLiters);
    }

    private void AdvanceLeak(double durationS)
    {
        if (holeAreaM2 <= 0.0)
        {
            return;
        }

        if (isEmpty)
        {
            Vent(durationS);
            return;
        }

        double tempC = thermal.TempC;
        double vapourKpa = scenario.Coolant.VapourPressureKpa(tempC);
        double expansion = hydraulics.ExpansionFactor(tempC);
        double remainingS = durationS;
        while (remainingS > 0.0)
        {
            HydraulicState state = hydraulics.Evaluate(inventoryLiters, tempC, vapourKpa);
            double flowLitersPerS = LeakFlowLitersPerS(state.PressureKpa, vapourKpa);
            if (flowLitersPerS <= 0.0)
            {
                return;
            }

            double substepS = remainingS;
            double limitS = MaxPressureChangePerSubstepKpa / (state.StiffnessKpaPerLiter * flowLitersPerS);
            if (limitS < substepS)
            {
                substepS = Math.Max(limitS, MinSubstepS);
            }

            remainingS = substepS >= remainingS ? 0.0 : remainingS - substepS;
            double lostLiters = flowLitersPerS * substepS / expansion;
            if (lostLiters >= inventoryLiters)
            {
                // The last liquid flashes off; the vapour left is at saturation and starts venting.
                inventoryLiters = 0.0;
                isEmpty = true;
                ventPressureKpa = vapourKpa;
                Vent(remainingS);
                return;
            }

            inventoryLiters -= lostLiters;
        }
    }

    // Empty loop: isothermal vapour venting through the hole, dP/dt = −(P − P_floor)·C_d·A·u / V_loop.
    private void Vent(double durationS)
    {
        double floorKpa = scenario.Loop.EmptyFloorPressureKpa;
        double ventRatePerS = scenario.Leak.DischargeCoefficient * holeAreaM2
            * scenario.Loop.VapourVentVelocityMPerS / ventVolumeM3;
        ventPressureKpa = floorKpa + ((ventPressureKpa - floorKpa) * Math.Exp(-ventRatePerS * durationS));
    }

    private SimSample Observe(long index, double timeS)
    {
        UpdateHole(timeS);
        double tempC = thermal.TempC;
        double loopKpa;
        double flowLitersPerS = 0.0;
        LoopPhase phase;
        double liquidFraction;
        if (isEmpty)
        {
            loopKpa = ventPressureKpa;
            phase = LoopPhase.Empty;
            liquidFraction = 0.0;
        }
        else
        {
            double vapourKpa = scenario.Coolant.VapourPressureKpa(tempC);
            HydraulicState state = hydraulics.Evaluate(inventoryLiters, tempC, vapourKpa);
            loopKpa = state.PressureKpa;
            phase = state.Phase;
            flowLitersPerS = LeakFlowLitersPerS(loopKpa, vapourKpa);
            double liquidLiters = hydraulics.LiquidVolumeLiters(inventoryLiters, tempC);
            liquidFraction = Math.Min(1.0, liquidLiters / hydraulics.RigidVolumeLiters);
        }

        // A pump short of liquid makes less head: its effects at the transducer shrink with the liquid left.
        double transducerKpa = Math.Max(0.0, loopKpa + (liquidFraction * pump.SensorOffsetKpa(timeS)));
        var truth = new LoopTruth(
            loopKpa, inventoryLiters, flowLitersPerS, holeDiameterMm, phase, sunlight.IsSunlit(timeS), pump.IsRunning,
            tempC);

        // The pressure follows the liquid; the recorded temperature is the sensor's.
        double sensorTempC = sensorLag?.TempC ?? tempC;
        return new SimSample(index, timeS, transducerKpa, sensorTempC, cabin.TempC, truth);
    }

    private double LeakFlowLitersPerS(double loopKpa, double vapourKpa) =>
        Orifice.FlowLitersPerS(
            holeAreaM2, scenario.Leak.DischargeCoefficient, loopKpa, vapourKpa, scenario.Coolant.DensityKgPerM3);

    private void UpdateHole(double timeS)
    {
        double diameterMm = scenario.Leak.HoleDiameterMmAt(timeS);
        if (diameterMm != holeDiameterMm)
        {
            holeDiameterMm = diameterMm;
            holeAreaM2 = Orifice.AreaM2(diameterMm);
        }
    }
}
