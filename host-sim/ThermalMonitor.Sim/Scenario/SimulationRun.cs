namespace ThermalMonitor.Sim;

/// <summary>
/// A scenario run sample by sample: physics, then sensor chain. Allocation-free per sample (the caller
/// supplies the burst buffers), for long runs and benchmarks; <see cref="Simulation"/> wraps it in
/// enumerables.
/// </summary>
public sealed class SimulationRun
{
    private readonly LoopSimulator physics;

    /// <summary>
    /// Validates <paramref name="scenario"/> and prepares a run whose sensor noise derives from <paramref
    /// name="seed"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The scenario is invalid; the message names the parameter.</exception>
    public SimulationRun(Scenario scenario, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        physics = new LoopSimulator(scenario);
        Sensors = new SensorChain(scenario.Sensors, scenario.Faults, scenario.OutputPeriodMs, seed);
        BurstLength = scenario.Sensors.BurstLength;
    }

    /// <summary>Number of samples the run produces.</summary>
    public long SampleCount => physics.SampleCount;

    /// <summary>Reads per channel per sample; the size <see cref="TryNext"/> expects of its burst.</summary>
    public int BurstLength { get; }

    /// <summary>The run's sensor chain (fault windows, pin voltages).</summary>
    public SensorChain Sensors { get; }

    /// <summary>
    /// Produces the next sample and fills <paramref name="burst"/>; false at the end of the run.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="burst"/> has the wrong length.</exception>
    public bool TryNext(out SimSample sample, AdcBurst burst)
    {
        ArgumentNullException.ThrowIfNull(burst);
        if (burst.BurstLength != BurstLength)
        {
            throw new ArgumentException(
                $"Burst holds {burst.BurstLength} reads; the scenario takes {BurstLength}.", nameof(burst));
        }

        if (!physics.TryNext(out sample))
        {
            return false;
        }

        Sensors.Acquire(sample, burst);
        return true;
    }
}
