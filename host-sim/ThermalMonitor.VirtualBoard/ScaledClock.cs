using System.Diagnostics;
using ThermalMonitor.Core.Board;

namespace ThermalMonitor.VirtualBoard;

/// <summary>
/// The virtual board's clock: wall time times a speed, so a LIVE board sampling a profile at
/// speed 60 runs one board minute per wall second with its period, resend interval and replay
/// timeout all scaled alike.
/// </summary>
public sealed class ScaledClock : IBoardClock
{
    private readonly Stopwatch wall = Stopwatch.StartNew();
    private readonly double speed;

    public ScaledClock(double speed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(speed);
        this.speed = speed;
    }

    public long Microseconds => (long)(wall.Elapsed.Ticks / 10 * speed);

    public void Sleep(int milliseconds) => Thread.Sleep(TimeSpan.FromMilliseconds(Math.Max(0, milliseconds) / speed));
}
