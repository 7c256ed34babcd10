namespace ThermalMonitor.Scoring.Tests;

/// <summary>
/// What the reduced campaign says about the detectors themselves (the full campaign's figures are in
/// the README): on the same randomized recordings, today's detector (v2) finds every leak of 0.1 mm
/// and more, and raises fewer false alarms than the detector before issue 9 (v1). The world is
/// hard enough for that to mean something: v1 raises false alarms in it.
/// </summary>
[Collection(ReducedCampaignCollection.Name)]
public sealed class DetectorQualityTests(ReducedCampaign campaign)
{
    private DetectorSummary V1 => campaign.Result.Detectors[DetectorConfigurations.V1];

    private DetectorSummary V2 => campaign.Result.Detectors[DetectorConfigurations.V2];

    [Fact]
    public void V2_finds_every_leak_of_a_tenth_of_a_millimetre_and_more()
    {
        CaseResult[] leaks = [.. campaign.Result.Cases.Where(c => c.Spec.HoleMm is >= 0.1)];

        Assert.NotEmpty(leaks);
        Assert.All(leaks, c => Assert.True(
            c.Detector(DetectorConfigurations.V2).FirstLeakAlarm is not null,
            $"case {c.Spec.Index}: a {c.Spec.HoleMm:F3} mm hole on loop {c.Spec.LoopIndex} was missed"));
    }

    [Fact]
    public void V2_raises_at_most_half_the_false_alarms_of_v1_on_the_full_world()
    {
        // The reduced world is small (3 loops, 3 days): the full campaign's ratio is in the README.
        Assert.True(V1.FalseAlarms > 0, "the reduced world is too benign to compare the detectors");
        Assert.True(
            V2.FalseAlarms * 2 <= V1.FalseAlarms,
            $"v2 raised {V2.FalseAlarms} false alarms in {V2.NominalDays:F2} days, v1 {V1.FalseAlarms}");
    }

    [Fact]
    public void Rows_logged_with_their_noise_inside_raise_no_false_alarm_with_v2()
    {
        PhenomenonFalseAlarms noise = V2.Phenomenon("pressure-noise");

        Assert.True(noise.Days > 0);
        Assert.Equal(0, noise.FalseAlarms);
    }
}
