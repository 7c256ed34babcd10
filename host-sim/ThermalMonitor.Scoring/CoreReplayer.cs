using ThermalMonitor.Core.Acquisition;
using ThermalMonitor.Core.Alarms;
using ThermalMonitor.Core.Config;
using ThermalMonitor.Core.Monitoring;
using ThermalMonitor.Link;
using ThermalMonitor.Profiles;
using ThermalMonitor.Report;
using ThermalMonitor.Stimulus;
using ThermalMonitor.Targets;

namespace ThermalMonitor.Scoring;

/// <summary>
/// The direct core run: a profile through the simulated sensor chain into raw ADC counts, and the
/// counts straight into the firmware core (<see cref="LeakMonitor.Step"/> in a loop, no link, no
/// board) — the same code the ESP32 runs. Not a target (those go over the wire protocol,
/// <see cref="TargetConnection"/>): the fast path for the scoreboard and reports, which records
/// what only it can see per sample (pressure, residual, detector statistic, noise before the leak).
/// For the same counts every target raises the same alarms as this run, bit for bit (the HIL
/// suite holds them to it).
/// </summary>
public static class CoreReplayer
{
    /// <summary>The result's <c>target</c>: no target, the core run directly.</summary>
    public const string Label = "core";

    private const int ProgressEverySamples = 10000;

    public static ReplayOutcome Run(Profile profile, ReplayOptions options, IProgress<ReplayProgress>? progress = null, CancellationToken cancellation = default)
    {
        MonitorConfig config = ReplayConfiguration.For(profile, options.Config);
        var monitor = new LeakMonitor(config);
        int periodMs = monitor.Derived.SamplePeriodMs;
        var stream = new ReplaySampleStream(profile, periodMs, monitor.Derived.BurstLength, options.SensorSeed, options.Speed, options.MaxGapS);
        long total = stream.Total;
        RawSample raw = stream.Sample;
        var received = new MonitorEvent();
        var log = new AlarmLog();
        var series = options.CollectTrace
            ? new TraceRecorder(total, profile.FirstRow.TimeS, profile.LastRow.TimeS, options.TraceFocus)
            : null;
        // The score's baseline needs every sample's pressure; a long replay does without (4 bytes a sample).
        int[] pressurePa = options.CollectPressure ? new int[total] : [];
        long sampleGapEvents = 0;
        double sumSquares = 0;
        double sum = 0;
        long residualCount = 0;
        double differenceSquares = 0;
        long differenceCount = 0;
        int previousPressurePa = 0;
        double onsetS = options.LeakOnsetS ?? double.PositiveInfinity;

        long index = 0;
        while (stream.TryNext(out double timeS))
        {
            cancellation.ThrowIfCancellationRequested();
            monitor.Step(raw);
            MonitorTelemetry t = monitor.Telemetry;
            if (options.CollectPressure)
            {
                pressurePa[index] = t.PressurePa;
            }

            series?.Add(
                timeS,
                t.IsAccepted(ChannelId.Pressure) ? t.PressurePa / 1000.0 : double.NaN,
                t.IsAccepted(ChannelId.Temperature) ? t.TempMilliC / 1000.0 : double.NaN,
                t.HasResidual ? t.ResidualPa / 1000.0 : double.NaN,
                t.ModelReady ? t.CusumPermille / 10.0 : double.NaN);
            if (timeS < onsetS && index > 0 && t.IsAccepted(ChannelId.Pressure))
            {
                double difference = t.PressurePa - previousPressurePa;
                differenceSquares += difference * difference;
                differenceCount++;
            }

            previousPressurePa = t.PressurePa;
            if (t.ModelReady && t.HasResidual && timeS < onsetS)
            {
                sum += t.ResidualPa;
                sumSquares += (double)t.ResidualPa * t.ResidualPa;
                residualCount++;
            }

            while (monitor.TryDequeueEvent(received))
            {
                sampleGapEvents += received.Id == EventId.SampleGap ? 1 : 0;
                ResultAlarm? raised = log.Apply(received);
                if (raised is not null)
                {
                    progress?.Report(new ReplayProgress(index + 1, total, timeS, raised));
                }
            }

            index++;
            if (index % ProgressEverySamples == 0)
            {
                progress?.Report(new ReplayProgress(index, total, timeS, null));
            }
        }

        progress?.Report(new ReplayProgress(index, total, profile.DurationS, null));
        double durationS = index * periodMs / 1000.0;
        var result = new ReplayResult(Profile: profile.Name, Target: Label, Samples: index, DurationS: durationS, Alarms: log.Alarms.ToList())
        {
            ImpossibleReadings = stream.ImpossibleReadings,
            Config = ConfigJson.Write(config),
            SampleGaps = stream.Gaps.Count,
        };
        double mean = residualCount > 0 ? sum / residualCount : double.NaN;
        return new ReplayOutcome
        {
            SingleRowSpikes = stream.SingleRowSpikes,
            Gaps = stream.Gaps,
            FirmwareSampleGapEvents = sampleGapEvents,
            Result = result,
            Trace = series is null ? null : ToTrace(series, profile, Label, options.LeakOnsetS, log.Alarms, config),
            PressurePa = index >= pressurePa.Length ? pressurePa : pressurePa[..(int)index],
            ResidualSigmaPa = residualCount > 1 ? Math.Sqrt(Math.Max(0, (sumSquares / residualCount) - (mean * mean))) : double.NaN,
            // White noise of x gives differences with variance 2σ²; the slow thermal drift adds next to nothing.
            PressureNoiseSigmaPa = differenceCount > 1 ? Math.Sqrt(differenceSquares / differenceCount / 2) : double.NaN,
            Derived = monitor.Derived,
            WallSeconds = stream.WallSeconds,
        };
    }

    /// <summary>The plot series of <paramref name="series"/> (NaN where the firmware had no valid value) with the alarms.</summary>
    private static ReplayTrace ToTrace(TraceRecorder series, Profile profile, string target, double? onsetS, IReadOnlyList<ResultAlarm> alarms, MonitorConfig config)
    {
        var (timeS, pressureKpa, tempC, residualKpa, statisticPercent) = series.Series();
        return new ReplayTrace
        {
            ProfileName = profile.Name,
            Target = target,
            Description = profile.Metadata.GetValueOrDefault("description"),
            LeakOnsetS = onsetS,
            StartUtc = profile.StartUtc,
            ModelWarmupS = config.Get(ParamId.ModelWarmupS),
            StatisticPersistS = config.Get(ParamId.CusumPersistMs) / 1000.0,
            TimeS = timeS,
            PressureKpa = pressureKpa,
            TempC = tempC,
            ResidualKpa = residualKpa,
            StatisticPercent = statisticPercent,
            DecimatedSamples = series.Decimated ? series.Samples : null,
            ValidPressureSamples = series.Decimated ? series.ValidPressureSamples : null,
            ValidTempSamples = series.Decimated ? series.ValidTempSamples : null,
            Alarms = [.. alarms.Select(a => new TraceAlarm(a.Seq, a.Type, a.Severity, a.Channel, a.Cause, a.TimeS, a.ClearedTimeS))],
        };
    }
}
