namespace ThermalMonitor.Sim;

/// <summary>A column of a data logger's rows.</summary>
public enum LoggerChannel
{
    /// <summary>The loop pressure reading.</summary>
    Pressure,

    /// <summary>The coolant temperature reading.</summary>
    Temperature,
}
