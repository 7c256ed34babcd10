using ThermalMonitor.Sim;

namespace ThermalMonitor.Scoring;

/// <summary>One case of a campaign plan (<see cref="CampaignPlan"/>): which loop, which phenomena, how long, and the leak if any.</summary>
/// <param name="Index">Position in the plan (the order of results and JSON).</param>
/// <param name="Kind">Nominal, ablation or leak.</param>
/// <param name="Ordinal">Position among the cases of its kind (of its phenomenon for ablations): with the kind it fixes the seed.</param>
/// <param name="LoopIndex">The randomized loop it runs.</param>
/// <param name="Phenomena">Phenomena on at the loop's drawn values (the full world except in ablations).</param>
/// <param name="DurationS">Planned length of the physics; a leak case stops earlier once the loop has been empty for 30 min.</param>
/// <param name="Seed">Seed of the case's events and noise (<see cref="WorldCaseBuilder"/>).</param>
/// <param name="OnsetS">Leak onset, s from the case's start; null for nominal time.</param>
/// <param name="HoleMm">Leak hole diameter; null for nominal time.</param>
public sealed record CaseSpec(
    int Index, CaseKind Kind, int Ordinal, int LoopIndex, Phenomena Phenomena, double DurationS, ulong Seed,
    double? OnsetS = null, double? HoleMm = null);
