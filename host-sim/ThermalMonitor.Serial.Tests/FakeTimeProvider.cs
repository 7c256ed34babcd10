namespace ThermalMonitor.Serial.Tests;

/// <summary>
/// A clock that only moves when told to (<see cref="Advance"/>), or — with
/// <c>advanceOnTimer</c> — by exactly as much as each timer asks to wait, firing it at once. The
/// latter turns "sleep for d" into "the clock moved by d", so tests can add up how long code would
/// have slept without sleeping.
/// </summary>
internal sealed class FakeTimeProvider(bool advanceOnTimer = false) : TimeProvider
{
    private long _ticks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public TimeSpan Elapsed => TimeSpan.FromTicks(Interlocked.Read(ref _ticks));

    public override long GetTimestamp() => Interlocked.Read(ref _ticks);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (!advanceOnTimer)
        {
            throw new NotSupportedException("this fake clock has no timers; create it with advanceOnTimer: true");
        }

        Advance(dueTime);
        // Fire after CreateTimer has returned, as a real timer would.
        ThreadPool.QueueUserWorkItem(_ => callback(state));
        return new NoTimer();
    }

    private sealed class NoTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => true;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
