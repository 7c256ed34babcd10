namespace ThermalMonitor.Scoring;

/// <summary>
/// The plain detector the scoreboard compares against: a red low limit with persistence on the
/// converted pressure, nothing else — no validation, no rate path, no thermal model (what a first
/// leak monitor usually is). Raises once per excursion below the limit.
/// </summary>
public sealed class BaselineDetector(int redLowPa, int persistSamples)
{
    /// <summary>Sample indices at which the baseline raised an alarm.</summary>
    public static IReadOnlyList<long> Raises(ReadOnlySpan<int> pressurePa, int redLowPa, int persistSamples)
    {
        var detector = new BaselineDetector(redLowPa, persistSamples);
        var raises = new List<long>();
        for (int i = 0; i < pressurePa.Length; i++)
        {
            if (detector.Update(pressurePa[i]))
            {
                raises.Add(i);
            }
        }

        return raises;
    }

    private int belowRun;
    private bool active;

    /// <summary>Feeds one sample; true on the sample that raises.</summary>
    public bool Update(int pressurePa)
    {
        if (pressurePa >= redLowPa)
        {
            belowRun = 0;
            active = false;
            return false;
        }

        belowRun++;
        if (!active && belowRun >= persistSamples)
        {
            active = true;
            return true;
        }

        return false;
    }
}
