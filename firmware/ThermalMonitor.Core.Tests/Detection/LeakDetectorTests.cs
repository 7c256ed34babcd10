using ThermalMonitor.Core.Config;
using ThermalMonitor.Core.Detection;

namespace ThermalMonitor.Core.Tests.Detection;

/// <summary>
/// The layered detector on its own, fed accepted samples of an analytic loop: what it raises and
/// when, what a reset and a reconfiguration leave behind (nothing), and what a missing or
/// switched-off temperature channel freezes.
/// </summary>
public class LeakDetectorTests
{
    private const int SamplesPerS = 10;
    private const double OrbitS = 5574;
    private const int WarmedUpS = 4 * 3600;

    /// <summary>
    /// A 250 kPa loop swinging ±3 °C around 12 °C with the orbit, 2.4 kPa per °C, with a
    /// deterministic ±300 Pa (triangular) noise on the pressure and ±20 m°C on the temperature. Each
    /// leak episode takes its rate away from its start until its end; then the loop is refilled.
    /// Ask for each sample once, in order: the noise is a stream.
    /// </summary>
    private sealed class Loop(params (double FromS, double ToS, double PaPerS)[] leaks)
    {
        private uint state = 12345;

        public (int PressurePa, int TempMilliC) At(long sample)
        {
            double timeS = (double)sample / SamplesPerS;
            double tempMilliC = 12000 + (3000 * Math.Sin(2 * Math.PI * timeS / OrbitS));
            double pressurePa = 250_000 + (2.4 * (tempMilliC - 12000));
            foreach ((double fromS, double toS, double paPerS) in leaks)
            {
                if (timeS >= fromS && timeS < toS)
                {
                    pressurePa -= paPerS * (timeS - fromS);
                }
            }

            return ((int)Math.Round(pressurePa + (300 * Triangular())), (int)Math.Round(tempMilliC + (20 * Triangular())));
        }

        private double Triangular() => (Next() + Next()) - 1;

        private double Next()
        {
            state = (state * 1664525) + 1013904223;
            return (state >> 8) / (double)(1 << 24);
        }
    }

    /// <summary>Everything a caller can observe of the detector after a sample.</summary>
    private readonly record struct Observation(
        bool HasResidual, int ResidualPa, int PredictedPa, int NoiseSigmaPa, bool ModelJustBecameReady, bool RateWatchesCompensated,
        bool Caution, DetectionCause CautionCause, bool Warning, DetectionCause WarningCause, int StatisticPermille, long ModelUpdates)
    {
        public static Observation Of(LeakDetector detector) => new(
            detector.HasResidual, detector.ResidualPa, detector.PredictedPa, detector.NoiseSigmaPa, detector.ModelJustBecameReady,
            detector.RateWatchesCompensated, detector.DepressurizationCaution, detector.DepressurizationCautionCause,
            detector.DepressurizationWarning, detector.DepressurizationWarningCause, detector.Bank.StatisticPermille, detector.Model.UpdateCount);
    }

    private static DerivedSettings Derive(MonitorConfig config)
    {
        var derived = new DerivedSettings();
        var errors = new ConfigErrors();
        Assert.True(ConfigValidator.Validate(config, errors, derived), errors.Count > 0 ? errors[0].ToString() : "invalid");
        return derived;
    }

    private static LeakDetector Configured(MonitorConfig? config = null)
    {
        var detector = new LeakDetector();
        detector.Configure(Derive(config ?? new MonitorConfig()));
        return detector;
    }

    private static MonitorConfig With(params (ParamId Id, int Value)[] values)
    {
        var config = new MonitorConfig();
        foreach ((ParamId id, int value) in values)
        {
            config.Set(id, value);
        }

        return config;
    }

    private static void Run(LeakDetector detector, Loop loop, long fromSample, long toSample, Action<long, LeakDetector, int>? after = null)
    {
        for (long k = fromSample; k < toSample; k++)
        {
            (int pressurePa, int tempMilliC) = loop.At(k);
            detector.Update(true, pressurePa, true, tempMilliC);
            after?.Invoke(k, detector, pressurePa);
        }
    }

    [Fact]
    public void A_nominal_loop_gets_its_model_ready_once_tracks_the_pressure_and_raises_nothing()
    {
        var detector = Configured();
        var loop = new Loop();
        var readyAt = new List<long>();
        int worstResidualAfterReadyPa = 0;
        long samplesWithResidualAfterReady = 0;
        Run(detector, loop, 0, (long)WarmedUpS * SamplesPerS, (k, d, pressureNowPa) =>
        {
            Assert.False(d.DepressurizationCaution, $"caution at {k / SamplesPerS} s");
            Assert.False(d.DepressurizationWarning, $"warning at {k / SamplesPerS} s");
            if (d.ModelJustBecameReady)
            {
                readyAt.Add(k);
            }

            if (readyAt.Count > 0 && d.HasResidual)
            {
                samplesWithResidualAfterReady++;
                worstResidualAfterReadyPa = Math.Max(worstResidualAfterReadyPa, Math.Abs(d.ResidualPa));
                Assert.InRange(pressureNowPa - (d.PredictedPa + d.ResidualPa), -1500, 1500);
            }
        });

        long ready = Assert.Single(readyAt);
        Assert.InRange(ready / SamplesPerS, 5600, 3 * 3600);     // after the configured warm-up, within the run
        long samplesAfterReady = ((long)WarmedUpS * SamplesPerS) - ready - 1;
        Assert.True(samplesWithResidualAfterReady >= samplesAfterReady - SamplesPerS, $"{samplesWithResidualAfterReady} of {samplesAfterReady}");
        Assert.InRange(worstResidualAfterReadyPa, 1, 1500);     // block means of ±300 Pa noise, a thermal swing of ±7.2 kPa
        Assert.InRange(detector.NoiseSigmaPa, 50, 1500);         // learned, at or above its 50 Pa floor
    }

    [Fact]
    public void A_slow_leak_after_warm_up_raises_the_CUSUM_caution_before_any_limit_and_holds_it()
    {
        var detector = Configured();
        var loop = new Loop((WarmedUpS, double.PositiveInfinity, 20));
        Run(detector, loop, 0, (long)WarmedUpS * SamplesPerS);
        long? raised = null;
        Run(detector, loop, (long)WarmedUpS * SamplesPerS, ((long)WarmedUpS + 600) * SamplesPerS, (k, d, _) =>
        {
            if (raised is null && d.DepressurizationCaution)
            {
                raised = k;
                Assert.Equal(DetectionCause.Cusum, d.DepressurizationCautionCause);
                Assert.False(d.DepressurizationWarning);
            }
            else if (raised is not null)
            {
                Assert.True(d.DepressurizationCaution, $"caution dropped at {k / SamplesPerS} s");
            }
        });

        Assert.NotNull(raised);
        double delayS = ((double)raised!.Value / SamplesPerS) - WarmedUpS;
        Assert.InRange(delayS, 1, 120);      // 20 Pa/s against ±300 Pa noise: a minute or so, not an orbit
    }

    [Fact]
    public void Reset_forgets_every_learned_value_and_pending_condition()
    {
        const long changeS = WarmedUpS + 120;
        var loop = new Loop((WarmedUpS, changeS, 400), (changeS + WarmedUpS, changeS + WarmedUpS + 200, 40));
        var used = Configured(With((ParamId.RateCompensated, 1)));
        Run(used, loop, 0, changeS * SamplesPerS);
        Assert.True(used.DepressurizationCaution && used.DepressurizationWarning, "the used detector must have raised both before the reset");

        used.Reset();
        var fresh = Configured(With((ParamId.RateCompensated, 1)));
        AssertSameFromHereOn(used, fresh, loop, changeS * SamplesPerS);
    }

    [Fact]
    public void A_new_configuration_leaves_nothing_of_the_old_one()
    {
        const long changeS = 3600;
        var loop = new Loop((changeS + WarmedUpS, changeS + WarmedUpS + 200, 40));
        var reconfigured = Configured(With(
            (ParamId.DecisionBlockMs, 500), (ParamId.ModelTerms, 1), (ParamId.TempFilterS, 4), (ParamId.CusumBankSize, 2),
            (ParamId.NoiseAdaptive, 0), (ParamId.ResidualSigmaPa, 400), (ParamId.CusumShiftPa, 700), (ParamId.CusumClipPa, 500), (ParamId.ModelTimeConstantS, 2048),
            (ParamId.ModelWarmupS, 1800), (ParamId.RedLowPa, 248000), (ParamId.YellowLowPa, 251000)));
        Run(reconfigured, loop, 0, changeS * SamplesPerS);
        Assert.True(reconfigured.DepressurizationCaution || reconfigured.DepressurizationWarning, "the first configuration must have left conditions behind");

        MonitorConfig second = With((ParamId.RateCompensated, 1));
        reconfigured.Configure(Derive(second));
        AssertSameFromHereOn(reconfigured, Configured(second), loop, changeS * SamplesPerS);
    }

    private static void AssertSameFromHereOn(LeakDetector reused, LeakDetector fresh, Loop loop, long fromSample)
    {
        // Both see the same samples from here on: a warm-up, then the loop's second leak episode.
        long toSample = fromSample + (((long)WarmedUpS + 300) * SamplesPerS);
        bool sawReady = false;
        bool sawCaution = false;
        for (long k = fromSample; k < toSample; k++)
        {
            (int pressurePa, int tempMilliC) = loop.At(k);
            reused.Update(true, pressurePa, true, tempMilliC);
            fresh.Update(true, pressurePa, true, tempMilliC);
            Observation expected = Observation.Of(fresh);
            Observation actual = Observation.Of(reused);
            if (expected != actual)
            {
                Assert.Fail($"at sample {k - fromSample} after the change: expected {expected}, got {actual}");
            }

            sawReady |= expected.ModelJustBecameReady;
            sawCaution |= expected.Caution;
        }

        // The comparison covered a warm-up and a leak, not only a quiet stretch.
        Assert.True(sawReady, "the fresh detector's model never became ready");
        Assert.True(sawCaution, "the fresh detector never raised");
    }

    [Fact]
    public void Without_an_accepted_temperature_the_slow_path_freezes_and_the_pressure_limits_still_decide()
    {
        var detector = Configured();
        var loop = new Loop();
        Run(detector, loop, 0, (long)WarmedUpS * SamplesPerS);
        Assert.True(detector.Model.IsReady);
        long updates = detector.Model.UpdateCount;
        int statistic = detector.Bank.StatisticPermille;

        // Ten minutes without temperature while the pressure falls below the red limit.
        for (int k = 0; k < 600 * SamplesPerS; k++)
        {
            int pressurePa = k < 300 * SamplesPerS ? 250_000 : 30_000;
            detector.Update(true, pressurePa, false, 0);
            Assert.False(detector.HasResidual);
            Assert.Equal(updates, detector.Model.UpdateCount);
            Assert.Equal(statistic, detector.Bank.StatisticPermille);
        }

        Assert.True(detector.DepressurizationWarning);
        Assert.Equal(DetectionCause.RedLowLimit, detector.DepressurizationWarningCause);
        Assert.True(detector.DepressurizationCaution);
        Assert.Equal(DetectionCause.YellowLowLimit, detector.DepressurizationCautionCause);
    }

    [Fact]
    public void A_rejected_pressure_sample_breaks_the_block_and_decides_nothing()
    {
        var detector = Configured();
        var loop = new Loop();
        Run(detector, loop, 0, (long)WarmedUpS * SamplesPerS);
        Assert.True(detector.HasResidual);
        long updates = detector.Model.UpdateCount;

        detector.Update(false, 0, true, 12000);
        Assert.False(detector.HasResidual);
        Assert.False(detector.DepressurizationWarning);      // a rejected 0 Pa is no reading, so no red limit
        Assert.False(detector.DepressurizationCaution);

        // The next decision block starts afresh: a whole block of samples before the next residual.
        int samplesToResidual = 0;
        for (long k = (long)WarmedUpS * SamplesPerS; !detector.HasResidual; k++)
        {
            (int pressurePa, int tempMilliC) = loop.At(k);
            detector.Update(true, pressurePa, true, tempMilliC);
            samplesToResidual++;
        }

        Assert.Equal(SamplesPerS, samplesToResidual);          // one 1 s block
        Assert.Equal(updates + 1, detector.Model.UpdateCount);
    }

    [Fact]
    public void With_the_slow_path_off_a_slow_leak_shows_no_residual_and_only_the_limits_can_raise()
    {
        var detector = Configured(With((ParamId.SlowPathEnabled, 0)));
        var loop = new Loop((WarmedUpS, double.PositiveInfinity, 20));
        Run(detector, loop, 0, ((long)WarmedUpS + 600) * SamplesPerS, (k, d, _) =>
        {
            Assert.False(d.HasResidual);
            Assert.False(d.DepressurizationCaution, $"caution at {k / SamplesPerS} s");
        });

        Assert.Equal(0, detector.Model.UpdateCount);
        Assert.False(detector.Model.IsReady);
    }

    [Fact]
    public void The_compensated_rate_of_drop_watches_P_minus_prediction_only_while_a_fresh_prediction_exists()
    {
        var detector = Configured(With((ParamId.RateCompensated, 1)));
        var loop = new Loop();
        bool watchedBeforeReady = false;
        Run(detector, loop, 0, (long)WarmedUpS * SamplesPerS, (_, d, _) => watchedBeforeReady |= d.RateWatchesCompensated && !d.Model.IsReady);
        Assert.False(watchedBeforeReady);
        Assert.True(detector.RateWatchesCompensated);

        detector.Update(true, 250_000, false, 0);               // no temperature: the prediction goes stale
        Assert.False(detector.RateWatchesCompensated);

        var plain = Configured();
        Run(plain, loop, 0, (long)WarmedUpS * SamplesPerS);
        Assert.False(plain.RateWatchesCompensated);             // off by default
    }
}
