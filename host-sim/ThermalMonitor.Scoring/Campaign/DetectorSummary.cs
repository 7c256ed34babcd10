namespace ThermalMonitor.Scoring;

/// <summary>
/// What one detector configuration did over a whole campaign: false alarms on the full world's
/// nominal time (nominal days plus the time before each leak's onset), per phenomenon (ablation), and
/// the leaks per hole-size class.
/// </summary>
public sealed record DetectorSummary
{
    /// <summary>Configuration name.</summary>
    public required string Name { get; init; }

    /// <summary>Full-world nominal time, days (nominal cases and leak cases before the onset).</summary>
    public required double NominalDays { get; init; }

    /// <summary>False DEPRESSURIZATION alarms on that time.</summary>
    public required int FalseAlarms { get; init; }

    /// <summary>False alarms per nominal day of the full world; NaN without nominal time.</summary>
    public double FalseAlarmsPerDay => NominalDays > 0 ? FalseAlarms / NominalDays : double.NaN;

    /// <summary>Full-world false alarms per cause (ordinal order).</summary>
    public required IReadOnlyDictionary<string, int> FalseAlarmsByCause { get; init; }

    /// <summary>False alarms of each phenomenon's ablation, in <see cref="ThermalMonitor.Sim.PhenomenaCatalog.Each"/> order, then "all" (the full world).</summary>
    public required IReadOnlyList<PhenomenonFalseAlarms> Phenomena { get; init; }

    /// <summary>Leak cases.</summary>
    public required int Leaks { get; init; }

    /// <summary>Leak cases detected (a DEPRESSURIZATION raise at or after the onset).</summary>
    public required int Detected { get; init; }

    /// <summary>Leak cases missed.</summary>
    public int Missed => Leaks - Detected;

    /// <summary>Missed leak cases whose loop had a (false) DEPRESSURIZATION alarm still active at the onset, masking any new raise.</summary>
    public required int MissedWithAlarmActive { get; init; }

    /// <summary>All detected leaks: delay / bound.</summary>
    public required DistributionSummary Ratio { get; init; }

    /// <summary>Per hole-size class, in <see cref="HoleSizeClass.All"/> order.</summary>
    public required IReadOnlyList<HoleClassStatistics> HoleClasses { get; init; }

    /// <summary>Plan indices of the missed leak cases.</summary>
    public required IReadOnlyList<int> MissedCases { get; init; }

    /// <summary>The false alarms of the phenomenon named <paramref name="phenomenon"/> ("all" for the full world).</summary>
    public PhenomenonFalseAlarms Phenomenon(string phenomenon) => Phenomena.Single(p => p.Phenomenon == phenomenon);
}
