namespace ThermalMonitor.Report;

/// <summary>One row of the scoreboard: one profile's outcome against its expectation.</summary>
/// <param name="Profile">Profile name; matched to <see cref="ReplayTrace.ProfileName"/> for the plot.</param>
/// <param name="Expected">Expected outcome, e.g. "DEPRESSURIZATION WARNING" or "none".</param>
/// <param name="Got">Actual outcome.</param>
/// <param name="DelayS">Detection delay after leak onset in seconds, if detected.</param>
/// <param name="BoundS">Information bound (clairvoyant CUSUM delay) in seconds, if defined.</param>
/// <param name="Ratio">DelayS / BoundS, if both are defined.</param>
/// <param name="FalseAlarmsPerDay">False alarms per simulated day.</param>
/// <param name="SensorFaultCorrect">Whether the expected sensor fault was reported; null when not applicable.</param>
/// <param name="BaselineDelayS">The baseline detector's delay in seconds, if it detected.</param>
/// <param name="BaselineFalseAlarmsPerDay">The baseline detector's false alarms per simulated day.</param>
/// <param name="Passed">Whether the profile met its expectation.</param>
/// <param name="Failure">Why it failed, when it did.</param>
public sealed record ScoreRow(
    string Profile, string Expected, string Got, double? DelayS, double? BoundS, double? Ratio,
    double FalseAlarmsPerDay, bool? SensorFaultCorrect, double? BaselineDelayS, double BaselineFalseAlarmsPerDay,
    bool Passed, string? Failure);
