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
        var stream = new ReplaySampleStream(profile, periodMs, monitor.Derived.BurstLength, options.SensorSeed, options.Speed);
        long total = stream.Total;
        RawSample raw = stream.Sample;
        var received = new MonitorEvent();
        var log = new AlarmLog();
        var series = options.CollectTrace ? new TraceSeries(total) : null;
        var pressurePa = new int[total];
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
            pressurePa[index] = t.PressurePa;
            series?.Add(index, timeS, t);
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
        };
        double mean = residualCount > 0 ? sum / residualCount : double.NaN;
        return new ReplayOutcome
        {
            SingleRowSpikes = stream.SingleRowSpikes,
            Result = result,
            Trace = series?.ToTrace(profile, Label, options.LeakOnsetS, log.Alarms, index, config),
            PressurePa = index == total ? pressurePa : pressurePa[..(int)index],
            ResidualSigmaPa = residualCount > 1 ? Math.Sqrt(Math.Max(0, (sumSquares / residualCount) - (mean * mean))) : double.NaN,
            // White noise of x gives differences with variance 2σ²; the slow thermal drift adds next to nothing.
            PressureNoiseSigmaPa = differenceCount > 1 ? Math.Sqrt(differenceSquares / differenceCount / 2) : double.NaN,
            Derived = monitor.Derived,
            WallSeconds = stream.WallSeconds,
        };
    }

    /// <summary>Per-sample plot series (NaN where the firmware had no valid value).</summary>
    private sealed class TraceSeries(long count)
    {
        private readonly double[] timeS = new double[count];
        private readonly double[] pressureKpa = new double[count];
        private readonly double[] tempC = new double[count];
        private readonly double[] residualKpa = new double[count];
        private readonly double[] statisticPercent = new double[count];

        public void Add(long index, double time, MonitorTelemetry t)
        {
            timeS[index] = time;
            pressureKpa[index] = t.IsAccepted(ChannelId.Pressure) ? t.PressurePa / 1000.0 : double.NaN;
            tempC[index] = t.IsAccepted(ChannelId.Temperature) ? t.TempMilliC / 1000.0 : double.NaN;
            residualKpa[index] = t.HasResidual ? t.ResidualPa / 1000.0 : double.NaN;
            statisticPercent[index] = t.ModelReady ? t.CusumPermille / 10.0 : double.NaN;
        }

        public ReplayTrace ToTrace(Profile profile, string target, double? onsetS, IReadOnlyList<ResultAlarm> alarms, long samples, MonitorConfig config) => new()
        {
            ProfileName = profile.Name,
            Target = target,
            Description = profile.Metadata.GetValueOrDefault("description"),
            LeakOnsetS = onsetS,
            StartUtc = profile.StartUtc,
            ModelWarmupS = config.Get(ParamId.ModelWarmupS),
            StatisticPersistS = config.Get(ParamId.CusumPersistMs) / 1000.0,
            TimeS = timeS[..(int)samples],
            PressureKpa = pressureKpa[..(int)samples],
            TempC = tempC[..(int)samples],
            ResidualKpa = residualKpa[..(int)samples],
            StatisticPercent = statisticPercent[..(int)samples],
            Alarms = [.. alarms.Select(a => new TraceAlarm(a.Seq, a.Type, a.Severity, a.Channel, a.Cause, a.TimeS, a.ClearedTimeS))],
        };
    }
}
