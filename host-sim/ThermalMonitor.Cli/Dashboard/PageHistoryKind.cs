namespace ThermalMonitor.Cli.Dashboard;

/// <summary>How much of a kind of message the dashboard keeps for pages that connect later.</summary>
public enum PageHistoryKind
{
    /// <summary>Not kept (link and replay state go as their newest only; HELLO as the client's).</summary>
    None,

    /// <summary>Telemetry: the whole run, thinned to a coarser grain as it grows.</summary>
    Telemetry,

    /// <summary>Alarms, clears and events: the newest, as many as the page's event log shows.</summary>
    Newest,
}
