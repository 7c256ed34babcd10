using ThermalMonitor.Core.Acquisition;
using ThermalMonitor.Stimulus;
using ThermalMonitor.Sim;

namespace ThermalMonitor.Benchmarks;

/// <summary>Pre-generated firmware input for benchmarks: a scenario's raw counts, one RawSample per sample.</summary>
public static class SimulatedCounts
{
    public static RawSample[] Generate(Scenario scenario, ulong seed)
    {
        var run = new SimulationRun(scenario, seed);
        var burst = new AdcBurst(run.BurstLength);
        var samples = new List<RawSample>();
        while (run.TryNext(out SimSample sample, burst))
        {
            var raw = new RawSample();
            RawSampleLoader.Load(raw, burst, sample.TimeS);
            samples.Add(raw);
        }

        return [.. samples];
    }
}
