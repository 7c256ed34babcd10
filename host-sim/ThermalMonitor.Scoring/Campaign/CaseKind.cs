namespace ThermalMonitor.Scoring;

/// <summary>What a campaign case measures.</summary>
public enum CaseKind
{
    /// <summary>Nominal time of the full world: false alarms.</summary>
    Nominal,

    /// <summary>Nominal time of the benign base loop with one phenomenon on: false alarms per phenomenon.</summary>
    Ablation,

    /// <summary>A leak in the full world: detection delay against the information bound (and false alarms before the onset).</summary>
    Leak,
}
