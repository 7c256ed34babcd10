namespace ThermalMonitor.Report;

/// <summary>One alarm raised during a replay.</summary>
/// <param name="Seq">The firmware's alarm sequence number.</param>
/// <param name="Type">Alarm type, e.g. "DEPRESSURIZATION", "OVERTEMP", "SENSOR_FAULT".</param>
/// <param name="Severity">"CAUTION" or "WARNING" (others are drawn in a neutral colour).</param>
/// <param name="Channel">Channel, e.g. "pressure", "temp".</param>
/// <param name="Cause">Detector layer or reason, e.g. "CUSUM", "RATE_OF_DROP", "OPEN".</param>
/// <param name="TimeS">Profile time when raised, seconds from profile start.</param>
/// <param name="ClearedTimeS">Profile time when cleared, or null if it never cleared.</param>
public sealed record TraceAlarm(
    int Seq, string Type, string Severity, string Channel, string Cause, double TimeS, double? ClearedTimeS);
