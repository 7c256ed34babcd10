using ThermalMonitor.Core.Acquisition;
using ThermalMonitor.Core.Board;
using ThermalMonitor.Profiles;
using ThermalMonitor.Stimulus;

namespace ThermalMonitor.VirtualBoard;

/// <summary>
/// The virtual board's "ADC" in LIVE mode: the profile's samples (the same stream every replay
/// reads), one when the board clock reaches its time. Samples keep the profile's own timestamps,
/// so the detector sees exactly what a replay of the profile shows it.
/// </summary>
public sealed class LiveSampler : ISampleSource
{
    private readonly ReplaySampleStream stream;
    private double nextTimeS;
    private double firstTimeS = double.NaN;
    private long startBoardMs = -1;

    public LiveSampler(Profile profile, int periodMs, int burstLength, ulong? seed)
    {
        // Pacing is the board loop's (its clock and period), so the stream runs unpaced.
        stream = new ReplaySampleStream(profile, periodMs, burstLength, seed, speed: 0);
        Advance();
    }

    public bool Finished { get; private set; }

    public bool TrySample(RawSample into, int burstLength, long nowMs)
    {
        if (Finished)
        {
            return false;
        }

        if (startBoardMs < 0)
        {
            startBoardMs = nowMs;
        }

        if (nowMs - startBoardMs < (nextTimeS - firstTimeS) * 1000)
        {
            return false;
        }

        into.CopyFrom(stream.Sample);
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
            Finished = true;
        }
    }
}
