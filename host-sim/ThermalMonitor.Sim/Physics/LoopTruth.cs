namespace ThermalMonitor.Sim;

/// <summary>
/// Internal state behind a sample, for tests, reports and scoring; never seen by a detector.
/// </summary>
/// <param name="LoopPressureKpa">
/// Absolute pressure at the accumulator, without the pump's effects at the transducer.
/// </param>
/// <param name="InventoryLiters">Liquid left, as volume at the loop's reference temperature.</param>
/// <param name="LeakFlowLitersPerS">Liquid volume flow out of the hole at this instant.</param>
/// <param name="HoleDiameterMm">Hole diameter in force (0 without a leak).</param>
/// <param name="Phase">Hydraulic regime.</param>
/// <param name="IsSunlit">Whether the spacecraft is in sunlight.</param>
/// <param name="IsPumpRunning">Whether the circulation pump runs.</param>
/// <param name="LiquidTempC">
/// Temperature of the loop liquid, which sets its volume and so the pressure; the sample's
/// <see cref="SimSample.TempC"/> is what the temperature sensor reads, the same value unless the
/// sensor lags (<see cref="TemperatureSensorSettings"/>).
/// </param>
public readonly record struct LoopTruth(
    double LoopPressureKpa,
    double InventoryLiters,
    double LeakFlowLitersPerS,
    double HoleDiameterMm,
    LoopPhase Phase,
    bool IsSunlit,
    bool IsPumpRunning,
    double LiquidTempC);
