using System.Globalization;

namespace ThermalMonitor.Sim;

/// <summary>
/// Range and consistency checks behind <see cref="Scenario.Validate"/>. Each failure names the
/// parameter by its path (e.g. "Loop.AccumulatorGasLiters") and the offending value.
/// </summary>
internal static class ScenarioValidator
{
    // Hottest-case gas volume must stay above this share of nominal, or the gas law's pressure explodes.
    private const double MinGasShareAtHottest = 0.05;

    public static void Validate(Scenario scenario)
    {
        Positive(scenario.DurationS, "DurationS");
        Require(scenario.OutputPeriodMs >= 1, "OutputPeriodMs", scenario.OutputPeriodMs, "must be at least 1 ms");
        Require(
            scenario.MaxPhysicsStepMs >= 1 && scenario.MaxPhysicsStepMs <= scenario.OutputPeriodMs,
            "MaxPhysicsStepMs", scenario.MaxPhysicsStepMs, "must be between 1 ms and OutputPeriodMs");
        Require(scenario.SampleCount >= 1, "DurationS", scenario.DurationS, "must cover at least one output period");
        ValidateCoolant(scenario.Coolant);
        ValidateLoop(scenario.Loop);
        ValidateLeak(scenario.Leak);
        ValidateOrbit(scenario.Orbit);
        ValidatePump(scenario.Pump);
        ValidateHeater(scenario.Heater);
        ValidateTempSensor(scenario.TempSensor);
        ValidateCabin(scenario.Cabin);
        ValidateSensors(scenario.Sensors);
        ValidateGasAtHottest(scenario);
        ArgumentNullException.ThrowIfNull(scenario.Faults);
        _ = new FaultSchedule(scenario.Faults, scenario.OutputPeriodMs);
    }

    private static void ValidateCoolant(CoolantProperties coolant)
    {
        Positive(coolant.DensityKgPerM3, "Coolant.DensityKgPerM3");
        NonNegative(coolant.ThermalExpansionPerK, "Coolant.ThermalExpansionPerK");
        Positive(coolant.VapourPressureAt20CKpa, "Coolant.VapourPressureAt20CKpa");
        NonNegative(coolant.VaporisationEnthalpyJPerMol, "Coolant.VaporisationEnthalpyJPerMol");
    }

    private static void ValidateLoop(CoolantLoopSettings loop)
    {
        NonNegative(loop.AccumulatorReserveLiters, "Loop.AccumulatorReserveLiters");
        Require(
            loop.InventoryLiters > loop.AccumulatorReserveLiters, "Loop.InventoryLiters", loop.InventoryLiters,
            "must exceed Loop.AccumulatorReserveLiters");
        Finite(loop.ReferenceTempC, "Loop.ReferenceTempC");
        Positive(loop.NominalPressureKpa, "Loop.NominalPressureKpa");
        Positive(loop.AccumulatorGasLiters, "Loop.AccumulatorGasLiters");
        Require(
            loop.PolytropicIndex >= 1.0 && loop.PolytropicIndex <= 1.67, "Loop.PolytropicIndex", loop.PolytropicIndex,
            "must be between 1 (isothermal) and 1.67 (monatomic adiabatic)");
        Positive(loop.EffectiveBulkModulusMpa, "Loop.EffectiveBulkModulusMpa");
        NonNegative(loop.SaturatedResidualHeadKpa, "Loop.SaturatedResidualHeadKpa");
        NonNegative(loop.EmptyFloorPressureKpa, "Loop.EmptyFloorPressureKpa");
        Positive(loop.VapourVentVelocityMPerS, "Loop.VapourVentVelocityMPerS");
    }

    private static void ValidateLeak(LeakSettings leak)
    {
        Require(
            leak.DischargeCoefficient > 0.0 && leak.DischargeCoefficient <= 1.0, "Leak.DischargeCoefficient",
            leak.DischargeCoefficient, "must be in (0, 1]");
        ArgumentNullException.ThrowIfNull(leak.Steps);
        for (int i = 0; i < leak.Steps.Count; i++)
        {
            LeakStep step = leak.Steps[i];
            NonNegative(step.OnsetS, $"Leak.Steps[{i}].OnsetS");
            NonNegative(step.HoleDiameterMm, $"Leak.Steps[{i}].HoleDiameterMm");
            Require(
                i == 0 || step.OnsetS >= leak.Steps[i - 1].OnsetS, $"Leak.Steps[{i}].OnsetS", step.OnsetS,
                "must not be earlier than the previous step");
        }
    }

    private static void ValidateOrbit(OrbitSettings orbit)
    {
        Positive(orbit.AltitudeKm, "Orbit.AltitudeKm");
        ArgumentNullException.ThrowIfNull(orbit.BetaDeg);
        foreach ((double timeS, double betaDeg) in orbit.BetaDeg.Points)
        {
            Require(Math.Abs(betaDeg) <= 90.0, "Orbit.BetaDeg", betaDeg, $"must be within ±90° (point at {timeS} s)");
        }

        Finite(orbit.SunTempC, "Orbit.SunTempC");
        Finite(orbit.EclipseTempC, "Orbit.EclipseTempC");
        Positive(orbit.ThermalTimeConstantMin, "Orbit.ThermalTimeConstantMin");
    }

    private static void ValidatePump(PumpSettings pump)
    {
        NonNegative(pump.RippleAmplitudeKpa, "Pump.RippleAmplitudeKpa");
        NonNegative(pump.RippleFrequencyHz, "Pump.RippleFrequencyHz");
        NonNegative(pump.SwitchTransientKpa, "Pump.SwitchTransientKpa");
        Positive(pump.SwitchTransientTimeConstantS, "Pump.SwitchTransientTimeConstantS");
        NonNegative(pump.RunningSuctionDropKpa, "Pump.RunningSuctionDropKpa");
        ArgumentNullException.ThrowIfNull(pump.Switches);
        for (int i = 0; i < pump.Switches.Count; i++)
        {
            NonNegative(pump.Switches[i].TimeS, $"Pump.Switches[{i}].TimeS");
            Require(
                i == 0 || pump.Switches[i].TimeS >= pump.Switches[i - 1].TimeS, $"Pump.Switches[{i}].TimeS",
                pump.Switches[i].TimeS, "must not be earlier than the previous switch");
        }
    }

    private static void ValidateHeater(HeaterSettings heater)
    {
        ArgumentNullException.ThrowIfNull(heater);
        ArgumentNullException.ThrowIfNull(heater.Steps);
        for (int i = 0; i < heater.Steps.Count; i++)
        {
            NonNegative(heater.Steps[i].TimeS, $"Heater.Steps[{i}].TimeS");
            Finite(heater.Steps[i].OffsetC, $"Heater.Steps[{i}].OffsetC");
            Require(
                i == 0 || heater.Steps[i].TimeS >= heater.Steps[i - 1].TimeS, $"Heater.Steps[{i}].TimeS",
                heater.Steps[i].TimeS, "must not be earlier than the previous step");
        }
    }

    private static void ValidateTempSensor(TemperatureSensorSettings sensor)
    {
        ArgumentNullException.ThrowIfNull(sensor);
        NonNegative(sensor.LagTimeConstantMin, "TempSensor.LagTimeConstantMin");
    }

    private static void ValidateCabin(CabinSettings cabin)
    {
        Finite(cabin.NominalTempC, "Cabin.NominalTempC");
        Finite(cabin.HeatedTempC, "Cabin.HeatedTempC");
        Positive(cabin.HeatingTimeConstantH, "Cabin.HeatingTimeConstantH");
        Require(
            cabin.CoolingLostBelowInventoryFraction is >= 0.0 and <= 1.0, "Cabin.CoolingLostBelowInventoryFraction",
            cabin.CoolingLostBelowInventoryFraction, "must be in [0, 1]");
    }

    private static void ValidateSensors(SensorSettings sensors)
    {
        Require(sensors.BurstLength >= 1, "Sensors.BurstLength", sensors.BurstLength, "must be at least 1");
        Positive(sensors.PressureFullScaleKpa, "Sensors.PressureFullScaleKpa");
        ArgumentNullException.ThrowIfNull(sensors.SupplyVolts);
        foreach ((double timeS, double volts) in sensors.SupplyVolts.Points)
        {
            Require(volts > 0.0, "Sensors.SupplyVolts", volts, $"must be positive (point at {timeS} s)");
        }

        Positive(sensors.PressureDividerRatio, "Sensors.PressureDividerRatio");
        Positive(sensors.SupplyDividerRatio, "Sensors.SupplyDividerRatio");
        ArgumentNullException.ThrowIfNull(sensors.Thermistor);
        Positive(sensors.ThermistorSeriesOhms, "Sensors.ThermistorSeriesOhms");
        Positive(sensors.LogicRailVolts, "Sensors.LogicRailVolts");
        AdcSettings adc = sensors.Adc;
        Finite(adc.OffsetErrorMv, "Sensors.Adc.OffsetErrorMv");
        Require(
            adc.GainErrorPercent > -100.0, "Sensors.Adc.GainErrorPercent", adc.GainErrorPercent, "must exceed −100 %");
        NonNegative(adc.NoiseSigmaLsb, "Sensors.Adc.NoiseSigmaLsb");
        Require(
            adc.OutlierProbability is >= 0.0 and <= 1.0, "Sensors.Adc.OutlierProbability", adc.OutlierProbability,
            "must be in [0, 1]");
        NonNegative(adc.OutlierMinLsb, "Sensors.Adc.OutlierMinLsb");
        Require(
            adc.OutlierMaxLsb >= adc.OutlierMinLsb, "Sensors.Adc.OutlierMaxLsb", adc.OutlierMaxLsb,
            "must not be below Sensors.Adc.OutlierMinLsb");
    }

    // The loop temperature stays between the sun and eclipse equilibria (shifted by the heater steps); at
    // the hottest, with the full inventory, the expanded liquid must still leave gas in the accumulator.
    private static void ValidateGasAtHottest(Scenario scenario)
    {
        var hydraulics = new LoopHydraulics(scenario.Loop, scenario.Coolant);
        double hottestC = Math.Max(scenario.Orbit.SunTempC, scenario.Orbit.EclipseTempC) + scenario.Heater.MaxOffsetC;
        double gasLiters = hydraulics.GasVolumeLiters(scenario.Loop.InventoryLiters, hottestC);
        Require(
            gasLiters >= MinGasShareAtHottest * scenario.Loop.AccumulatorGasLiters, "Orbit.SunTempC", hottestC,
            $"overfills the accumulator: only {gasLiters.ToString("G3", CultureInfo.InvariantCulture)} L of gas left "
            + "(raise Loop.ReferenceTempC or Loop.AccumulatorGasLiters, or lower the temperature)");
    }

    private static void Positive(double value, string name) =>
        Require(value > 0.0 && double.IsFinite(value), name, value, "must be positive and finite");

    private static void NonNegative(double value, string name) =>
        Require(value >= 0.0 && double.IsFinite(value), name, value, "must be ≥ 0 and finite");

    private static void Finite(double value, string name) =>
        Require(double.IsFinite(value), name, value, "must be finite");

    private static void Require(bool condition, string name, double value, string rule)
    {
        if (!condition)
        {
            throw new ArgumentException(
                $"Scenario parameter {name} = {value.ToString("G6", CultureInfo.InvariantCulture)} {rule}.");
        }
    }
}
