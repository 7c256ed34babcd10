using ThermalMonitor.Sim;

namespace ThermalMonitor.Scoring;

/// <summary>
/// The cases of a campaign, fixed by its options alone: the full world's nominal days split per loop
/// into cases of at most <see cref="CampaignOptions.MaxCaseHours"/>; for every phenomenon its
/// ablation days spread over the loops in cases of 12 h or more; the leaks assigned to the loops in
/// turn, each with a log-uniform hole of 0.05–12 mm opening 2–5 h into its case. Every case's seed
/// derives from (campaign seed, kind, ordinal), so adding leaks never changes a nominal case.
/// </summary>
public static class CampaignPlan
{
    /// <summary>Smallest leak hole drawn, mm.</summary>
    public const double MinHoleMm = 0.05;

    /// <summary>Largest leak hole drawn, mm.</summary>
    public const double MaxHoleMm = 12.0;

    /// <summary>Earliest leak onset: after the detector's thermal model has warmed up (about one orbit plus margin), s.</summary>
    public const double MinOnsetS = 2 * 3600.0;

    /// <summary>Latest leak onset, s.</summary>
    public const double MaxOnsetS = 5 * 3600.0;

    /// <summary>How long a leak case runs after the onset unless the loop empties first, s.</summary>
    public const double AfterOnsetS = 6 * 3600.0;

    /// <summary>How long a leak case runs once the loop is empty, s.</summary>
    public const double AfterEmptyS = 30 * 60.0;

    /// <summary>Shortest ablation case (unless the phenomenon's days are shorter), s.</summary>
    public const double MinAblationCaseS = 12 * 3600.0;

    private const ulong NominalStream = 0x4E4F4D31UL;  // "NOM1"
    private const ulong AblationStream = 0x41424C31UL; // "ABL1"
    private const ulong LeakStream = 0x4C454B31UL;     // "LEK1"
    private const double SecondsPerDay = 86_400.0;

    /// <summary>The cases of <paramref name="options"/>: nominal, then ablations (phenomenon by phenomenon), then leaks.</summary>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public static IReadOnlyList<CaseSpec> Cases(CampaignOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var cases = new List<CaseSpec>();
        double maxCaseS = options.MaxCaseHours * 3600.0;

        // Nominal: each loop gets an equal share, in equal cases of at most maxCaseS.
        double perLoopS = options.NominalDays * SecondsPerDay / options.Loops;
        int nominalOrdinal = 0;
        if (perLoopS > 0)
        {
            int casesPerLoop = (int)Math.Ceiling((perLoopS / maxCaseS) - 1e-9);
            for (int loop = 0; loop < options.Loops; loop++)
            {
                for (int k = 0; k < casesPerLoop; k++)
                {
                    cases.Add(new CaseSpec(
                        cases.Count, CaseKind.Nominal, nominalOrdinal, loop, Phenomena.All, perLoopS / casesPerLoop,
                        SeedSequence.Derive(options.Seed, NominalStream, (ulong)nominalOrdinal)));
                    nominalOrdinal++;
                }
            }
        }

        // Ablation: each phenomenon's days over as many loops as cases of ≥ 12 h allow.
        double ablationS = options.AblationDays * SecondsPerDay;
        if (ablationS > 0)
        {
            double caseS = Math.Min(maxCaseS, Math.Max(MinAblationCaseS, ablationS / options.Loops));
            int count = (int)Math.Ceiling((ablationS / caseS) - 1e-9);
            for (int p = 0; p < PhenomenaCatalog.Each.Count; p++)
            {
                for (int k = 0; k < count; k++)
                {
                    cases.Add(new CaseSpec(
                        cases.Count, CaseKind.Ablation, k, (p + k) % options.Loops, PhenomenaCatalog.Each[p], ablationS / count,
                        SeedSequence.Derive(options.Seed, AblationStream + (ulong)p, (ulong)k)));
                }
            }
        }

        // Leaks: loop by loop in turn, hole and onset from the leak's own stream.
        for (int k = 0; k < options.Leaks; k++)
        {
            ulong seed = SeedSequence.Derive(options.Seed, LeakStream, (ulong)k);
            var draws = new RandomDraws(SeedSequence.Derive(seed, LeakStream, 0));
            double holeMm = draws.LogUniform(MinHoleMm, MaxHoleMm);
            double onsetS = Math.Round(draws.Uniform(MinOnsetS, MaxOnsetS), 1);
            cases.Add(new CaseSpec(
                cases.Count, CaseKind.Leak, k, k % options.Loops, Phenomena.All, onsetS + AfterOnsetS, seed, onsetS, holeMm));
        }

        return cases;
    }
}
