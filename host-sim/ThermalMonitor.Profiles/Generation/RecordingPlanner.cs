using ThermalMonitor.Sim;

namespace ThermalMonitor.Profiles;

/// <summary>
/// Builds a <see cref="RecordingPlan"/> for a scenario: dense windows around every leak step, hydraulic
/// phase change, sensor fault and pump switch, merged and clipped to the profile. Phase changes
/// (accumulator → bellows on its stop → saturated → empty) are found by one physics pre-run: they
/// happen minutes to hours after a leak step (≈ 45 min for the 0.2 mm step of the slow-leak profile)
/// and the collapse through them takes seconds, too fast for a sparse grid. Window edges are whole
/// seconds, so the stored plan reads cleanly.
/// </summary>
public static class RecordingPlanner
{
    /// <summary>Dense time kept before a leak step, fault or phase change.</summary>
    public const double LeadS = 300.0;

    /// <summary>
    /// Dense time kept after a leak step or phase change: the accumulator phase of a 0.8 mm hole lasts ≈ 3 min.
    /// </summary>
    public const double LeakTailS = 900.0;

    /// <summary>Dense time kept after a fault window ends: the validator's recovery.</summary>
    public const double FaultTailS = 300.0;

    /// <summary>Dense time around a glitch or pump switch (its transient decays in ≈ 5 s).</summary>
    public const double ShortEventS = 60.0;

    /// <summary>
    /// The plan for <paramref name="scenario"/> with rows every <paramref name="sparsePeriodS"/> elsewhere.
    /// </summary>
    public static RecordingPlan Plan(Scenario scenario, double sparsePeriodS = 1.0)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var windows = new List<DenseWindow>();
        foreach (LeakStep step in scenario.Leak.Steps)
        {
            windows.Add(new DenseWindow(step.OnsetS - LeadS, step.OnsetS + LeakTailS));
        }

        foreach (double changeS in PhaseChanges(scenario))
        {
            windows.Add(new DenseWindow(changeS - LeadS, changeS + LeakTailS));
        }

        foreach (SensorFault fault in scenario.Faults)
        {
            windows.Add(fault.Kind == FaultKind.Glitch
                ? new DenseWindow(fault.StartS - ShortEventS, fault.StartS + ShortEventS)
                : new DenseWindow(fault.StartS - LeadS, fault.EndS + FaultTailS));
        }

        foreach (PumpSwitch pumpSwitch in scenario.Pump.Switches)
        {
            windows.Add(new DenseWindow(pumpSwitch.TimeS - ShortEventS, pumpSwitch.TimeS + ShortEventS));
        }

        double lastS = scenario.SampleTimeS(scenario.SampleCount - 1);
        return new RecordingPlan(sparsePeriodS, Merge(windows, lastS));
    }

    private static List<double> PhaseChanges(Scenario scenario)
    {
        var changes = new List<double>();
        if (scenario.Leak.Steps.Count == 0)
        {
            return changes;
        }

        LoopPhase? previous = null;
        foreach (SimSample sample in Simulation.RunPhysics(scenario))
        {
            if (previous is LoopPhase phase && sample.Truth.Phase != phase)
            {
                changes.Add(sample.TimeS);
            }

            previous = sample.Truth.Phase;
        }

        return changes;
    }

    private static List<DenseWindow> Merge(List<DenseWindow> windows, double lastS)
    {
        var merged = new List<DenseWindow>();
        foreach (DenseWindow window in windows
            .Select(w => new DenseWindow(
                Math.Max(0.0, Math.Floor(w.StartS)), Math.Min(Math.Ceiling(lastS), Math.Ceiling(w.EndS))))
            .Where(w => w.EndS >= w.StartS)
            .OrderBy(w => w.StartS))
        {
            if (merged.Count > 0 && window.StartS <= merged[^1].EndS)
            {
                merged[^1] = merged[^1] with { EndS = Math.Max(merged[^1].EndS, window.EndS) };
            }
            else
            {
                merged.Add(window);
            }
        }

        return merged;
    }
}
