using ThermalMonitor.Core.Validation;

namespace ThermalMonitor.Core.Tests.Validation;

public class ChannelValidatorTests
{
    private static ChannelValidator Pressure(int stuckWindowSamples = 600)
    {
        var validator = new ChannelValidator();
        validator.Configure(new ChannelLimits
        {
            BandMinPpm = 50000,
            BandMaxPpm = 950000,
            BandHysteresisPpm = 10000,
            BelowBandReason = FaultReason.Open,
            AboveBandReason = FaultReason.Short,
            SlewMaxPerSample = 10000,
            StuckWindowSamples = stuckWindowSamples,
            StuckToleranceCountsQ8 = 0,
            NoisySpreadMaxCounts = 48,
            NoisyRecoverSpreadCounts = 36,
            FaultPersistSamples = 3,
            RecoverSamples = 50,
            RailLowCountsQ8 = 8 * 256,
            RailHighCountsQ8 = (4095 - 8) * 256,
        });
        return validator;
    }

    /// <summary>A burst mean well away from both ADC rails (2048 counts in Q8).</summary>
    private const int MidScaleQ8 = 2048 * 256;

    private static int counts;

    /// <summary>A good sample: in band, quiet, and never the same counts twice (so never stuck).</summary>
    private static ValidationOutcome Good(ChannelValidator validator, int value = 25000, int bandPpm = 500000) =>
        validator.Validate(true, bandPpm, value, MidScaleQ8 + (counts++ % 7), 9);

    [Fact]
    public void Open_wire_faults_after_the_persistence_and_is_withheld_before()
    {
        var validator = Pressure();
        Good(validator);
        Assert.Equal(ValidationOutcome.Withheld, validator.Validate(true, 1000, 0, 50, 0));
        Assert.Equal(ValidationOutcome.Withheld, validator.Validate(true, 1000, 0, 51, 0));
        Assert.Equal(ValidationOutcome.ChannelFaulted, validator.Validate(true, 1000, 0, 52, 0));
        Assert.True(validator.IsFaulted);
        Assert.Equal(FaultReason.Open, validator.FaultReason);
    }

    [Fact]
    public void Short_is_the_high_side() =>
        Assert.Equal(FaultReason.Short, Fault(Pressure(), bandPpm: 990000).FaultReason);

    private static ChannelValidator Fault(ChannelValidator validator, int bandPpm)
    {
        for (int i = 0; i < 3; i++)
        {
            validator.Validate(true, bandPpm, 0, MidScaleQ8 + i, 0);
        }

        return validator;
    }

    [Fact]
    public void A_single_glitch_is_withheld_and_reported_but_never_faults()
    {
        var validator = Pressure();
        Good(validator);
        Assert.Equal(ValidationOutcome.Withheld, validator.Validate(true, 500000, 5000, MidScaleQ8 + 77, 9)); // −200 kPa in one sample
        Assert.Equal(ValidationOutcome.Accepted, Good(validator));
        Assert.Equal(1, validator.LastGlitchSamples);
        Assert.Equal(FaultReason.Slew, validator.LastGlitchReason);
        Assert.False(validator.IsFaulted);
    }

    [Fact]
    public void A_fast_real_change_is_accepted_once_it_is_physically_possible()
    {
        var validator = Pressure();
        Good(validator, 25000);
        // 250 → 120 kPa is 130 kPa in one sample, above the 100 kPa/sample allowance; the allowance
        // grows with every withheld sample, so the second sample at 120 kPa (200 kPa allowed) passes.
        Assert.Equal(ValidationOutcome.Withheld, Good(validator, 12000));
        Assert.Equal(ValidationOutcome.Accepted, Good(validator, 12000));
        Assert.False(validator.IsFaulted);
    }

    [Fact]
    public void Noisy_bursts_fault_and_recovery_needs_the_lower_bound()
    {
        var validator = Pressure();
        for (int i = 0; i < 3; i++)
        {
            validator.Validate(true, 500000, 25000, MidScaleQ8 + i, 60);
        }

        Assert.Equal(FaultReason.Noisy, validator.FaultReason);
        for (int i = 0; i < 100; i++)
        {
            Assert.Equal(ValidationOutcome.ChannelFaulted, validator.Validate(true, 500000, 25000, MidScaleQ8 + 2000 + i, 40)); // below 48 but above 36
        }

        for (int i = 0; i < 49; i++)
        {
            Assert.Equal(ValidationOutcome.ChannelFaulted, Good(validator));
        }

        Assert.Equal(ValidationOutcome.Accepted, Good(validator));
        Assert.False(validator.IsFaulted);
    }

    [Fact]
    public void Band_recovery_has_hysteresis()
    {
        var validator = Fault(Pressure(), bandPpm: 1000);
        for (int i = 0; i < 60; i++)
        {
            validator.Validate(true, 55000, 600, MidScaleQ8 + 3000 + i, 9); // inside the band, not inside band + hysteresis
        }

        Assert.True(validator.IsFaulted);
        for (int i = 0; i < 50; i++)
        {
            validator.Validate(true, 65000, 2000, MidScaleQ8 + 4000 + i, 9);
        }

        Assert.False(validator.IsFaulted);
    }

    [Fact]
    public void Identical_readings_for_the_stuck_window_fault_as_stuck()
    {
        var validator = Pressure(stuckWindowSamples: 20);
        for (int i = 0; i < 30; i++)
        {
            validator.Validate(true, 500000, 25000, MidScaleQ8 + 1234, 0);
        }

        Assert.True(validator.IsFaulted);
        Assert.Equal(FaultReason.Stuck, validator.FaultReason);
    }

    [Fact]
    public void A_reading_at_an_adc_rail_is_out_of_band_even_if_its_ratio_looks_live()
    {
        // An open NTC pulls the pin to 3.3 V, above the ADC's ~3.15 V top: the reading saturates at
        // 4095 and its ratio alone would still look like a cold but live sensor.
        var validator = Pressure();
        for (int i = 0; i < 3; i++)
        {
            validator.Validate(true, 500000, 25000, 4095 * 256, 0);
        }

        Assert.Equal(FaultReason.Short, validator.FaultReason);
    }

    [Fact]
    public void A_failed_read_is_a_fault_reason_not_a_value()
    {
        var validator = Pressure();
        for (int i = 0; i < 3; i++)
        {
            validator.Validate(false, 0, 0, 0, 0);
        }

        Assert.Equal(FaultReason.ReadFailed, validator.FaultReason);
    }
}
