using ThermalMonitor.Core.Board;

namespace ThermalMonitor.Device.Board
{
    /// <summary>Free managed heap after a collection (nanoFramework's GC.Run returns it); the loop asks only every few hundred cycles.</summary>
    public sealed class ManagedHeapGauge : IMemoryGauge
    {
        public long FreeBytes() => nanoFramework.Runtime.Native.GC.Run(false);
    }
}
