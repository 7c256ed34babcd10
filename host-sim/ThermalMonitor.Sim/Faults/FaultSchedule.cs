namespace ThermalMonitor.Sim;

/// <summary>
/// Sensor faults resolved to output-sample index ranges, so "is sample k faulted" is an integer test
/// with no floating-point edge cases at window boundaries.
/// </summary>
public sealed class FaultSchedule
{
    // A window edge within a millionth of a period of a sample time counts as on it.
    private const double EdgeToleranceSamples = 1e-6;

    private readonly Window[][] windowsByChannel;

    /// <summary>Resolves <paramref name="faults"/> against the output period.</summary>
    /// <exception cref="ArgumentException">A window is malformed or overlaps another on its channel.</exception>
    public FaultSchedule(IReadOnlyList<SensorFault> faults, int outputPeriodMs)
    {
        ArgumentNullException.ThrowIfNull(faults);
        ArgumentOutOfRangeException.ThrowIfLessThan(outputPeriodMs, 1);
        var windows = new List<Window>();
        for (int i = 0; i < faults.Count; i++)
        {
            windows.Add(Resolve(faults[i], i, outputPeriodMs));
        }

        windowsByChannel = Enum.GetValues<SensorChannel>()
            .Select(channel => windows.Where(w => w.Fault.Channel == channel).OrderBy(w => w.FirstIndex).ToArray())
            .ToArray();
        foreach (Window[] channelWindows in windowsByChannel)
        {
            for (int i = 1; i < channelWindows.Length; i++)
            {
                if (channelWindows[i].FirstIndex < channelWindows[i - 1].EndIndex)
                {
                    throw new ArgumentException(
                        $"Faults {channelWindows[i - 1].Position} and {channelWindows[i].Position} overlap on the "
                        + $"{channelWindows[i].Fault.Channel} channel; one fault at a time per channel.",
                        nameof(faults));
                }
            }
        }
    }

    /// <summary>
    /// The fault active on <paramref name="channel"/> at sample <paramref name="sampleIndex"/>, or null.
    /// </summary>
    public SensorFault? ActiveAt(SensorChannel channel, long sampleIndex)
    {
        foreach (Window window in windowsByChannel[(int)channel])
        {
            if (sampleIndex < window.FirstIndex)
            {
                return null;
            }

            if (sampleIndex < window.EndIndex)
            {
                return window.Fault;
            }
        }

        return null;
    }

    /// <summary>Index of the first output sample at or after <paramref name="timeS"/>.</summary>
    public static long FirstSampleAtOrAfter(double timeS, int outputPeriodMs) =>
        (long)Math.Ceiling((timeS * 1000.0 / outputPeriodMs) - EdgeToleranceSamples);

    private static Window Resolve(SensorFault fault, int position, int outputPeriodMs)
    {
        ArgumentNullException.ThrowIfNull(fault);
        if (!double.IsFinite(fault.StartS) || !double.IsFinite(fault.EndS) || fault.StartS < 0.0)
        {
            throw new ArgumentException($"Fault {position}: start and end must be finite and start ≥ 0 s.");
        }

        bool isGlitch = fault.Kind == FaultKind.Glitch;
        if (isGlitch ? fault.EndS != fault.StartS : fault.EndS <= fault.StartS)
        {
            throw new ArgumentException(isGlitch
                ? $"Fault {position}: a glitch is one sample; build it with SensorFault.Glitch (EndS = StartS)."
                : $"Fault {position}: EndS ({fault.EndS} s) must be after StartS ({fault.StartS} s).");
        }

        if (fault.Kind == FaultKind.NoiseBurst && !(fault.NoiseMultiplier >= 0.0))
        {
            throw new ArgumentException(
                $"Fault {position}: NoiseMultiplier must be ≥ 0 (got {fault.NoiseMultiplier}).");
        }

        if (isGlitch && !double.IsFinite(fault.GlitchPinVolts))
        {
            throw new ArgumentException($"Fault {position}: GlitchPinVolts must be finite.");
        }

        long first = FirstSampleAtOrAfter(fault.StartS, outputPeriodMs);
        long end = isGlitch ? first + 1 : FirstSampleAtOrAfter(fault.EndS, outputPeriodMs);
        return new Window(fault, position, first, end);
    }

    private readonly record struct Window(SensorFault Fault, int Position, long FirstIndex, long EndIndex);
}
