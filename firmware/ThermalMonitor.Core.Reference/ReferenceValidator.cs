using ThermalMonitor.Core.Validation;

namespace ThermalMonitor.Core.Reference;

/// <summary>The firmware's <see cref="ChannelValidator"/> logic on real-valued inputs.</summary>
public sealed class ReferenceValidator(ChannelLimits limits, double slewPerSample, double noisyRecoverSpread)
{
    private int badRun;
    private int goodRun;
    private bool hasReference;
    private double reference;
    private int samplesSinceReference;
    private double stuckAnchor;
    private bool hasStuckAnchor;
    private int stuckRun;

    public bool IsFaulted { get; private set; }

    public FaultReason FaultReason { get; private set; }

    public int LastGlitchSamples { get; private set; }

    public ValidationOutcome Validate(bool readOk, double bandPpm, double value, double meanCounts, int spread)
    {
        LastGlitchSamples = 0;
        FaultReason condition = Classify(readOk, bandPpm, value, meanCounts, spread);
        if (condition == FaultReason.None)
        {
            if (!IsFaulted && badRun > 0)
            {
                LastGlitchSamples = badRun;
            }

            badRun = 0;
            goodRun = Math.Min(goodRun + 1, limits.RecoverSamples);
            SetReference(value);
            if (IsFaulted)
            {
                if (goodRun < limits.RecoverSamples)
                {
                    return ValidationOutcome.ChannelFaulted;
                }

                IsFaulted = false;
                FaultReason = FaultReason.None;
            }

            return ValidationOutcome.Accepted;
        }

        goodRun = 0;
        if (IsFaulted)
        {
            SetReference(value);
            return ValidationOutcome.ChannelFaulted;
        }

        badRun++;
        samplesSinceReference++;
        if (badRun >= limits.FaultPersistSamples)
        {
            IsFaulted = true;
            FaultReason = condition;
            badRun = 0;
            return ValidationOutcome.ChannelFaulted;
        }

        return ValidationOutcome.Withheld;
    }

    private FaultReason Classify(bool readOk, double bandPpm, double value, double meanCounts, int spread)
    {
        if (!readOk)
        {
            return FaultReason.ReadFailed;
        }

        bool stuck = TrackStuck(meanCounts);
        double margin = IsFaulted ? limits.BandHysteresisPpm : 0;
        if (bandPpm < limits.BandMinPpm + margin || meanCounts * 256 <= limits.RailLowCountsQ8)
        {
            return limits.BelowBandReason;
        }

        if (bandPpm > limits.BandMaxPpm - margin || meanCounts * 256 >= limits.RailHighCountsQ8)
        {
            return limits.AboveBandReason;
        }

        if (spread > (IsFaulted ? noisyRecoverSpread : limits.NoisySpreadMaxCounts))
        {
            return FaultReason.Noisy;
        }

        if (stuck)
        {
            return FaultReason.Stuck;
        }

        if (hasReference && !IsFaulted && Math.Abs(value - reference) > slewPerSample * samplesSinceReference)
        {
            return FaultReason.Slew;
        }

        return FaultReason.None;
    }

    private bool TrackStuck(double meanCounts)
    {
        if (limits.StuckWindowSamples <= 0)
        {
            return false;
        }

        if (hasStuckAnchor && Math.Abs(meanCounts - stuckAnchor) * 256 <= limits.StuckToleranceCountsQ8)
        {
            stuckRun = Math.Min(stuckRun + 1, limits.StuckWindowSamples);
        }
        else
        {
            stuckAnchor = meanCounts;
            hasStuckAnchor = true;
            stuckRun = 0;
        }

        return stuckRun >= limits.StuckWindowSamples;
    }

    private void SetReference(double value)
    {
        reference = value;
        hasReference = true;
        samplesSinceReference = 1;
    }
}
