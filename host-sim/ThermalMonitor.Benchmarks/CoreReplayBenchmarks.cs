using BenchmarkDotNet.Attributes;
using ThermalMonitor.Core.Acquisition;
using ThermalMonitor.Core.Alarms;
using ThermalMonitor.Core.Monitoring;
using ThermalMonitor.Profiles;
using ThermalMonitor.Scoring;
using ThermalMonitor.Sim;
using ThermalMonitor.Targets;

namespace ThermalMonitor.Benchmarks;

/// <summary>
/// Direct core replay throughput in samples per second: the firmware core's Step alone
/// (pre-generated raw counts), and the whole direct path (profile → sensor chain → counts → core)
/// that score, report and campaign run (CoreReplayer).
/// One operation = one sample.
/// </summary>
[MemoryDiagnoser]
public class CoreReplayBenchmarks
{
    private const int Samples = 36000; // one simulated hour at 10 Hz

    private RawSample[] rawSamples = [];
    private Profile profile = null!;
    private readonly MonitorEvent drained = new();

    /// <summary>The detector configuration: v1 (before issue 9) or v2 (today's defaults).</summary>
    [Params(DetectorConfigurations.V1, DetectorConfigurations.V2)]
    public string Detector { get; set; } = DetectorConfigurations.V2;

    [GlobalSetup]
    public void Setup()
    {
        var scenario = new Scenario
        {
            DurationS = Samples / 10.0,
            Leak = new LeakSettings { Steps = [new LeakStep(3000, 0.8)] },
        };
        rawSamples = SimulatedCounts.Generate(scenario, 1);
        profile = ProfileGenerator.Generate(new RecordedScenario(scenario, 1, new RecordingPlan(0.1, [])));
    }

    [Benchmark(OperationsPerInvoke = Samples, Description = "core Step (pre-generated counts)")]
    public void CoreStep()
    {
        var monitor = new LeakMonitor(DetectorConfigurations.Create(Detector));
        foreach (RawSample sample in rawSamples)
        {
            monitor.Step(sample);
            while (monitor.TryDequeueEvent(drained))
            {
            }
        }
    }

    [Benchmark(OperationsPerInvoke = Samples, Description = "direct core replay (profile → sensor chain → core)")]
    public ReplayResult CoreReplay() =>
        CoreReplayer.Run(profile, new ReplayOptions { Config = DetectorConfigurations.Create(Detector), CollectTrace = false }).Result;
}
