namespace ThermalMonitor.Report;

/// <summary>
/// One replay of one profile, as the report draws it: the firmware's per-sample view of the loop
/// (pressure, temperature, thermal-compensated residual, detector statistic) and the alarms it raised.
/// </summary>
/// <remarks>
/// All sample arrays have the length of <see cref="TimeS"/>. <see cref="double.NaN"/> marks a sample
/// where the firmware had no valid value; the plots break the line there instead of bridging it.
/// </remarks>
public sealed class ReplayTrace
{
    /// <summary>Profile name (user input: escaped in the report).</summary>
    public required string ProfileName { get; init; }

    /// <summary>Target the profile was replayed on: "sil", "virtual", "serial:/dev/ttyUSB0@921600".</summary>
    public required string Target { get; init; }

    /// <summary>What the profile models (user input: escaped in the report).</summary>
    public string? Description { get; init; }

    /// <summary>Ground-truth leak onset in seconds from profile start, if known.</summary>
    public double? LeakOnsetS { get; init; }

    /// <summary>The UTC time of profile time 0, when the profile states it (its <c>start_utc</c>).</summary>
    public DateTimeOffset? StartUtc { get; init; }

    /// <summary>
    /// How long the thermal model learns before the slow path (residual, statistic) decides, in
    /// seconds (the configuration's <c>modelWarmupS</c>); explains empty residual and statistic panels.
    /// </summary>
    public double? ModelWarmupS { get; init; }

    /// <summary>
    /// How long the statistic must stay above 100 % before a CAUTION is raised, in seconds (the
    /// configuration's <c>cusumPersistMs</c>); explains the gap between the crossing and the alarm.
    /// </summary>
    public double? StatisticPersistS { get; init; }

    /// <summary>Sample times, seconds from profile start, finite and strictly increasing.</summary>
    public required double[] TimeS { get; init; }

    /// <summary>Loop pressure in kPa (absolute); NaN where the firmware had no valid value.</summary>
    public required double[] PressureKpa { get; init; }

    /// <summary>Coolant temperature in °C; NaN where the firmware had no valid value.</summary>
    public required double[] TempC { get; init; }

    /// <summary>Thermal-compensated pressure residual in kPa; NaN where there is none.</summary>
    public required double[] ResidualKpa { get; init; }

    /// <summary>CUSUM statistic as % of its threshold (100 = alarm level); NaN where there is none.</summary>
    public required double[] StatisticPercent { get; init; }

    /// <summary>
    /// Samples of the replay when the series are decimated (<see cref="TraceRecorder"/>: min/max per
    /// bucket, fewer points than samples); null when the series hold every sample.
    /// </summary>
    public long? DecimatedSamples { get; init; }

    /// <summary>Samples with a valid pressure, when decimated.</summary>
    public long? ValidPressureSamples { get; init; }

    /// <summary>Samples with a valid temperature, when decimated.</summary>
    public long? ValidTempSamples { get; init; }

    /// <summary>Alarms raised during the replay, in any order.</summary>
    public IReadOnlyList<TraceAlarm> Alarms { get; init; } = [];

    /// <summary>
    /// Throws <see cref="ArgumentException"/> naming the offending member when the arrays differ in
    /// length or <see cref="TimeS"/> is not finite and strictly increasing.
    /// </summary>
    public void Validate()
    {
        int count = TimeS.Length;
        RequireLength(PressureKpa, nameof(PressureKpa), count);
        RequireLength(TempC, nameof(TempC), count);
        RequireLength(ResidualKpa, nameof(ResidualKpa), count);
        RequireLength(StatisticPercent, nameof(StatisticPercent), count);
        for (int i = 0; i < count; i++)
        {
            if (!double.IsFinite(TimeS[i]))
            {
                throw new ArgumentException($"Trace '{ProfileName}': TimeS[{i}] = {TimeS[i]} is not finite.");
            }

            if (i > 0 && TimeS[i] <= TimeS[i - 1])
            {
                throw new ArgumentException(
                    $"Trace '{ProfileName}': TimeS must be strictly increasing, but TimeS[{i}] = {TimeS[i]} <= TimeS[{i - 1}] = {TimeS[i - 1]}.");
            }
        }

        if (LeakOnsetS is double onset && !double.IsFinite(onset))
        {
            throw new ArgumentException($"Trace '{ProfileName}': LeakOnsetS = {onset} is not finite.");
        }
    }

    private void RequireLength(double[] values, string name, int count)
    {
        if (values.Length != count)
        {
            throw new ArgumentException(
                $"Trace '{ProfileName}': {name} has {values.Length} samples but TimeS has {count}.");
        }
    }
}
