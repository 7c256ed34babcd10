namespace ThermalMonitor.Profiles;

/// <summary>
/// One alarm raised during a replay (an element of <c>alarms</c> in the replay-result JSON).
/// </summary>
/// <param name="Seq">The alarm's sequence number as the target reported it.</param>
/// <param name="Type">DEPRESSURIZATION, OVERTEMP, SENSOR_FAULT, …</param>
/// <param name="Severity">CAUTION or WARNING.</param>
/// <param name="Channel">pressure, temp, supply, …</param>
/// <param name="TimeS">Profile time when raised.</param>
/// <param name="ClearedTimeS">Profile time when its condition cleared; null if it never did.</param>
/// <param name="Cause">
/// What raised it: the detection cause (RATE_OF_DROP, RED_LOW_LIMIT, YELLOW_LOW_LIMIT, CUSUM,
/// YELLOW_HIGH_LIMIT, RED_HIGH_LIMIT) or, for SENSOR_FAULT, the fault reason (OPEN, SHORT, STUCK, NOISY,
/// SLEW, READ_FAILED); empty when the target did not say.
/// </param>
public sealed record ResultAlarm(
    int Seq,
    string Type,
    string Severity,
    string Channel,
    double TimeS,
    double? ClearedTimeS,
    string Cause);
