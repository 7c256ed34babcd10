namespace ThermalMonitor.Sim;

/// <summary>
/// Streaming entry points. Both enumerate lazily and hold only the current state, so a 30-day run at
/// 10 Hz (26 million samples) needs no more memory than a 1-minute one. Each enumeration restarts the
/// scenario from time 0 and, for a given seed, yields identical values.
/// </summary>
public static class Simulation
{
    /// <summary>
    /// Physics only: one <see cref="SimSample"/> per output period (what a Profile CSV row holds).
    /// </summary>
    /// <exception cref="ArgumentException">The scenario is invalid (thrown here, not on enumeration).</exception>
    public static IEnumerable<SimSample> RunPhysics(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        scenario.Validate();
        return EnumeratePhysics(scenario);
    }

    /// <summary>
    /// Physics and sensor chain: each frame carries its own newly allocated burst. For allocation-free
    /// streaming use <see cref="SimulationRun"/> directly.
    /// </summary>
    /// <exception cref="ArgumentException">The scenario is invalid (thrown here, not on enumeration).</exception>
    public static IEnumerable<SimFrame> Run(Scenario scenario, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        scenario.Validate();
        return EnumerateFrames(scenario, seed);
    }

    private static IEnumerable<SimSample> EnumeratePhysics(Scenario scenario)
    {
        var physics = new LoopSimulator(scenario);
        while (physics.TryNext(out SimSample sample))
        {
            yield return sample;
        }
    }

    private static IEnumerable<SimFrame> EnumerateFrames(Scenario scenario, ulong seed)
    {
        var run = new SimulationRun(scenario, seed);
        while (true)
        {
            var burst = new AdcBurst(run.BurstLength);
            if (!run.TryNext(out SimSample sample, burst))
            {
                yield break;
            }

            yield return new SimFrame(sample, burst);
        }
    }
}
