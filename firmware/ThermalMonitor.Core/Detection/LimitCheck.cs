namespace ThermalMonitor.Core.Detection
{
    /// <summary>
    /// A red/yellow limit with persistence and hysteresis (spacecraft limit checking, docs/physics.md
    /// §5.9): it trips when the value is beyond the limit for the raise persistence, and clears only
    /// once the value is back past limit ± hysteresis for the clear persistence.
    /// </summary>
    public sealed class LimitCheck
    {
        private readonly PersistentCondition condition = new PersistentCondition();
        private int limit;
        private int hysteresis;
        private bool tripsBelow;

        // The condition's state, kept here too: read every sample by the detector and the alarms,
        // one call instead of two on the interpreter.
        internal bool active; // internal: the detector reads it every sample without a call

        public bool IsActive => active;

        /// <param name="limit">Trip level in the value's unit.</param>
        /// <param name="hysteresis">How far back inside the limit the value must come to clear (≥ 0).</param>
        /// <param name="tripsBelow">True for a low limit (trips when value &lt; limit).</param>
        public void Configure(int limit, int hysteresis, bool tripsBelow, int raiseSamples, int clearSamples)
        {
            this.limit = limit;
            this.hysteresis = hysteresis;
            this.tripsBelow = tripsBelow;
            condition.Configure(raiseSamples, clearSamples);
        }

        public void Reset()
        {
            condition.Reset();
            active = false;
        }

        public bool Update(int value)
        {
            bool beyond;
            if (tripsBelow)
            {
                beyond = active ? value < (long)limit + hysteresis : value < limit;
            }
            else
            {
                beyond = active ? value > (long)limit - hysteresis : value > limit;
            }

            active = condition.Update(beyond);
            return active;
        }
    }
}
