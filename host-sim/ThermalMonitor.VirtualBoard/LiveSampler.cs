using System.Diagnostics;
using ThermalMonitor.Core.Acquisition;
using ThermalMonitor.Profiles;
using ThermalMonitor.Stimulus;

namespace ThermalMonitor.VirtualBoard;

/// <summary>
/// The virtual board's "ADC" in live mode: the profile's samples (the same stream every replay
/// reads), one per period of wall time divided by the speed. Board time is profile time, so a run
/// at speed 10 shows the detector exactly what a real-time run shows. The next sample is fetched
/// ahead so its due time is known while the board waits for it.
/// </summary>
public sealed class LiveSampler
{
    private readonly ReplaySampleStream stream;
    private readonly double speed;
    private readonly Stopwatch wall = Stopwatch.StartNew();
    private double nextTimeS;
    private double firstTimeS = double.NaN;
    private bool finished;

    public LiveSampler(Profile profile, int periodMs, int burstLength, ulong? seed, double speed)
    {
        // Pacing is this class's own (due times), so the stream runs unpaced.
        stream = new ReplaySampleStream(profile, periodMs, burstLength, seed, speed: 0);
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

        sample.CopyFrom(stream.Sample);
        Advance();
        return true;
    }

    private void Advance()
    {
        if (stream.TryNext(out nextTimeS))
        {
            if (double.IsNaN(firstTimeS))
            {
                firstTimeS = nextTimeS;
            }
        }
        else
        {
            finished = true;
        }
    }
}
