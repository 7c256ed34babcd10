namespace ThermalMonitor.Core.Link
{
    /// <summary>
    /// Sampling-loop timing reported by STATUS: min/avg/max of the work time per cycle and the
    /// overruns (cycles whose work took longer than the period). The board layer measures with its
    /// monotonic clock and records here; averages are kept as a 64-bit sum so nothing drifts.
    /// </summary>
    public sealed class LoopTiming
    {
        public int CycleCount { get; private set; }

        public int MinMicroseconds { get; private set; }

        public int MaxMicroseconds { get; private set; }

        public long SumMicroseconds { get; private set; }

        public int Overruns { get; private set; }

        /// <summary>Mean work time, rounded down; 0 before the first cycle.</summary>
        public int AverageMicroseconds => CycleCount == 0 ? 0 : (int)(SumMicroseconds / CycleCount);

        public void Record(int workMicroseconds, int periodMicroseconds)
        {
            if (workMicroseconds < 0)
            {
                workMicroseconds = 0;
            }

            if (CycleCount == 0 || workMicroseconds < MinMicroseconds)
            {
                MinMicroseconds = workMicroseconds;
            }

            if (workMicroseconds > MaxMicroseconds)
            {
                MaxMicroseconds = workMicroseconds;
            }

            SumMicroseconds += workMicroseconds;
            if (CycleCount < int.MaxValue)
            {
                CycleCount++;
            }

            if (periodMicroseconds > 0 && workMicroseconds > periodMicroseconds)
            {
                Overruns++;
            }
        }

        public void Reset()
        {
            CycleCount = 0;
            MinMicroseconds = 0;
            MaxMicroseconds = 0;
            SumMicroseconds = 0;
            Overruns = 0;
        }
    }
}
