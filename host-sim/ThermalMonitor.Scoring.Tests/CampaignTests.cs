using System.Text.Json;
using System.Xml.Linq;
using ThermalMonitor.Sim;

namespace ThermalMonitor.Scoring.Tests;

/// <summary>The reduced campaign: determinism, structure, internal consistency, the report.</summary>
[Collection(ReducedCampaignCollection.Name)]
public sealed class CampaignTests(ReducedCampaign campaign)
{
    private CampaignResult Result => campaign.Result;

    [Fact]
    public void SameOptions_GiveByteIdenticalJson_OnOneWorkerOrTwo()
    {
        Assert.Equal(campaign.Json, CampaignJson.Serialize(campaign.TwoWorkers.Result));
        Assert.Equal(campaign.OneWorker.SamplesReplayed, campaign.TwoWorkers.SamplesReplayed);
    }

    [Fact]
    public void EveryPlannedCaseRan_InPlanOrder()
    {
        IReadOnlyList<CaseSpec> plan = CampaignPlan.Cases(ReducedCampaign.Options);

        Assert.Equal(plan, Result.Cases.Select(c => c.Spec));
        Assert.Equal(3, Result.Loops.Count);
        Assert.All(Result.Cases, c => Assert.Equal(DetectorConfigurations.Names, c.Detectors.Select(d => d.Detector)));
        Assert.All(Result.Cases, c => Assert.True(c.SamplesReplayed > 0 && c.Rows > 0));
    }

    [Fact]
    public void EveryLeakCase_HasItsBoundFromTheMeasurementNoise()
    {
        CaseResult[] leaks = [.. Result.LeakCases];

        Assert.Equal(7, leaks.Length);
        Assert.All(leaks, c =>
        {
            Assert.True(c.BoundS > 0, $"case {c.Spec.Index}");
            Assert.True(c.LongRunSigmaPa > 0 && c.MeasurementSigmaPa > 0, $"case {c.Spec.Index}");
            Assert.Equal(c.Spec.OnsetS, c.NominalS);
        });
        Assert.All(Result.Cases.Where(c => !c.IsLeak), c => Assert.Null(c.BoundS));
    }

    [Fact]
    public void LeakCounts_AddUp_PerDetectorAndPerHoleClass()
    {
        foreach ((string name, DetectorSummary s) in Result.Detectors)
        {
            Assert.Equal(7, s.Leaks);
            Assert.Equal(s.Leaks, s.HoleClasses.Sum(k => k.Count));
            Assert.Equal(s.Missed, s.HoleClasses.Sum(k => k.Missed));
            Assert.Equal(s.Missed, s.MissedCases.Count);
            Assert.Equal(s.Detected, Result.LeakCases.Count(c => c.Detector(name).FirstLeakAlarm is not null));
            Assert.Equal(s.Detected, s.HoleClasses.Sum(k => k.DelayS.Count));
            Assert.All(Result.LeakCases.Where(c => c.Detector(name).FirstLeakAlarm is not null), c =>
            {
                // The delay is the first leak alarm's time after the onset, and that alarm was raised
                // inside the case (between its onset and its end).
                double onsetS = c.Spec.OnsetS!.Value;
                double alarmS = c.Detector(name).FirstLeakAlarm!.TimeS;
                Assert.Equal(alarmS - onsetS, c.DelayS(name)!.Value, 1e-9);
                Assert.InRange(alarmS, onsetS, c.Spec.DurationS);
            });
        }
    }

    [Fact]
    public void AnAlarmActiveAtTheOnset_IsAFalseAlarmRaisedBefore_AndItsMissesAreCounted()
    {
        foreach ((string name, DetectorSummary s) in Result.Detectors)
        {
            Assert.All(Result.LeakCases, c =>
            {
                DetectorCaseResult d = c.Detector(name);
                Assert.NotNull(d.AlarmActiveAtOnset);
                Assert.True(d.AlarmActiveAtOnset == false || d.FalseAlarmCount > 0, $"case {c.Spec.Index}");
            });
            Assert.All(Result.Cases.Where(c => !c.IsLeak), c => Assert.Null(c.Detector(name).AlarmActiveAtOnset));
            Assert.Equal(Result.LeakCases.Count(c => c.Detector(name) is { FirstLeakAlarm: null, AlarmActiveAtOnset: true }), s.MissedWithAlarmActive);
            Assert.Equal(s.MissedWithAlarmActive, s.HoleClasses.Sum(k => k.MissedWithAlarmActive));
            Assert.InRange(s.MissedWithAlarmActive, 0, s.Missed);
        }
    }

    [Fact]
    public void FalseAlarms_AddUp_OverCasesCausesAndTheFullWorld()
    {
        foreach ((string name, DetectorSummary s) in Result.Detectors)
        {
            CaseResult[] world = [.. Result.Cases.Where(c => c.Spec.Kind != CaseKind.Ablation)];
            Assert.Equal(world.Sum(c => c.Detector(name).FalseAlarmCount), s.FalseAlarms);
            Assert.Equal(s.FalseAlarms, s.FalseAlarmsByCause.Values.Sum());
            Assert.Equal(world.Sum(c => c.NominalS) / 86_400, s.NominalDays, 1e-9);
            Assert.InRange(s.NominalDays, 2.0, 2.0 + (7 * CampaignPlan.MaxOnsetS / 86_400));
            Assert.Equal(s.FalseAlarms, s.Phenomenon(PhenomenaCatalog.AllName).FalseAlarms);
            Assert.Equal(s.FalseAlarms / s.NominalDays, s.FalseAlarmsPerDay, 1e-12);
            Assert.All(Result.Cases, c => Assert.Equal(c.Detector(name).FalseAlarmCount, c.Detector(name).FalseAlarmsByCause.Values.Sum()));
            Assert.All(Result.LeakCases, c => Assert.All(c.Detector(name).FalseAlarms, a => Assert.True(a.TimeS < c.Spec.OnsetS)));
        }
    }

    [Fact]
    public void EveryPhenomenon_AppearsInTheAblation_WithItsDays()
    {
        DetectorSummary s = Result.Detectors[DetectorConfigurations.V2];

        Assert.Equal([.. PhenomenaCatalog.Each.Select(PhenomenaCatalog.Name), PhenomenaCatalog.AllName], s.Phenomena.Select(p => p.Phenomenon));
        Assert.All(s.Phenomena.SkipLast(1), p => Assert.Equal(0.05, p.Days, 0.001));
        Assert.All(
            Result.Cases.Where(c => c.Spec.Kind == CaseKind.Ablation),
            c => Assert.Single(PhenomenaCatalog.Each, p => (c.Spec.Phenomena & p) != 0));
    }

    [Fact]
    public void Json_HasTheSchemaTheOptionsButNotTheCoreCount_AndEveryCase()
    {
        using JsonDocument document = JsonDocument.Parse(campaign.Json);
        JsonElement root = document.RootElement;

        Assert.Equal("thermal-monitor/campaign-result@1", root.GetProperty("schema").GetString());
        Assert.Equal(2024UL, root.GetProperty("seed").GetUInt64());
        Assert.False(root.GetProperty("options").TryGetProperty("parallel", out _));
        Assert.Equal(Result.Cases.Count, root.GetProperty("cases").GetArrayLength());
        Assert.Equal(3, root.GetProperty("loops").GetArrayLength());
        Assert.Equal(WorldSampler.Draw(2024, 1).NominalPressureKpa, root.GetProperty("loops")[1].GetProperty("nominal_pressure_kpa").GetDouble());
        JsonElement leak = root.GetProperty("cases").EnumerateArray().First(c => c.GetProperty("kind").GetString() == "leak");
        Assert.True(leak.GetProperty("bound_s").GetDouble() > 0);
        Assert.True(leak.GetProperty("detectors").GetProperty("v1").TryGetProperty("first_alarm", out _));
        Assert.Equal(
            Result.Detectors["v2"].FalseAlarms,
            root.GetProperty("detectors").GetProperty("v2").GetProperty("false_alarms").GetInt32());
    }

    [Fact]
    public void Report_Renders_WithBothPlotsAndEveryDetector()
    {
        string html = CampaignReport.Render(Result);

        var document = XDocument.Parse(html.Replace("<!DOCTYPE html>", string.Empty, StringComparison.Ordinal));
        XNamespace svg = "http://www.w3.org/2000/svg";
        var plots = document.Descendants(svg + "svg").Where(e => ((string?)e.Attribute("class") ?? "").Contains("scatter", StringComparison.Ordinal)).ToList();
        Assert.Equal(["plot-delay", "plot-ratio"], plots.Select(p => (string)p.Attribute("id")!));
        string[] SeriesOf(XElement plot) => [.. plot.Descendants(svg + "g").Select(g => (string?)g.Attribute("data-series")).OfType<string>()];
        Assert.Equal(["information bound", "v1", "v2"], SeriesOf(plots[0]));
        Assert.Equal(["v1", "v2"], SeriesOf(plots[1]));
        Assert.Contains("Missed leaks", html, StringComparison.Ordinal);
        Assert.Equal(html, CampaignReport.Render(campaign.TwoWorkers.Result));
    }
}
