namespace ThermalMonitor.Core.Detection
{
    /// <summary>
    /// Fast path for large holes: pressure drop over a sliding window of accepted samples compared
    /// with a drop limit (docs/physics.md §3.8: an MS-22-size hole falls ~45× faster than the thermal
    /// cycle). The window is a preallocated ring; the threshold is precomputed in Pa.
    /// </summary>
    public sealed class RateOfDropDetector
    {
        /// <summary>Longest window in samples (e.g. 120 s at 10 Hz); sizes the ring.</summary>
        public const int WindowSamplesMax = 1200;

        private readonly int[] pressureRingPa = new int[WindowSamplesMax + 1];
        private readonly PersistentCondition condition = new PersistentCondition();
        private int windowSamples = 1;
        private int dropLimitPa;
        private int newestIndex;
        private int filledSamples;

        // Fields behind the properties: written every sample, and on the nanoFramework interpreter
        // an auto-property's setter is a method call.
        internal int dropPa;
        internal bool active;

        /// <summary>Drop over the window on the last sample (0 until the window has filled).</summary>
        public int DropPa => dropPa;

        public bool IsActive => active;

        public void Configure(int windowSamples, int dropLimitPa, int raiseSamples, int clearSamples)
        {
            this.windowSamples = windowSamples < 1 ? 1 : (windowSamples > WindowSamplesMax ? WindowSamplesMax : windowSamples);
            this.dropLimitPa = dropLimitPa;
            condition.Configure(raiseSamples, clearSamples);
            Reset();
        }

        /// <summary>Empties the window (after a gap or a sensor fault the old samples are no reference).</summary>
        public void Reset()
        {
            filledSamples = 0;
            newestIndex = 0;
            dropPa = 0;
            condition.Reset();
            active = false;
        }

        /// <summary>Forgets the window but keeps the alarm condition (a gap must not clear an alarm).</summary>
        public void RestartWindow()
        {
            filledSamples = 0;
            newestIndex = 0;
            dropPa = 0;
        }

        public bool Update(int pressurePa)
        {
            newestIndex++;
            if (newestIndex > WindowSamplesMax)
            {
                newestIndex = 0;
            }

            pressureRingPa[newestIndex] = pressurePa;
            if (filledSamples <= windowSamples)
            {
                filledSamples++;
            }

            if (filledSamples <= windowSamples)
            {
                // Not enough history yet: no evidence either way, so the condition holds.
                dropPa = 0;
                return active;
            }

            int oldestIndex = newestIndex - windowSamples;
            if (oldestIndex < 0)
            {
                oldestIndex += WindowSamplesMax + 1;
            }

            dropPa = pressureRingPa[oldestIndex] - pressurePa;
            active = condition.Update(dropPa > dropLimitPa);
            return active;
        }
    }
}
