namespace ThermalMonitor.Report;

/// <summary>
/// What the campaign page shows (<see cref="HtmlReport.RenderCampaign"/>): facts for the header, the
/// detectors compared side by side, every leak (hole, bound, each detector's delay), the false alarms
/// per phenomenon, and any number of plain tables. Callers map their campaign results onto it.
/// </summary>
public sealed record CampaignView
{
    /// <summary>Page title.</summary>
    public required string Title { get; init; }

    /// <summary>Header facts, e.g. ("seed", "1"), ("loops", "50").</summary>
    public required IReadOnlyList<CampaignFact> Facts { get; init; }

    /// <summary>Detector names, in the order of every per-detector list below.</summary>
    public required IReadOnlyList<string> Detectors { get; init; }

    /// <summary>The leak cases.</summary>
    public required IReadOnlyList<CampaignLeakPoint> Leaks { get; init; }

    /// <summary>False alarms per phenomenon (and of the full world).</summary>
    public required IReadOnlyList<CampaignRateRow> FalseAlarms { get; init; }

    /// <summary>Further tables, shown in order after the plots (summary first if its id is "summary").</summary>
    public required IReadOnlyList<CampaignTable> Tables { get; init; }

    /// <summary>Checks that every per-detector list has one entry per detector.</summary>
    /// <exception cref="ArgumentException">A list's length differs from the detector count; the message names it.</exception>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Detectors);
        if (Detectors.Count == 0)
        {
            throw new ArgumentException("CampaignView.Detectors is empty.");
        }

        for (int i = 0; i < Leaks.Count; i++)
        {
            if (Leaks[i].DelayS.Count != Detectors.Count)
            {
                throw new ArgumentException($"CampaignView.Leaks[{i}].DelayS has {Leaks[i].DelayS.Count} entries for {Detectors.Count} detectors.");
            }
        }

        for (int i = 0; i < FalseAlarms.Count; i++)
        {
            if (FalseAlarms[i].FalseAlarms.Count != Detectors.Count)
            {
                throw new ArgumentException($"CampaignView.FalseAlarms[{i}].FalseAlarms has {FalseAlarms[i].FalseAlarms.Count} entries for {Detectors.Count} detectors.");
            }
        }
    }
}
