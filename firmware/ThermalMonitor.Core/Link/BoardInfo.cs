namespace ThermalMonitor.Core.Link
{
    /// <summary>
    /// What the board layer tells the link about itself: identity for the hello line, and the
    /// numbers only the board can measure (uptime, free memory, loop timing) for STATUS.
    /// </summary>
    public sealed class BoardInfo
    {
        public BoardInfo(string boardName, string firmwareVersion, ResetCause resetCause)
        {
            BoardName = boardName;
            FirmwareVersion = firmwareVersion;
            ResetCause = resetCause;
        }

        /// <summary>"esp32", "virtual" or "sil": which of the three places runs this pipeline.</summary>
        public string BoardName { get; }

        public string FirmwareVersion { get; }

        public ResetCause ResetCause { get; }

        public LoopTiming Loop { get; } = new LoopTiming();

        /// <summary>Free managed heap in bytes as last measured, or -1 when the board cannot tell.</summary>
        public long FreeMemoryBytes { get; set; } = -1;
    }
}
