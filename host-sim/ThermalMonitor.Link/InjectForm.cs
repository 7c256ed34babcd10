namespace ThermalMonitor.Link;

/// <summary>How a replay sends its samples to a board (PROTOCOL.md §6).</summary>
public enum InjectForm
{
    /// <summary>INJR: each channel's burst reduced on the host by the core's own reducer with the board's settings (protocol 2).</summary>
    Reduced = 0,

    /// <summary>INJ: each channel's raw burst, reduced by the board (exercises its acquisition; every protocol version).</summary>
    Bursts = 1,
}
