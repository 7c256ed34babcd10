namespace ThermalMonitor.Scoring;

/// <summary>
/// One detector's leaks of one hole-size class: how many, how many missed, and over the detected ones
/// the distributions of delay, of delay / information bound, and of delay − bound.
/// </summary>
/// <param name="Class">The hole-size class.</param>
/// <param name="Count">Leak cases in the class.</param>
/// <param name="Missed">Leaks without a DEPRESSURIZATION raise at or after the onset.</param>
/// <param name="MissedWithAlarmActive">Of those, leaks whose loop had a (false) DEPRESSURIZATION alarm still active at the onset.</param>
/// <param name="DelayS">Detection delay, s.</param>
/// <param name="BoundS">Information bound of the class's leaks (detected or not), s.</param>
/// <param name="Ratio">Delay / bound (leaks with a bound).</param>
/// <param name="ExcessS">Delay − bound, s (leaks with a bound).</param>
public sealed record HoleClassStatistics(
    HoleSizeClass Class, int Count, int Missed, int MissedWithAlarmActive, DistributionSummary DelayS, DistributionSummary BoundS,
    DistributionSummary Ratio, DistributionSummary ExcessS);
