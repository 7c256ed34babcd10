namespace ThermalMonitor.Profiles;

/// <summary>
/// An alarm a correct detector raises on the profile: of <paramref name="Type"/> on
/// <paramref name="Channel"/>, at a profile time in [<paramref name="NotBeforeS"/>,
/// <paramref name="NotBeforeS"/> + <paramref name="WithinS"/>].
/// </summary>
/// <param name="Type">DEPRESSURIZATION, OVERTEMP or SENSOR_FAULT.</param>
/// <param name="Channel">pressure, temp or supply.</param>
/// <param name="Reason">
/// For SENSOR_FAULT, the fault reason the alarm's cause must equal (OPEN, SHORT, STUCK, NOISY); null
/// accepts any cause.
/// </param>
/// <param name="NotBeforeS">Earliest acceptable raise time (the event's onset).</param>
/// <param name="WithinS">Allowed delay after <paramref name="NotBeforeS"/>.</param>
public sealed record ExpectedAlarm(string Type, string Channel, string? Reason, double NotBeforeS, double WithinS)
{
    /// <summary>Latest acceptable raise time.</summary>
    public double DeadlineS => NotBeforeS + WithinS;
}
