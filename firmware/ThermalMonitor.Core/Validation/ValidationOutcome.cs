namespace ThermalMonitor.Core.Validation
{
    /// <summary>What the validator did with one sample of one channel.</summary>
    public enum ValidationOutcome
    {
        /// <summary>Good sample on a valid channel: pass it downstream.</summary>
        Accepted = 0,

        /// <summary>Suspect sample on a valid channel (not yet a fault): hold it back from detection.</summary>
        Withheld = 1,

        /// <summary>The channel is faulted: nothing from it reaches detection.</summary>
        ChannelFaulted = 2,
    }
}
