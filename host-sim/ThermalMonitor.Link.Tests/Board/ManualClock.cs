using ThermalMonitor.Core.Board;

namespace ThermalMonitor.Link.Tests;

/// <summary>A board clock that moves only when told to, or when the loop sleeps (by exactly what it asked for).</summary>
public sealed class ManualClock : IBoardClock
{
    public long Microseconds { get; private set; }

    public List<int> Sleeps { get; } = [];

    public void Advance(long microseconds) => Microseconds += microseconds;

    public void Sleep(int milliseconds)
    {
        Sleeps.Add(milliseconds);
        Microseconds += milliseconds * 1000L;
    }
}
