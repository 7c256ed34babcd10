using ThermalMonitor.Sim;

namespace ThermalMonitor.Scoring.Tests;

public sealed class CampaignPlanTests
{
    private static readonly CampaignOptions Options = new() { Seed = 5, Loops = 4, NominalDays = 10, Leaks = 9, AblationDays = 2, MaxCaseHours = 48 };

    [Fact]
    public void NominalDays_AreSplitEquallyOverTheLoopsInCasesNoLongerThanTheLimit()
    {
        CaseSpec[] nominal = [.. CampaignPlan.Cases(Options).Where(c => c.Kind == CaseKind.Nominal)];

        Assert.Equal(10 * 86_400.0, nominal.Sum(c => c.DurationS), 1e-6);
        Assert.All(nominal, c => Assert.InRange(c.DurationS, 1.0, 48 * 3600.0));
        Assert.All(nominal, c => Assert.Equal(Phenomena.All, c.Phenomena));
        Assert.All(nominal.GroupBy(c => c.LoopIndex), g => Assert.Equal(2.5 * 86_400, g.Sum(c => c.DurationS), 1e-6));
    }

    [Fact]
    public void EveryPhenomenon_GetsItsAblationDaysAlone_OverSeveralLoops()
    {
        CaseSpec[] ablation = [.. CampaignPlan.Cases(Options).Where(c => c.Kind == CaseKind.Ablation)];

        Assert.Equal(PhenomenaCatalog.Each, ablation.Select(c => c.Phenomena).Distinct());
        Assert.All(ablation.GroupBy(c => c.Phenomena), g =>
        {
            Assert.Equal(2 * 86_400.0, g.Sum(c => c.DurationS), 1e-6);
            Assert.True(g.Select(c => c.LoopIndex).Distinct().Count() >= 3);
        });
    }

    [Fact]
    public void Leaks_HaveLogUniformHolesAndOnsetsAfterWarmUp_AndTakeTheLoopsInTurn()
    {
        CaseSpec[] leaks = [.. CampaignPlan.Cases(Options with { Leaks = 300 }).Where(c => c.Kind == CaseKind.Leak)];

        Assert.Equal(300, leaks.Length);
        Assert.All(leaks, c =>
        {
            Assert.InRange(c.HoleMm!.Value, CampaignPlan.MinHoleMm, CampaignPlan.MaxHoleMm);
            Assert.InRange(c.OnsetS!.Value, CampaignPlan.MinOnsetS, CampaignPlan.MaxOnsetS);
            Assert.Equal(c.OnsetS.Value + CampaignPlan.AfterOnsetS, c.DurationS);
            Assert.Equal(c.Ordinal % 4, c.LoopIndex);
        });

        // Log-uniform over 0.05–12 mm: about a third of the holes fall in each third of the decades.
        double logSpan = Math.Log(CampaignPlan.MaxHoleMm / CampaignPlan.MinHoleMm);
        int lowThird = leaks.Count(c => Math.Log(c.HoleMm!.Value / CampaignPlan.MinHoleMm) < logSpan / 3);
        Assert.InRange(lowThird, 70, 130);
    }

    [Fact]
    public void AddingLeaks_ChangesNoOtherCase()
    {
        IReadOnlyList<CaseSpec> fewer = CampaignPlan.Cases(Options);
        IReadOnlyList<CaseSpec> more = CampaignPlan.Cases(Options with { Leaks = 20 });

        Assert.Equal(fewer, more.Take(fewer.Count));
    }

    [Fact]
    public void CaseIndices_AreThePlanOrder_AndSeedsAreDistinct()
    {
        IReadOnlyList<CaseSpec> cases = CampaignPlan.Cases(Options);

        Assert.Equal(Enumerable.Range(0, cases.Count), cases.Select(c => c.Index));
        Assert.Equal(cases.Count, cases.Select(c => c.Seed).Distinct().Count());
    }

    [Theory]
    [InlineData("--loops 0")]
    [InlineData("--case-hours 100")]
    [InlineData("--detectors: unknown detector configuration 'v9'")]
    [InlineData("--detectors: 'v1,v1' names a configuration twice")]
    public void BadOptions_AreRejectedWithTheOptionsName(string message)
    {
        CampaignOptions bad = message switch
        {
            "--loops 0" => Options with { Loops = 0 },
            "--case-hours 100" => Options with { MaxCaseHours = 100 },
            _ when message.Contains("v9", StringComparison.Ordinal) => Options with { Detectors = ["v1", "v9"] },
            _ => Options with { Detectors = ["v1", "v1"] },
        };

        var error = Assert.Throws<ArgumentException>(() => CampaignPlan.Cases(bad));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }
}
