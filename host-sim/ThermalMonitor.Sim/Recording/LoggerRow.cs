namespace ThermalMonitor.Sim;

/// <summary>
/// One row a data logger wrote: its time and the readings as the logger stored them, sensor noise,
/// drift, glitches and quantization included (<see cref="DataLogger"/>).
/// </summary>
/// <param name="TimeS">Seconds from the recording's start.</param>
/// <param name="PressureKpa">Absolute pressure reading, kPa (a glitch may put it below vacuum or beyond full scale).</param>
/// <param name="TempC">Coolant temperature reading, °C.</param>
public readonly record struct LoggerRow(double TimeS, double PressureKpa, double TempC);
