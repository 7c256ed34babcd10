using ThermalMonitor.Core.Board;

namespace ThermalMonitor.Link;

/// <summary>The host process's free managed memory, standing in for the ESP32's heap gauge.</summary>
public sealed class HostMemoryGauge : IMemoryGauge
{
    public long FreeBytes() => HostMemory.FreeBytes();
}
