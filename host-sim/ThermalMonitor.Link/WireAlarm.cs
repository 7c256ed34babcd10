namespace ThermalMonitor.Link;

/// <summary>An alarm as the host learned it from the board, once per (session, sequence number).</summary>
public sealed record WireAlarm(int Session, int Seq, string Type, string Severity, string Channel, long TimeMs, string Cause, int Value)
{
    /// <summary>When the condition cleared (board time), once known.</summary>
    public long? ClearedTimeMs { get; set; }

    /// <summary>How many times the board sent it (1 + re-sends seen); the host shows it once.</summary>
    public int Copies { get; set; } = 1;
}
