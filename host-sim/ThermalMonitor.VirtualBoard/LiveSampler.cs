using System.Diagnostics;
using ThermalMonitor.Core.Acquisition;
using ThermalMonitor.Profiles;
using ThermalMonitor.Replay;
using ThermalMonitor.Sim;

namespace ThermalMonitor.VirtualBoard;

/// <summary>
/// The virtual board's "ADC" in live mode: the profile through the simulated sensor chain, one
/// sample per period of wall time (divided by the speed). Board time is profile time, so a run at
/// speed 10 shows the detector exactly what a real-time run shows.
/// </summary>
public sealed class LiveSampler
{
    private readonly ProfileReplaySource source;
    private readonly AdcBurst burst;
    private readonly double speed;
    private readonly Stopwatch wall = Stopwatch.StartNew();
    private double nextTimeS = double.NaN;
    private double firstTimeS = double.NaN;
    private bool finished;

    public LiveSampler(Profile profile, int periodMs, int burstLength, ulong? seed, double speed)
    {
        source = new ProfileReplaySource(profile, periodMs, seed ?? ProfileReplaySource.DefaultSensorSeed(profile), new SensorSettings { BurstLength = burstLength });
        burst = new AdcBurst(burstLength);
        this.speed = speed > 0 ? speed : 1;
        Advance();
    }

    public bool Finished => finished;

    /// <summary>Milliseconds of wall time until the next sample is due (0 = due now; -1 = profile finished).</summary>
    public int MillisecondsUntilDue()
    {
        if (finished)
        {
            return -1;
        }

        double dueWallS = (nextTimeS - firstTimeS) / speed;
        return (int)Math.Max(0, Math.Ceiling((dueWallS - wall.Elapsed.TotalSeconds) * 1000));
    }

    /// <summary>Fills <paramref name="sample"/> with the due sample; false when none is due yet.</summary>
    public bool TryTake(RawSample sample)
    {
        if (finished || MillisecondsUntilDue() > 0)
        {
            return false;
        }

        RawSampleLoader.Load(sample, burst, nextTimeS);
        Advance();
        return true;
    }

    private void Advance()
    {
        if (source.TryNext(out double timeS, burst))
        {
            nextTimeS = timeS;
            if (double.IsNaN(firstTimeS))
            {
                firstTimeS = timeS;
            }
        }
        else
        {
            finished = true;
        }
    }
}
