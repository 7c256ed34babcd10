namespace ThermalMonitor.Cli.Views;

/// <summary>How <c>board monitor</c> writes what the board says: sentences, or one JSON object per line.</summary>
public enum MonitorFormat
{
    /// <summary>One sentence per line (<see cref="BoardMessageText"/>); never wrapped when piped.</summary>
    Text,

    /// <summary>One JSON object per line (<see cref="MonitorJsonLine"/>), for log collectors and scripts.</summary>
    Jsonl,
}
