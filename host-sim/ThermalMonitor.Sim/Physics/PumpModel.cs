namespace ThermalMonitor.Sim;

/// <summary>
/// Pump state and its pressure effects at the transducer (<see cref="PumpSettings"/>): a sum of
/// exponentially decaying switch transients, a running suction drop and a sinusoidal ripple. The
/// ripple is evaluated at the output sample instant only (the ADC burst of a few milliseconds is
/// taken as instantaneous), so it appears in the sampled data at its aliased frequency.
/// </summary>
public sealed class PumpModel
{
    private const double NegligibleKpa = 1e-9;

    private readonly PumpSettings settings;
    private int nextSwitchIndex;
    private double transientKpa;

    /// <summary>Starts at profile time 0, applying any switch scheduled at or before it.</summary>
    public PumpModel(PumpSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        this.settings = settings;
        IsRunning = settings.InitiallyRunning;
        ApplySwitchesThrough(0.0);
    }

    /// <summary>Whether the pump runs after the last <see cref="AdvanceTo"/>.</summary>
    public bool IsRunning { get; private set; }

    /// <summary>
    /// Moves the pump from <paramref name="fromS"/> to <paramref name="toS"/>, applying switches in (from,
    /// to].
    /// </summary>
    public void AdvanceTo(double fromS, double toS)
    {
        if (transientKpa != 0.0)
        {
            transientKpa *= Math.Exp(-(toS - fromS) / settings.SwitchTransientTimeConstantS);

            // Snap the decayed tail to zero: saves the Exp and keeps denormals out of the arithmetic.
            if (Math.Abs(transientKpa) < NegligibleKpa)
            {
                transientKpa = 0.0;
            }
        }

        ApplySwitchesThrough(toS);
    }

    /// <summary>
    /// Pressure the pump adds at the transducer at <paramref name="timeS"/> (the time of the last
    /// advance): transient, minus the suction drop and plus the ripple while running.
    /// </summary>
    public double SensorOffsetKpa(double timeS)
    {
        if (!IsRunning)
        {
            return transientKpa;
        }

        // Whole cycles are dropped before the sine so that the phase stays exact over days of profile.
        double cycles = settings.RippleFrequencyHz * timeS;
        double ripple = settings.RippleAmplitudeKpa * Math.Sin(2.0 * Math.PI * (cycles - Math.Floor(cycles)));
        return transientKpa - settings.RunningSuctionDropKpa + ripple;
    }

    private void ApplySwitchesThrough(double toS)
    {
        IReadOnlyList<PumpSwitch> switches = settings.Switches;
        while (nextSwitchIndex < switches.Count && switches[nextSwitchIndex].TimeS <= toS)
        {
            PumpSwitch change = switches[nextSwitchIndex++];
            if (change.Running == IsRunning)
            {
                continue;
            }

            IsRunning = change.Running;
            double stepKpa = change.Running ? -settings.SwitchTransientKpa : settings.SwitchTransientKpa;
            transientKpa += stepKpa * Math.Exp(-(toS - change.TimeS) / settings.SwitchTransientTimeConstantS);
        }
    }
}
