using System.Diagnostics;

namespace ThermalMonitor.Stimulus;

/// <summary>Holds a replay to a multiple of real time (speed 1 = real time, 0 = as fast as possible).</summary>
public static class ReplayPacer
{
    public static void Pace(double speed, double elapsedProfileS, Stopwatch wall)
    {
        if (speed <= 0)
        {
            return;
        }

        double aheadS = (elapsedProfileS / speed) - wall.Elapsed.TotalSeconds;
        if (aheadS > 0.001)
        {
            Thread.Sleep(TimeSpan.FromSeconds(aheadS));
        }
    }
}
