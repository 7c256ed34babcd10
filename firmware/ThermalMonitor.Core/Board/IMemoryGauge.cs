namespace ThermalMonitor.Core.Board
{
    /// <summary>Free managed heap for STATUS. Measuring can cost a collection, so the loop asks rarely.</summary>
    public interface IMemoryGauge
    {
        /// <summary>Free bytes now, or -1 when the board cannot tell.</summary>
        long FreeBytes();
    }
}
