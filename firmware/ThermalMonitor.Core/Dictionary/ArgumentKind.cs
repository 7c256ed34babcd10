namespace ThermalMonitor.Core.Dictionary
{
    /// <summary>How a command argument is read.</summary>
    public enum ArgumentKind
    {
        /// <summary>A decimal number within 32 bits (and the argument's range).</summary>
        Int = 0,

        /// <summary>A decimal number within 64 bits (and the argument's range).</summary>
        Long = 1,

        /// <summary>One of the argument's choices, upper case.</summary>
        Keyword = 2,

        /// <summary>A JSON document running to the end of the line.</summary>
        Json = 3,

        /// <summary>One INJ channel: burst reads of three hex digits each, "-" (not read) or "!1".."!3" (read failed).</summary>
        Reads = 4,

        /// <summary>One INJR channel: the reduced burst, ten hex digits (mean Q8, spread, rejected reads), "-" or "!1".."!3".</summary>
        Reduced = 5,
    }
}
