namespace ThermalMonitor.Link;

/// <summary>What a host-side board reports as free memory: the GC's budget (machine or container limit) minus the managed heap in use.</summary>
public static class HostMemory
{
    public static long FreeBytes()
    {
        GCMemoryInfo info = GC.GetGCMemoryInfo();
        return Math.Max(0, info.TotalAvailableMemoryBytes - GC.GetTotalMemory(false));
    }
}
