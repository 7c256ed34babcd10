using ThermalMonitor.Core.Alarms;

namespace ThermalMonitor.Core.Monitoring
{
    /// <summary>
    /// Per-event-id throttle (F Prime event throttles): at most N events of a throttled id per
    /// window of sample time; the rest are counted in <see cref="SuppressedTotal"/>, never silent.
    /// </summary>
    public sealed class EventThrottle
    {
        private readonly long[] windowStartMs;
        private readonly int[] countInWindow;
        private readonly bool[] windowOpen;

        public EventThrottle()
        {
            int ids = MonitorDictionary.EventIdMax + 1;
            windowStartMs = new long[ids];
            countInWindow = new int[ids];
            windowOpen = new bool[ids];
        }

        /// <summary>Events suppressed since start-up.</summary>
        public int SuppressedTotal => suppressedTotal;

        // A field the monitor reads every sample (a property read is a call on the interpreter).
        internal int suppressedTotal;

        /// <summary>True if an event of this id may be emitted now.</summary>
        /// <summary>Opens every window afresh (a monitor restart).</summary>
        public void Reset()
        {
            System.Array.Clear(windowStartMs, 0, windowStartMs.Length);
            System.Array.Clear(countInWindow, 0, countInWindow.Length);
            System.Array.Clear(windowOpen, 0, windowOpen.Length);
            suppressedTotal = 0;
        }

        public bool Allow(EventId id, long timeMs)
        {
            int limit = MonitorDictionary.EventThrottle(id);
            if (limit == 0)
            {
                return true;
            }

            int index = (int)id;
            if (!windowOpen[index] || timeMs - windowStartMs[index] >= MonitorDictionary.ThrottleWindowMs || timeMs < windowStartMs[index])
            {
                windowOpen[index] = true;
                windowStartMs[index] = timeMs;
                countInWindow[index] = 0;
            }

            if (countInWindow[index] >= limit)
            {
                suppressedTotal++;
                return false;
            }

            countInWindow[index]++;
            return true;
        }
    }
}
