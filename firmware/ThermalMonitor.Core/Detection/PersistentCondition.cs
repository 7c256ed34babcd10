namespace ThermalMonitor.Core.Detection
{
    /// <summary>
    /// A condition that turns on after it has held for <c>raiseSamples</c> consecutive samples and
    /// off after it has been absent for <c>clearSamples</c> consecutive samples: persistence against
    /// single-sample glitches, and a clear delay against chatter (counted in samples so replays are
    /// deterministic; docs/physics.md §5.7, COSMOS/cFS persistence counts §5.9).
    /// </summary>
    public sealed class PersistentCondition
    {
        private int raiseSamples = 1;
        private int clearSamples = 1;
        private int runSamples;

        // A field, not an auto-property: Update reads it three times per sample, and on the
        // nanoFramework interpreter every property access is a method call.
        private bool active;

        public bool IsActive => active;

        public void Configure(int raiseSamples, int clearSamples)
        {
            this.raiseSamples = raiseSamples < 1 ? 1 : raiseSamples;
            this.clearSamples = clearSamples < 1 ? 1 : clearSamples;
        }

        public void Reset()
        {
            active = false;
            runSamples = 0;
        }

        /// <summary>Feeds this sample's raw condition; returns the persisted state.</summary>
        public bool Update(bool conditionPresent)
        {
            if (conditionPresent == active)
            {
                runSamples = 0;
                return active;
            }

            runSamples++;
            int needed = active ? clearSamples : raiseSamples;
            if (runSamples >= needed)
            {
                active = conditionPresent;
                runSamples = 0;
            }

            return active;
        }
    }
}
