using System.Diagnostics;
using ThermalMonitor.Core.Board;

namespace ThermalMonitor.Link;

/// <summary>The host's monotonic clock as a board clock (real time, real sleeps).</summary>
public sealed class StopwatchClock : IBoardClock
{
    private readonly Stopwatch wall = Stopwatch.StartNew();

    public long Microseconds => wall.Elapsed.Ticks / 10;

    public void Sleep(int milliseconds) => Thread.Sleep(Math.Max(0, milliseconds));
}
