namespace ThermalMonitor.Core.Monitoring
{
    /// <summary>
    /// Programmer-error checks in the sampling path. A failure latches a fault and emits one
    /// INVARIANT_FAILED event per id instead of throwing inside the loop (docs/design.md §10).
    /// </summary>
    public enum InvariantId
    {
        ReducedCountsInRange = 1,
        CusumWithinBounds = 2,
        EventQueueWithinCapacity = 3,
        TempWithinTable = 4,
    }
}
