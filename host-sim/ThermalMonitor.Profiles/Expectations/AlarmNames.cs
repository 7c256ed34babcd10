namespace ThermalMonitor.Profiles;

/// <summary>
/// Wire names of alarm types, channels and sensor-fault reasons as the firmware reports them
/// (firmware/ThermalMonitor.Core/MonitorDictionary.cs), used by the expectation and result files.
/// A copy, because the profile formats do not depend on the firmware core;
/// ThermalMonitor.Core.Tests holds it to the dictionary.
/// </summary>
public static class AlarmNames
{
    /// <summary>Loss of loop pressure (rate of drop, low limits, CUSUM).</summary>
    public const string Depressurization = "DEPRESSURIZATION";

    /// <summary>Coolant temperature above a limit.</summary>
    public const string Overtemp = "OVERTEMP";

    /// <summary>A channel failed validation (open, short, stuck, noisy…); leak decisions inhibited.</summary>
    public const string SensorFault = "SENSOR_FAULT";

    /// <summary>Pressure channel.</summary>
    public const string PressureChannel = "pressure";

    /// <summary>Coolant temperature channel.</summary>
    public const string TempChannel = "temp";

    /// <summary>Transducer supply-sense channel.</summary>
    public const string SupplyChannel = "supply";

    /// <summary>Every alarm type an expectation may name.</summary>
    public static IReadOnlyList<string> AlarmTypes { get; } = [Depressurization, Overtemp, SensorFault];

    /// <summary>Every channel an expectation may name.</summary>
    public static IReadOnlyList<string> Channels { get; } = [PressureChannel, TempChannel, SupplyChannel];

    /// <summary>Sensor-fault reasons an expectation may require (expect@1).</summary>
    public static IReadOnlyList<string> FaultReasons { get; } = ["OPEN", "SHORT", "STUCK", "NOISY"];
}
