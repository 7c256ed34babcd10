namespace ThermalMonitor.Sim;

/// <summary>
/// A scenario recorded by a data logger: the physics of <see cref="Simulation.RunPhysics"/> through a
/// <see cref="DataLogger"/>. Lazy and streaming: a multi-day recording at 10 Hz needs no more memory
/// than the row being written.
/// </summary>
public static class LoggerRecording
{
    /// <summary>The rows <paramref name="logger"/> writes while <paramref name="scenario"/> runs, its noise from <paramref name="seed"/>.</summary>
    /// <exception cref="ArgumentException">The scenario or the logger settings are invalid (thrown here, not on enumeration).</exception>
    public static IEnumerable<LoggerRow> Run(Scenario scenario, LoggerSettings logger, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(logger);
        scenario.Validate();
        logger.Validate(scenario.OutputPeriodMs);
        return Enumerate(scenario, logger, seed);
    }

    private static IEnumerable<LoggerRow> Enumerate(Scenario scenario, LoggerSettings settings, ulong seed)
    {
        var physics = new LoopSimulator(scenario);
        var logger = new DataLogger(settings, scenario.OutputPeriodMs, seed);
        while (physics.TryNext(out SimSample sample))
        {
            if (logger.TryRecord(sample, out LoggerRow row))
            {
                yield return row;
            }
        }
    }
}
