using ThermalMonitor.Core.Validation;

namespace ThermalMonitor.Core.Tests.Validation;

/// <summary>
/// The channel validator at its exact edges: band and rails (with the recovery hysteresis), glitch
/// versus fault persistence, the stuck window and its tolerance, the noise bound and its recovery
/// bound, the slew allowance in both directions, and the recovery count.
/// </summary>
public class ChannelValidatorEdgeTests
{
    private const int BandMin = 50_000;
    private const int BandMax = 950_000;
    private const int BandHysteresis = 10_000;
    private const int RailLow = 8 * 256;
    private const int RailHigh = (4095 - 8) * 256;
    private const int SlewMax = 10_000;
    private const int NoisyMax = 48;
    private const int NoisyRecover = 36;
    private const int FaultPersist = 3;
    private const int Recover = 5;
    private const int MidBand = 500_000;
    private const int MidScaleQ8 = 2048 * 256;

    /// <summary>A frozen burst mean, distinct from every mean <see cref="NextCounts"/> produces.</summary>
    private const int FrozenQ8 = 1024 * 256;
    private const int Quiet = 9;
    private const int Value = 25_000;

    private readonly ChannelValidator validator = new();
    private int counts;

    public ChannelValidatorEdgeTests() => Configure();

    private void Configure(int stuckWindowSamples = 0, int stuckTolerance = 0, int faultPersist = FaultPersist) =>
        validator.Configure(new ChannelLimits
        {
            BandMinPpm = BandMin,
            BandMaxPpm = BandMax,
            BandHysteresisPpm = BandHysteresis,
            RailLowCountsQ8 = RailLow,
            RailHighCountsQ8 = RailHigh,
            BelowBandReason = FaultReason.Open,
            AboveBandReason = FaultReason.Short,
            SlewMaxPerSample = SlewMax,
            StuckWindowSamples = stuckWindowSamples,
            StuckToleranceCountsQ8 = stuckTolerance,
            NoisySpreadMaxCounts = NoisyMax,
            NoisyRecoverSpreadCounts = NoisyRecover,
            FaultPersistSamples = faultPersist,
            RecoverSamples = Recover,
        });

    /// <summary>Burst means that never repeat (so never stuck), well away from the rails.</summary>
    private int NextCounts() => MidScaleQ8 + (counts++ % 1000);

    private ValidationOutcome Sample(int bandPpm = MidBand, int value = Value, int? countsQ8 = null, int spread = Quiet) =>
        validator.Validate(true, bandPpm, value, countsQ8 ?? NextCounts(), spread);

    private ValidationOutcome[] Samples(int count, int bandPpm = MidBand, int value = Value, int spread = Quiet) =>
        Enumerable.Range(0, count).Select(_ => Sample(bandPpm, value, null, spread)).ToArray();

    private static ValidationOutcome[] Outcomes(params ValidationOutcome[] outcomes) => outcomes;

    private const ValidationOutcome Accepted = ValidationOutcome.Accepted;
    private const ValidationOutcome Withheld = ValidationOutcome.Withheld;
    private const ValidationOutcome Faulted = ValidationOutcome.ChannelFaulted;

    private void FaultWith(int bandPpm)
    {
        Samples(FaultPersist, bandPpm);
        Assert.True(validator.IsFaulted);
    }

    // --- band and rails -------------------------------------------------------------------

    [Fact]
    public void The_band_edges_themselves_are_live()
    {
        Assert.Equal(Accepted, Sample(bandPpm: BandMin));
        Assert.Equal(Accepted, Sample(bandPpm: BandMax));
        Assert.Equal(FaultReason.None, validator.SampleCondition);
    }

    [Fact]
    public void One_ppm_outside_the_band_is_the_wiring_fault_of_that_side()
    {
        Assert.Equal(Withheld, Sample(bandPpm: BandMin - 1));
        Assert.Equal(FaultReason.Open, validator.SampleCondition);
        Assert.Equal(Accepted, Sample());
        Assert.Equal(Withheld, Sample(bandPpm: BandMax + 1));
        Assert.Equal(FaultReason.Short, validator.SampleCondition);
    }

    [Fact]
    public void A_burst_mean_at_a_rail_is_out_of_band_and_one_count_inside_it_is_not()
    {
        Assert.Equal(Withheld, Sample(countsQ8: RailLow));
        Assert.Equal(FaultReason.Open, validator.SampleCondition);
        Assert.Equal(Accepted, Sample(countsQ8: RailLow + 1));
        Assert.Equal(Withheld, Sample(countsQ8: RailHigh));
        Assert.Equal(FaultReason.Short, validator.SampleCondition);
        Assert.Equal(Accepted, Sample(countsQ8: RailHigh - 1));
    }

    [Fact]
    public void A_channel_faulted_low_must_come_back_past_the_hysteresis()
    {
        FaultWith(BandMin - 1);

        Assert.All(Samples(3 * Recover, BandMin + BandHysteresis - 1), o => Assert.Equal(Faulted, o));
        Assert.Equal(FaultReason.Open, validator.SampleCondition);
        Assert.Equal(Outcomes(Faulted, Faulted, Faulted, Faulted, Accepted), Samples(Recover, BandMin + BandHysteresis));
    }

    [Fact]
    public void A_channel_faulted_high_must_come_back_past_the_hysteresis()
    {
        FaultWith(BandMax + 1);

        Assert.All(Samples(3 * Recover, BandMax - BandHysteresis + 1), o => Assert.Equal(Faulted, o));
        Assert.Equal(FaultReason.Short, validator.SampleCondition);
        Assert.Equal(Outcomes(Faulted, Faulted, Faulted, Faulted, Accepted), Samples(Recover, BandMax - BandHysteresis));
    }

    [Fact]
    public void After_recovery_the_plain_band_applies_again()
    {
        FaultWith(BandMin - 1);
        Samples(Recover);
        Assert.False(validator.IsFaulted);

        Assert.Equal(Accepted, Sample(bandPpm: BandMin));
        Assert.Equal(Accepted, Sample(bandPpm: BandMax));
    }

    // --- glitch versus fault ------------------------------------------------------------

    [Fact]
    public void A_run_shorter_than_the_persistence_is_a_glitch_reported_on_the_next_good_sample()
    {
        Assert.Equal(Outcomes(Withheld, Withheld), Samples(FaultPersist - 1, BandMin - 1));
        Assert.Equal(0, validator.LastGlitchSamples);

        Assert.Equal(Accepted, Sample());

        Assert.Equal(FaultPersist - 1, validator.LastGlitchSamples);
        Assert.Equal(FaultReason.Open, validator.LastGlitchReason);
        Assert.False(validator.IsFaulted);
        Sample();
        Assert.Equal(0, validator.LastGlitchSamples);
    }

    [Fact]
    public void The_glitch_reason_is_the_first_bad_sample_of_the_run()
    {
        Sample(bandPpm: BandMax + 1);
        Sample(bandPpm: BandMin - 1);
        Sample();

        Assert.Equal(2, validator.LastGlitchSamples);
        Assert.Equal(FaultReason.Short, validator.LastGlitchReason);
    }

    [Fact]
    public void The_channel_faults_exactly_on_the_persistence_count()
    {
        Assert.Equal(Outcomes(Withheld, Withheld, Faulted), Samples(FaultPersist, BandMax + 1));
        Assert.True(validator.IsFaulted);
        Assert.Equal(FaultReason.Short, validator.FaultReason);
        Sample();
        Assert.Equal(0, validator.LastGlitchSamples); // a fault is not a glitch
    }

    [Fact]
    public void A_good_sample_restarts_the_fault_count()
    {
        Samples(FaultPersist - 1, BandMin - 1);
        Sample();
        Assert.Equal(Outcomes(Withheld, Withheld, Faulted), Samples(FaultPersist, BandMin - 1));
    }

    [Fact]
    public void A_persistence_of_one_faults_on_the_first_bad_sample()
    {
        Configure(faultPersist: 1);

        Assert.Equal(Faulted, Sample(bandPpm: BandMin - 1));
        Assert.Equal(FaultReason.Open, validator.FaultReason);
    }

    [Fact]
    public void A_failed_read_is_its_own_reason_whatever_the_numbers_say()
    {
        Sample();
        for (int i = 0; i < FaultPersist; i++)
        {
            validator.Validate(false, MidBand, Value, NextCounts(), Quiet);
        }

        Assert.Equal(FaultReason.ReadFailed, validator.FaultReason);
    }

    [Fact]
    public void A_faulted_channel_keeps_its_first_reason_while_other_conditions_come_and_go()
    {
        FaultWith(BandMin - 1);

        Sample(spread: NoisyMax + 20);
        Assert.Equal(FaultReason.Noisy, validator.SampleCondition);
        Sample(bandPpm: BandMax + 1);

        Assert.Equal(FaultReason.Open, validator.FaultReason);
    }

    // --- recovery -------------------------------------------------------------------------

    [Fact]
    public void Recovery_takes_exactly_the_recover_count_of_consecutive_good_samples()
    {
        FaultWith(BandMin - 1);

        Assert.Equal(Outcomes(Faulted, Faulted, Faulted, Faulted), Samples(Recover - 1));
        Assert.Equal(Faulted, Sample(bandPpm: BandMin - 1)); // interrupted: count again
        Assert.Equal(Outcomes(Faulted, Faulted, Faulted, Faulted, Accepted), Samples(Recover));
        Assert.False(validator.IsFaulted);
        Assert.Equal(FaultReason.None, validator.FaultReason);
        Assert.Equal(0, validator.LastGlitchSamples);
    }

    [Fact]
    public void Restart_is_the_power_on_state()
    {
        FaultWith(BandMin - 1);

        validator.Restart();

        Assert.False(validator.IsFaulted);
        Assert.Equal(FaultReason.None, validator.FaultReason);
        Assert.Equal(FaultReason.None, validator.SampleCondition);
        Assert.Equal(FaultReason.None, validator.LastGlitchReason);
        Assert.Equal(Accepted, Sample(value: Value + (5 * SlewMax))); // no slew reference either
    }

    [Fact]
    public void Restart_forgets_the_slew_reference_and_a_pending_bad_run()
    {
        Sample(value: Value);
        Samples(FaultPersist - 1, BandMin - 1);

        validator.Restart();

        Assert.Equal(Withheld, Sample(bandPpm: BandMin - 1)); // a new run of one, not the third
        Assert.False(validator.IsFaulted);
        Assert.Equal(Accepted, Sample(value: Value + (5 * SlewMax))); // nothing to judge the slew against
    }

    [Fact]
    public void Reset_history_forgets_the_stuck_anchor()
    {
        const int window = 4;
        Configure(stuckWindowSamples: window);
        Sample(countsQ8: FrozenQ8);
        Sample(countsQ8: FrozenQ8);
        Sample(countsQ8: FrozenQ8);

        validator.ResetHistory();

        // The same frozen reading anchors anew: W repeats after this first sample are needed again.
        var outcomes = Enumerable.Range(0, window + 1).Select(_ => Sample(countsQ8: FrozenQ8)).ToArray();
        Assert.Equal(Outcomes(Accepted, Accepted, Accepted, Accepted, Withheld), outcomes);
    }

    [Fact]
    public void Reset_history_keeps_a_fault_but_restarts_its_recovery_count()
    {
        FaultWith(BandMin - 1);
        Samples(Recover - 1);

        validator.ResetHistory();

        Assert.True(validator.IsFaulted);
        Assert.Equal(Outcomes(Faulted, Faulted, Faulted, Faulted, Accepted), Samples(Recover));
    }

    [Fact]
    public void Reset_history_restarts_the_fault_count()
    {
        Samples(FaultPersist - 1, BandMin - 1);

        validator.ResetHistory();

        Assert.Equal(Outcomes(Withheld, Withheld, Faulted), Samples(FaultPersist, BandMin - 1));
    }

    // --- noise ----------------------------------------------------------------------------

    [Fact]
    public void The_noise_bound_itself_is_quiet_enough()
    {
        Assert.Equal(Accepted, Sample(spread: NoisyMax));
        Assert.Equal(Withheld, Sample(spread: NoisyMax + 1));
        Assert.Equal(FaultReason.Noisy, validator.SampleCondition);
    }

    [Fact]
    public void A_noisy_channel_recovers_only_at_or_below_the_recovery_bound()
    {
        Samples(FaultPersist, spread: NoisyMax + 1);
        Assert.Equal(FaultReason.Noisy, validator.FaultReason);

        Assert.All(Samples(3 * Recover, spread: NoisyRecover + 1), o => Assert.Equal(Faulted, o));
        Assert.Equal(Outcomes(Faulted, Faulted, Faulted, Faulted, Accepted), Samples(Recover, spread: NoisyRecover));
        Assert.Equal(Accepted, Sample(spread: NoisyMax)); // valid again: the plain bound applies
    }

    // --- stuck ----------------------------------------------------------------------------

    [Fact]
    public void A_reading_unchanged_for_the_stuck_window_is_stuck_and_then_faults_after_the_persistence()
    {
        const int window = 4;
        Configure(stuckWindowSamples: window);
        var outcomes = Enumerable.Range(0, window + FaultPersist + 1).Select(_ => Sample(countsQ8: FrozenQ8)).ToArray();

        // The first sample anchors; samples 2..W+1 repeat it; the W-th repeat is stuck.
        Assert.Equal(Outcomes(Accepted, Accepted, Accepted, Accepted, Withheld, Withheld, Faulted, Faulted), outcomes);
        Assert.Equal(FaultReason.Stuck, validator.FaultReason);
    }

    [Fact]
    public void Changes_within_the_tolerance_of_the_anchor_still_count_as_unchanged()
    {
        const int tolerance = 16;
        Configure(stuckWindowSamples: 4, stuckTolerance: tolerance);

        Sample(countsQ8: FrozenQ8);
        Assert.Equal(Accepted, Sample(countsQ8: FrozenQ8 + tolerance));
        Assert.Equal(Accepted, Sample(countsQ8: FrozenQ8 - tolerance));
        Assert.Equal(Accepted, Sample(countsQ8: FrozenQ8 + tolerance));
        Assert.Equal(Withheld, Sample(countsQ8: FrozenQ8 - tolerance));
        Assert.Equal(FaultReason.Stuck, validator.SampleCondition);
    }

    [Fact]
    public void A_change_beyond_the_tolerance_starts_a_new_anchor()
    {
        const int tolerance = 16;
        Configure(stuckWindowSamples: 4, stuckTolerance: tolerance);

        Sample(countsQ8: FrozenQ8);
        Sample(countsQ8: FrozenQ8);
        Sample(countsQ8: FrozenQ8);
        Assert.Equal(Accepted, Sample(countsQ8: FrozenQ8 + tolerance + 1)); // new anchor
        var repeats = Enumerable.Range(0, 4).Select(_ => Sample(countsQ8: FrozenQ8 + tolerance + 1)).ToArray();

        Assert.Equal(Outcomes(Accepted, Accepted, Accepted, Withheld), repeats); // the 4th repeat of the new anchor
        Assert.Equal(FaultReason.Stuck, validator.SampleCondition);
    }

    [Fact]
    public void A_stuck_window_of_zero_never_calls_a_reading_stuck()
    {
        Configure(stuckWindowSamples: 0);

        Assert.All(Enumerable.Range(0, 100).Select(_ => Sample(countsQ8: FrozenQ8)), o => Assert.Equal(Accepted, o));
    }

    [Fact]
    public void A_stuck_channel_recovers_once_the_reading_moves()
    {
        Configure(stuckWindowSamples: 4);
        for (int i = 0; i < 4 + FaultPersist; i++)
        {
            Sample(countsQ8: FrozenQ8);
        }

        Assert.Equal(FaultReason.Stuck, validator.FaultReason);
        Assert.Equal(Outcomes(Faulted, Faulted, Faulted, Faulted, Accepted), Samples(Recover));
    }

    // --- slew -----------------------------------------------------------------------------

    [Theory]
    [InlineData(1)]
    [InlineData(-1)]
    public void A_step_of_the_slew_limit_is_accepted_and_one_more_is_not(int direction)
    {
        Sample(value: Value);

        Assert.Equal(Accepted, Sample(value: Value + (direction * SlewMax)));
        Assert.Equal(Withheld, Sample(value: Value + (direction * ((2 * SlewMax) + 1))));
        Assert.Equal(FaultReason.Slew, validator.SampleCondition);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(-1)]
    public void The_slew_allowance_grows_with_each_withheld_sample(int direction)
    {
        Sample(value: Value);

        // One, then two samples since the accepted value: 1x, then 2x the per-sample slew.
        Assert.Equal(Withheld, Sample(value: Value + (direction * ((2 * SlewMax) + 1))));
        Assert.Equal(Withheld, Sample(value: Value + (direction * ((2 * SlewMax) + 1))));
        Assert.Equal(Accepted, Sample(value: Value + (direction * 3 * SlewMax)));
        Assert.False(validator.IsFaulted);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(-1)]
    public void A_jump_that_stays_beyond_the_allowance_faults_as_slew(int direction)
    {
        Sample(value: Value);

        var outcomes = Samples(FaultPersist, value: Value + (direction * ((FaultPersist + 1) * SlewMax + 1)));

        Assert.Equal(Outcomes(Withheld, Withheld, Faulted), outcomes);
        Assert.Equal(FaultReason.Slew, validator.FaultReason);
    }

    [Fact]
    public void The_first_sample_has_no_slew_reference()
    {
        Assert.Equal(Accepted, Sample(value: 90_000));
        Assert.Equal(Accepted, Sample(value: 90_000 - SlewMax));
    }

    [Fact]
    public void Reset_history_forgets_the_slew_reference()
    {
        Sample(value: Value);

        validator.ResetHistory();

        Assert.Equal(Accepted, Sample(value: Value + (10 * SlewMax)));
    }

    [Fact]
    public void A_faulted_channel_recovers_without_slew_judgement_and_is_judged_from_its_last_value_after()
    {
        FaultWith(BandMin - 1);

        // Recovery samples jump by far more than the slew: while faulted that does not count.
        var outcomes = Enumerable.Range(0, Recover).Select(i => Sample(value: i % 2 == 0 ? 0 : 10 * SlewMax)).ToArray();
        Assert.Equal(Outcomes(Faulted, Faulted, Faulted, Faulted, Accepted), outcomes);

        // The last recovery value (0) is the reference of the first judged sample.
        Assert.Equal(Withheld, Sample(value: SlewMax + 1));
        Assert.Equal(FaultReason.Slew, validator.SampleCondition);
    }

    [Fact]
    public void A_withheld_glitch_does_not_move_the_slew_reference()
    {
        Sample(value: Value);
        Assert.Equal(Withheld, Sample(bandPpm: BandMin - 1, value: Value + (5 * SlewMax)));

        // Two samples since the reference: up to 2x the slew from the old value is accepted.
        Assert.Equal(Accepted, Sample(value: Value + (2 * SlewMax)));
    }
}
