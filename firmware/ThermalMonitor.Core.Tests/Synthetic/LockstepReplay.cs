using ThermalMonitor.Core.Acquisition;
using ThermalMonitor.Core.Config;
using ThermalMonitor.Core.Monitoring;
using ThermalMonitor.Core.Reference;
using ThermalMonitor.Stimulus;
using ThermalMonitor.Sim;

namespace ThermalMonitor.Core.Tests.Synthetic;

/// <summary>
/// Replays a simulated scenario through the fixed-point <see cref="LeakMonitor"/> and the
/// double-precision <see cref="ReferenceMonitor"/> in lockstep, from the same raw counts.
/// </summary>
public sealed class LockstepReplay
{
    private LockstepReplay(Scenario scenario)
    {
        Scenario = scenario;
    }

    public Scenario Scenario { get; }

    public AlarmRecorder Fixed { get; } = new();

    public AlarmRecorder Reference { get; } = new();

    public long Samples { get; private set; }

    /// <summary>Residual statistics of the fixed-point pipeline over samples where the model was ready and no leak had begun.</summary>
    public RunningStats NominalResidualPa { get; } = new();

    /// <summary>
    /// Firmware pressure minus the physics' transducer pressure before any leak: the measurement
    /// noise a clairvoyant detector faces (what the information bound is computed with).
    /// </summary>
    public RunningStats MeasurementErrorPa { get; } = new();

    /// <summary>Largest |fixed − reference| pressure over accepted samples (Pa).</summary>
    public double MaxPressureDifferencePa { get; private set; }

    /// <summary>Largest |fixed − reference| temperature over accepted samples (milli-°C).</summary>
    public double MaxTempDifferenceMilliC { get; private set; }

    /// <summary>Samples whose pressure entered <see cref="MaxPressureDifferencePa"/> (the fixed pipeline accepted it).</summary>
    public long PressureSamplesCompared { get; private set; }

    /// <summary>Samples whose temperature entered <see cref="MaxTempDifferenceMilliC"/>.</summary>
    public long TempSamplesCompared { get; private set; }

    public int InvariantFailures { get; private set; }

    public static LockstepReplay Run(Scenario scenario, ulong seed, MonitorConfig? config = null, double? leakOnsetS = null)
    {
        config ??= new MonitorConfig();
        var replay = new LockstepReplay(scenario);
        var fixedMonitor = new LeakMonitor(config);
        var reference = new ReferenceMonitor(config);
        var run = new SimulationRun(scenario, seed);
        var burst = new AdcBurst(run.BurstLength);
        var raw = new RawSample();
        double onsetS = leakOnsetS ?? double.PositiveInfinity;

        long index = 0;
        while (run.TryNext(out SimSample sample, burst))
        {
            RawSampleLoader.Load(raw, burst, sample.TimeS);
            fixedMonitor.Step(raw);
            reference.Step(raw);
            replay.Fixed.Drain(fixedMonitor.TryDequeueEvent, index);
            replay.Reference.Drain(reference.TryDequeueEvent, index);

            MonitorTelemetry t = fixedMonitor.Telemetry;
            if (t.IsAccepted(ChannelId.Pressure))
            {
                replay.MaxPressureDifferencePa = Math.Max(replay.MaxPressureDifferencePa, Math.Abs(t.PressurePa - reference.PressurePa));
                replay.PressureSamplesCompared++;
            }

            if (t.IsAccepted(ChannelId.Temperature))
            {
                replay.MaxTempDifferenceMilliC = Math.Max(replay.MaxTempDifferenceMilliC, Math.Abs(t.TempMilliC - reference.TempMilliC));
                replay.TempSamplesCompared++;
            }

            if (t.IsAccepted(ChannelId.Pressure) && sample.TimeS < onsetS)
            {
                replay.MeasurementErrorPa.Add(t.PressurePa - (sample.PressureKpa * 1000));
            }

            if (t.ModelReady && t.HasResidual && sample.TimeS < onsetS)
            {
                replay.NominalResidualPa.Add(t.ResidualPa);
            }

            index++;
        }

        replay.Samples = index;
        replay.InvariantFailures = fixedMonitor.Telemetry.InvariantFailures;
        return replay;
    }
}
