namespace ThermalMonitor.Scoring;

/// <summary>How far a campaign has got. Work is counted in firmware samples of the planned cases.</summary>
/// <param name="CasesDone">Cases finished.</param>
/// <param name="CasesTotal">Cases planned.</param>
/// <param name="WorkDone">Samples done (a finished case counts its whole planned length).</param>
/// <param name="WorkTotal">Samples planned.</param>
public readonly record struct CampaignProgress(int CasesDone, int CasesTotal, long WorkDone, long WorkTotal);
