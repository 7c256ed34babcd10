namespace ThermalMonitor.Sim;

/// <summary>
/// The coolant-temperature sensor as a thermal body: a probe in a thermowell, a thermistor clamped
/// to the outside of a pipe, or a sensor at a point the flow reaches late lags the liquid whose
/// volume sets the loop pressure. Modelled as a first-order lag: dT_s/dt = (T_liquid − T_s)/τ.
/// The recorded temperature (<see cref="SimSample.TempC"/>) is the sensor's; the pressure follows
/// the liquid (<see cref="LoopTruth.LiquidTempC"/>). Default no lag: the sensor reads the liquid.
/// </summary>
public sealed record TemperatureSensorSettings
{
    /// <summary>
    /// Time constant of the sensor's lag behind the liquid, minutes; 0 = none (the default). A bare
    /// thermistor in the flow responds in seconds; in a thermowell or strapped to a pipe, minutes
    /// (see host-sim/ThermalMonitor.Sim/README.md, "The randomized world").
    /// </summary>
    public double LagTimeConstantMin { get; init; }
}
