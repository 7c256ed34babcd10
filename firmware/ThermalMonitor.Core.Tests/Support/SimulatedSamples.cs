using ThermalMonitor.Core.Acquisition;
using ThermalMonitor.Stimulus;
using ThermalMonitor.Sim;

namespace ThermalMonitor.Core.Tests.Support;

/// <summary>Raw samples from the loop simulator, for tests that need the monitor to see a real signal (a constant one would read as stuck).</summary>
public static class SimulatedSamples
{
    /// <summary>The synthetic cases' seed (Synthetic/SyntheticCases.cs); this file is also compiled into ThermalMonitor.Link.Tests.</summary>
    public const ulong Seed = 20221215;

    /// <summary>A healthy loop, one sample per 100 ms from t = 0.</summary>
    public static RawSample[] Healthy(double durationS) => Run(new Scenario { DurationS = durationS });

    /// <summary>A healthy loop that gets a hole of <paramref name="holeMm"/> at <paramref name="onsetS"/>: a fast drop raises DEPRESSURIZATION.</summary>
    public static RawSample[] Leak(double durationS, double onsetS, double holeMm) =>
        Run(new Scenario { DurationS = durationS, Leak = new LeakSettings { Steps = [new LeakStep(onsetS, holeMm)] } });

    public static RawSample[] Run(Scenario scenario)
    {
        var run = new SimulationRun(scenario, Seed);
        var burst = new AdcBurst(run.BurstLength);
        var samples = new List<RawSample>();
        while (run.TryNext(out SimSample simulated, burst))
        {
            var raw = new RawSample();
            RawSampleLoader.Load(raw, burst, simulated.TimeS);
            samples.Add(raw);
        }

        return [.. samples];
    }

    public static RawSample Copy(RawSample sample)
    {
        var copy = new RawSample();
        copy.CopyFrom(sample);
        return copy;
    }
}
