namespace ThermalMonitor.Core.Board
{
    /// <summary>The board's monotonic clock and its way of waiting; a test gives a fake one that moves when asked.</summary>
    public interface IBoardClock
    {
        /// <summary>Microseconds since start-up, never decreasing.</summary>
        long Microseconds { get; }

        /// <summary>Gives up the CPU for about <paramref name="milliseconds"/> (≥ 1).</summary>
        void Sleep(int milliseconds);
    }
}
