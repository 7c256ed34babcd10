namespace ThermalMonitor.Core.Validation
{
    /// <summary>
    /// Decides per sample whether one channel can be trusted (docs/design.md §4: validity checks
    /// inhibit leak decisions instead of triggering them; an open wire never reads as a leak).
    /// </summary>
    /// <remarks>
    /// Each sample gets a condition (open/short outside the live band or at an ADC rail, noisy burst, stuck reading,
    /// impossible slew, failed read). A bad condition that lasts <c>FaultPersistSamples</c> faults the
    /// channel with that reason; shorter runs are withheld glitches (2015 ISS false alarm, docs/physics.md
    /// §1.5). A faulted channel needs <c>RecoverSamples</c> consecutive good samples, judged with a
    /// narrower band and a lower noise bound (hysteresis), to be valid again. The slew allowance grows
    /// with the samples since the last accepted value, so a real fast change is accepted once it is
    /// physically possible and only a jump-and-return is rejected.
    /// </remarks>
    public sealed class ChannelValidator
    {
        private readonly ChannelLimits limits = new ChannelLimits();

        // The outputs the monitor reads every sample are internal fields: on the nanoFramework
        // interpreter a property read is a method call.
        internal bool faulted;
        internal FaultReason faultReason;
        private FaultReason sampleCondition;
        private int badRunSamples;
        private int goodRunSamples;

        private bool hasReference;
        private int referenceValue;
        private int samplesSinceReference;

        private int stuckAnchorCountsQ8;
        private int stuckRunSamples;
        private bool hasStuckAnchor;

        // Fields behind the glitch outputs: Validate writes them every sample, and on the
        // nanoFramework interpreter an auto-property's setter is a method call.
        internal int lastGlitchSamples;
        internal FaultReason lastGlitchReason;

        /// <summary>Set when the last sample ended a withheld run without a fault (a rejected glitch).</summary>
        public int LastGlitchSamples => lastGlitchSamples;

        public FaultReason LastGlitchReason => lastGlitchReason;

        public bool IsFaulted => faulted;

        /// <summary>The reason the channel is faulted (None while valid).</summary>
        public FaultReason FaultReason => faultReason;

        /// <summary>The condition found on the last sample (None for a good sample).</summary>
        public FaultReason SampleCondition => sampleCondition;

        public void Configure(ChannelLimits newLimits)
        {
            limits.CopyFrom(newLimits);
        }

        /// <summary>Back to the power-on state: no fault, no history (a monitor restart).</summary>
        public void Restart()
        {
            faulted = false;
            faultReason = FaultReason.None;
            sampleCondition = FaultReason.None;
            lastGlitchSamples = 0;
            lastGlitchReason = FaultReason.None;
            ResetHistory();
        }

        /// <summary>Forget history (not the fault state): used after a configuration change.</summary>
        public void ResetHistory()
        {
            hasReference = false;
            hasStuckAnchor = false;
            stuckRunSamples = 0;
            badRunSamples = 0;
            goodRunSamples = 0;
        }

        /// <summary>
        /// Validates one sample. <paramref name="bandPpm"/> is the channel's band signal (output
        /// ratio), <paramref name="value"/> its engineering value, <paramref name="countsQ8"/> and
        /// <paramref name="spreadCounts"/> come from the burst reducer.
        /// </summary>
        public ValidationOutcome Validate(bool readOk, int bandPpm, int value, int countsQ8, int spreadCounts)
        {
            lastGlitchSamples = 0;
            sampleCondition = Classify(readOk, bandPpm, value, countsQ8, spreadCounts);

            if (sampleCondition == FaultReason.None)
            {
                return OnGoodSample(value);
            }

            return OnBadSample(value);
        }

        private FaultReason Classify(bool readOk, int bandPpm, int value, int countsQ8, int spreadCounts)
        {
            if (!readOk)
            {
                return FaultReason.ReadFailed;
            }

            bool stuck = TrackStuck(countsQ8);
            int margin = faulted ? limits.BandHysteresisPpm : 0;
            if (bandPpm < limits.BandMinPpm + margin || countsQ8 <= limits.RailLowCountsQ8)
            {
                return limits.BelowBandReason;
            }

            if (bandPpm > limits.BandMaxPpm - margin || countsQ8 >= limits.RailHighCountsQ8)
            {
                return limits.AboveBandReason;
            }

            int spreadMax = faulted ? limits.NoisyRecoverSpreadCounts : limits.NoisySpreadMaxCounts;
            if (spreadCounts > spreadMax)
            {
                return FaultReason.Noisy;
            }

            if (stuck)
            {
                return FaultReason.Stuck;
            }

            if (hasReference && !faulted)
            {
                // |Δ| written out (a call fewer per sample on the interpreter): the difference of
                // two ints as a long is never long.MinValue, so negating cannot overflow.
                long allowed = (long)limits.SlewMaxPerSample * samplesSinceReference;
                long change = (long)value - referenceValue;
                if ((change < 0 ? -change : change) > allowed)
                {
                    return FaultReason.Slew;
                }
            }

            return FaultReason.None;
        }

        /// <summary>Counts consecutive samples whose reading stayed within the tolerance of an anchor.</summary>
        private bool TrackStuck(int countsQ8)
        {
            if (limits.StuckWindowSamples <= 0)
            {
                return false;
            }

            // FixedMath.Abs written out (a call fewer per sample), int.MinValue saturating as there.
            int change = countsQ8 - stuckAnchorCountsQ8;
            int distance = change >= 0 ? change : (change == int.MinValue ? int.MaxValue : -change);
            if (hasStuckAnchor && distance <= limits.StuckToleranceCountsQ8)
            {
                if (stuckRunSamples < limits.StuckWindowSamples)
                {
                    stuckRunSamples++;
                }
            }
            else
            {
                stuckAnchorCountsQ8 = countsQ8;
                hasStuckAnchor = true;
                stuckRunSamples = 0;
            }

            return stuckRunSamples >= limits.StuckWindowSamples;
        }

        private ValidationOutcome OnGoodSample(int value)
        {
            if (!faulted && badRunSamples > 0)
            {
                lastGlitchSamples = badRunSamples;
            }

            badRunSamples = 0;
            if (goodRunSamples < limits.RecoverSamples)
            {
                goodRunSamples++;
            }

            SetReference(value);
            if (faulted)
            {
                if (goodRunSamples < limits.RecoverSamples)
                {
                    return ValidationOutcome.ChannelFaulted;
                }

                faulted = false;
                faultReason = FaultReason.None;
            }

            return ValidationOutcome.Accepted;
        }

        private ValidationOutcome OnBadSample(int value)
        {
            goodRunSamples = 0;
            if (faulted)
            {
                // While faulted the slew reference follows the signal, so recovery is judged on
                // sample-to-sample behaviour.
                SetReference(value);
                return ValidationOutcome.ChannelFaulted;
            }

            if (badRunSamples == 0)
            {
                lastGlitchReason = sampleCondition;
            }

            badRunSamples++;
            samplesSinceReference++;
            if (badRunSamples >= limits.FaultPersistSamples)
            {
                faulted = true;
                faultReason = sampleCondition;
                badRunSamples = 0;
                return ValidationOutcome.ChannelFaulted;
            }

            return ValidationOutcome.Withheld;
        }

        private void SetReference(int value)
        {
            referenceValue = value;
            hasReference = true;
            samplesSinceReference = 1;
        }
    }
}
