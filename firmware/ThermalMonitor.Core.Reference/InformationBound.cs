namespace ThermalMonitor.Core.Reference;

/// <summary>
/// The information bound on detection delay (docs/physics.md §5.3, §5.5): a clairvoyant CUSUM that knows
/// the leak's mean-shift trajectory μ_1, μ_2, … (relative to the leak-free signal) and the noise σ
/// accumulates log-likelihood ratio Σ μ_j² / (2σ²) on average; at a false-alarm interval of ARL0
/// samples it cannot stop before that sum reaches ln ARL0 (Lorden 1971). For a step δ this is the
/// familiar 2σ² ln(ARL0)/δ²; for a ramp a·j it is (6σ² ln ARL0 / a²)^(1/3).
/// </summary>
public static class InformationBound
{
    /// <summary>
    /// Samples after onset before a clairvoyant detector can decide, or null if the trajectory ends
    /// first. <paramref name="meanShift"/>[0] is the shift on the first sample after onset.
    /// </summary>
    public static int? DelaySamples(IReadOnlyList<double> meanShift, double sigma, double falseAlarmIntervalSamples)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sigma);
        ArgumentOutOfRangeException.ThrowIfLessThan(falseAlarmIntervalSamples, 2.0);
        double needed = Math.Log(falseAlarmIntervalSamples);
        double information = 0;
        for (int j = 0; j < meanShift.Count; j++)
        {
            information += meanShift[j] * meanShift[j] / (2 * sigma * sigma);
            if (information >= needed)
            {
                return j + 1;
            }
        }

        return null;
    }

    /// <summary>Closed form for a step of size δ: 2σ² ln(ARL0) / δ².</summary>
    public static double StepDelaySamples(double delta, double sigma, double falseAlarmIntervalSamples) =>
        2 * sigma * sigma * Math.Log(falseAlarmIntervalSamples) / (delta * delta);

    /// <summary>Closed form for a ramp of slope a per sample: (6σ² ln ARL0 / a²)^(1/3).</summary>
    public static double RampDelaySamples(double slopePerSample, double sigma, double falseAlarmIntervalSamples) =>
        Math.Cbrt(6 * sigma * sigma * Math.Log(falseAlarmIntervalSamples) / (slopePerSample * slopePerSample));
}
