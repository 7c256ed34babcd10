namespace ThermalMonitor.Sim;

/// <summary>
/// One output sample of the physics: the physical values a Profile CSV v1 row holds, plus the truth
/// behind them.
/// </summary>
/// <param name="Index">Sample number from 0; <paramref name="TimeS"/> = Index × output period.</param>
/// <param name="TimeS">Seconds from profile start.</param>
/// <param name="PressureKpa">Absolute pressure at the transducer (loop pressure plus pump effects).</param>
/// <param name="TempC">
/// Loop coolant temperature as the temperature sensor reads it: the liquid's own
/// (<see cref="LoopTruth.LiquidTempC"/>) unless the sensor lags it (<see cref="TemperatureSensorSettings"/>).
/// </param>
/// <param name="CabinTempC">Cabin/compartment air temperature.</param>
/// <param name="Truth">Internal state behind the sample.</param>
public readonly record struct SimSample(
    long Index,
    double TimeS,
    double PressureKpa,
    double TempC,
    double CabinTempC,
    LoopTruth Truth);
