namespace ThermalMonitor.Core.Acquisition
{
    /// <summary>
    /// Outcome of reading one channel's burst. A failed read is reported with its reason and is
    /// never turned into a zero reading.
    /// </summary>
    public enum ReadStatus
    {
        Ok = 0,

        /// <summary>The ADC driver reported an error or threw.</summary>
        DriverError = 1,

        /// <summary>Fewer reads than configured arrived (e.g. a truncated injected sample).</summary>
        Incomplete = 2,

        /// <summary>Not read this cycle (channel disabled or not wired).</summary>
        NotRead = 3,
    }
}
