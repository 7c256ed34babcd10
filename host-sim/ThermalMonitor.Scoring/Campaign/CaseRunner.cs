using ThermalMonitor.Core.Acquisition;
using ThermalMonitor.Core.Monitoring;
using ThermalMonitor.Core.Reference;
using ThermalMonitor.Profiles;
using ThermalMonitor.Sim;
using ThermalMonitor.Stimulus;

namespace ThermalMonitor.Scoring;

/// <summary>
/// Runs one campaign case: the world case's physics (and, for a leak, its healthy twin in lockstep)
/// through the data logger into rows, the rows into a <see cref="Profile"/>, the profile through the
/// simulated sensor chain into raw counts, and the same counts into one firmware
/// <see cref="LeakMonitor"/> per detector configuration. For a leak it also measures the noise of the
/// measurement on the healthy twin and computes the information bound (README.md in this folder).
/// Holds one case's rows at a time.
/// </summary>
public static class CaseRunner
{
    /// <summary>Length of a batch of the long-run noise estimate, s.</summary>
    public const double BatchS = 60.0;

    private const int ProgressEverySamples = 1 << 16;

    /// <summary>
    /// Runs <paramref name="spec"/> on <paramref name="draw"/> with the configurations <paramref name="detectors"/>;
    /// <paramref name="samplesDone"/> hears of replayed samples now and then (from this thread).
    /// </summary>
    /// <exception cref="ArgumentException">The detectors disagree on the sample period or burst length, or the period is not the physics period.</exception>
    public static CaseResult Run(
        CaseSpec spec, LoopDraw draw, IReadOnlyList<string> detectors, Action<long>? samplesDone = null,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(draw);
        ArgumentNullException.ThrowIfNull(detectors);
        IReadOnlyList<LeakStep>? leakSteps = spec is { HoleMm: { } holeMm, OnsetS: { } onset } ? [new LeakStep(onset, holeMm)] : null;
        WorldCase world = WorldCaseBuilder.Build(draw, spec.Phenomena, spec.DurationS, spec.Seed, leakSteps);
        DetectorLane[] lanes = [.. detectors.Select(name => new DetectorLane(name, new LeakMonitor(DetectorConfigurations.Create(name))))];
        int periodMs = lanes[0].Monitor.Derived.SamplePeriodMs;
        int burstLength = lanes[0].Monitor.Derived.BurstLength;
        if (lanes.Any(l => l.Monitor.Derived.SamplePeriodMs != periodMs || l.Monitor.Derived.BurstLength != burstLength)
            || periodMs != world.Scenario.OutputPeriodMs)
        {
            throw new ArgumentException(
                "Detector configurations " + string.Join(", ", detectors) + " must share one sample period and burst length, "
                + $"equal to the physics period ({world.Scenario.OutputPeriodMs} ms), to be fed the same counts.",
                nameof(detectors));
        }

        Recording recording = Record(world, spec, periodMs);
        Profile profile = LoggerProfile.Create(world.Scenario.Name, recording.Rows, world.Logger.PeriodMs, world.SensorSeed, world.Scenario.Description);
        recording.Rows.Clear();
        recording.Rows.TrimExcess();

        double onsetS = spec.OnsetS ?? double.PositiveInfinity;
        bool isLeak = spec.OnsetS is not null;

        // A logger row interval before the onset the replay already interpolates towards the first
        // row that shows the leak: an alarm from then on is the leak's, not a false one.
        double countsFromS = onsetS - (world.Logger.PeriodMs / 1000.0);

        // The measurement (conversion and false-alarm interval) is v2's; a v2 lane already computes it.
        DetectorLane? v2Lane = lanes.FirstOrDefault(l => l.Name == DetectorConfigurations.V2);
        DetectorLane? measurement = !isLeak ? null
            : v2Lane ?? new DetectorLane(DetectorConfigurations.V2, new LeakMonitor(DetectorConfigurations.Create(DetectorConfigurations.V2)));
        bool measurementIsExtra = measurement is not null && v2Lane is null;
        var noise = new LongRunNoise((int)Math.Round(BatchS * 1000.0 / periodMs));

        var stream = new ReplaySampleStream(profile, periodMs, burstLength, world.SensorSeed, speed: 0);
        RawSample raw = stream.Sample;
        long index = 0;
        long reported = 0;
        while (stream.TryNext(out double timeS))
        {
            cancellation.ThrowIfCancellationRequested();
            foreach (DetectorLane lane in lanes)
            {
                lane.Monitor.Step(raw);
                lane.Drain(countsFromS, timeS);
            }

            if (measurement is not null && index < recording.TruthPa.Length)
            {
                if (measurementIsExtra)
                {
                    measurement.Monitor.Step(raw);
                    measurement.Drain(countsFromS, timeS);
                }

                MonitorTelemetry telemetry = measurement.Monitor.Telemetry;
                if (telemetry.IsAccepted(ChannelId.Pressure))
                {
                    noise.Add(telemetry.PressurePa - recording.TruthPa[index]);
                }
            }

            index++;
            if (index - reported >= ProgressEverySamples)
            {
                samplesDone?.Invoke(index - reported);
                reported = index;
            }

            // Once every detector has found the leak, nothing after it can change the result.
            if (isLeak && timeS >= onsetS && lanes.All(l => l.FirstLeakAlarm is not null))
            {
                break;
            }
        }

        samplesDone?.Invoke(index - reported);
        double? boundS = null;
        if (measurement is not null && noise.LongRunSigma > 0)
        {
            int? boundSamples = InformationBound.DelaySamples(
                recording.ShiftPa, noise.LongRunSigma, measurement.Monitor.Derived.FalseAlarmIntervalSamples);
            boundS = boundSamples * periodMs / 1000.0;
        }

        return new CaseResult
        {
            Spec = spec,
            LoggerPeriodMs = world.Logger.PeriodMs,
            Rows = profile.RowCount,
            BetaPhaseDeg = world.BetaPhaseDeg,
            HeaterSteps = world.HeaterSteps,
            PumpStops = world.PumpStops,
            Glitches = recording.GlitchesWritten,
            SamplesReplayed = index,
            NominalS = isLeak ? onsetS : index * periodMs / 1000.0,
            EmptyAtS = recording.EmptyAtS,
            MeasurementSigmaPa = isLeak ? Finite(noise.SampleSigma) : null,
            LongRunSigmaPa = isLeak ? Finite(noise.LongRunSigma) : null,
            BoundS = boundS,
            Detectors = [.. lanes.Select(l => l.ToResult())],
        };
    }

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;

    /// <summary>
    /// Runs the physics (and the healthy twin of a leak) through the logger: the rows, the true
    /// pressure at the transducer on every firmware sample before the onset, and the leak's effect
    /// μ_j (leak minus twin) on every sample after it. A leak case ends 30 min after the loop empties.
    /// </summary>
    private static Recording Record(WorldCase world, CaseSpec spec, int periodMs)
    {
        Scenario scenario = world.Scenario;
        var physics = new LoopSimulator(scenario);
        bool isLeak = spec.OnsetS is not null;
        LoopSimulator? twin = isLeak ? new LoopSimulator(scenario with { Leak = new LeakSettings() }) : null;
        var logger = new DataLogger(world.Logger, periodMs, world.LoggerSeed);
        double onsetS = spec.OnsetS ?? double.PositiveInfinity;
        long preOnsetSamples = isLeak ? (long)Math.Ceiling((onsetS * 1000.0 / periodMs) - 1e-9) : 0;
        var recording = new Recording(
            new List<LoggerRow>((int)Math.Min(int.MaxValue, (scenario.SampleCount / logger.Stride) + 1)),
            new double[preOnsetSamples]);
        double stopS = double.PositiveInfinity;
        while (physics.TryNext(out SimSample sample))
        {
            SimSample healthy = default;
            twin?.TryNext(out healthy);
            if (sample.TimeS >= stopS)
            {
                break;
            }

            if (recording.EmptyAtS is null && sample.Truth.Phase == LoopPhase.Empty)
            {
                recording.EmptyAtS = sample.TimeS;
                stopS = sample.TimeS + CampaignPlan.AfterEmptyS;
            }

            if (logger.TryRecord(sample, out LoggerRow row))
            {
                recording.Rows.Add(row);
            }

            if (sample.Index < preOnsetSamples)
            {
                recording.TruthPa[sample.Index] = sample.PressureKpa * 1000.0;
            }
            else if (sample.TimeS > onsetS)
            {
                recording.ShiftPa.Add((sample.PressureKpa - healthy.PressureKpa) * 1000.0);
            }
        }

        recording.GlitchesWritten = logger.GlitchesWritten;
        return recording;
    }

    /// <summary>What the physics pass of a case keeps.</summary>
    private sealed class Recording(List<LoggerRow> rows, double[] truthPa)
    {
        public List<LoggerRow> Rows { get; } = rows;

        /// <summary>True transducer pressure before the onset (the healthy twin's), Pa, per firmware sample.</summary>
        public double[] TruthPa { get; } = truthPa;

        /// <summary>μ_j: leak minus twin after the onset, Pa.</summary>
        public List<double> ShiftPa { get; } = [];

        public double? EmptyAtS { get; set; }

        public int GlitchesWritten { get; set; }
    }
}
