namespace ThermalMonitor.Scoring;

/// <summary>A campaign's result with what it cost (kept out of the result, which must not depend on the machine).</summary>
/// <param name="Result">The deterministic result.</param>
/// <param name="WallSeconds">Wall-clock time of the run.</param>
/// <param name="SamplesReplayed">Firmware samples replayed, all cases (each fed to every detector).</param>
public sealed record CampaignRun(CampaignResult Result, double WallSeconds, long SamplesReplayed);
