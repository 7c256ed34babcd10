using ThermalMonitor.Core.Detection;

namespace ThermalMonitor.Core.Tests.Detection;

/// <summary>The multi-scale noise estimator: scale, correlation, robustness, floor, conservative start.</summary>
public class ResidualNoiseTests
{
    private const long FloorQ8 = 10 << 8;

    private static ResidualNoise Estimator()
    {
        var noise = new ResidualNoise();
        noise.Configure(FloorQ8);
        return noise;
    }

    [Fact]
    public void White_noise_has_the_same_effective_sigma_at_every_scale()
    {
        ResidualNoise noise = Estimator();
        var random = new Random(1);
        for (int i = 0; i < 200_000; i++)
        {
            noise.Add((int)Math.Round(Normal(random) * 200));
        }

        for (int level = 0; level < ResidualNoise.Levels; level++)
        {
            Assert.InRange(noise.EffectiveSigmaQ8(level) / 256.0, 180, 240);
        }
    }

    [Fact]
    public void Correlated_noise_shows_its_long_run_sigma_at_long_scales()
    {
        // AR(1), φ = 0.9: long-run σ = σ·√((1 + φ)/(1 − φ)) ≈ 4.36 σ.
        ResidualNoise noise = Estimator();
        var random = new Random(2);
        double state = 0;
        double innovation = 200 * Math.Sqrt(1 - (0.9 * 0.9));
        for (int i = 0; i < 400_000; i++)
        {
            state = (0.9 * state) + (innovation * Normal(random));
            noise.Add((int)Math.Round(state));
        }

        double shortScale = noise.EffectiveSigmaQ8(0) / 256.0;
        double longScale = noise.EffectiveSigmaQ8(ResidualNoise.Levels - 1) / 256.0;
        Assert.InRange(shortScale, 180, 240);
        Assert.InRange(longScale / shortScale, 3.6, 4.8);
    }

    [Fact]
    public void One_glitch_moves_the_estimate_by_the_clip_over_the_ewma_length_at_most()
    {
        ResidualNoise noise = Estimator();
        var random = new Random(3);
        for (int i = 0; i < 10_000; i++)
        {
            noise.Add((int)Math.Round(Normal(random) * 200));
        }

        long before = noise.LevelSigmaQ8(0);
        noise.Add(1_000_000);
        long after = noise.LevelSigmaQ8(0);
        // The deviation is clipped at 4σ = 4·√(π/2) mean absolute deviations (≈ 5), so the average
        // of the absolute deviations moves by at most (5 − 1)/64 of itself.
        Assert.InRange((double)after / before, 1.0, 1 + (((4 * 321.0 / 256) - 1) / 64) + 0.001);
    }

    [Fact]
    public void Quiet_residuals_never_take_the_estimate_below_the_floor()
    {
        ResidualNoise noise = Estimator();
        for (int i = 0; i < 50_000; i++)
        {
            noise.Add(0);
        }

        Assert.Equal(FloorQ8, noise.EffectiveSigmaQ8(ResidualNoise.Levels - 1));
    }

    [Fact]
    public void Young_levels_assume_fully_correlated_noise()
    {
        ResidualNoise noise = Estimator();

        // Nothing learned: every level is the one below without averaging gain, ×2 σ per level.
        for (int level = 0; level < ResidualNoise.Levels; level++)
        {
            Assert.Equal(FloorQ8 << (level + 1), noise.EffectiveSigmaQ8(level));
        }
    }

    [Fact]
    public void A_broken_sequence_starts_the_partial_averages_again()
    {
        ResidualNoise noise = Estimator();
        noise.Add(100);
        noise.Add(100);
        noise.Add(100);
        noise.BreakSequence();
        Assert.Equal(0, noise.UpdatesAt(1));
        noise.Add(100);
        noise.Add(100);
        noise.Add(100);
        Assert.Equal(0, noise.UpdatesAt(1));                 // 3 after the break, not 6
        noise.Add(100);
        Assert.Equal(1, noise.UpdatesAt(1));
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    [Fact]
    public void Level_zero_follows_its_recurrence_exactly_warm_start_Huber_clip_and_peak_decay()
    {
        // The documented recurrence in doubles: mean and mean absolute deviation with weight
        // 1/min(n + 1, 64); from the 8th update a deviation counts at most 4σ (σ = 321/256 · MAD);
        // the peak envelope rises at once and decays by 2^-14 per block.
        var noise = new ResidualNoise();
        noise.Configure(1 << 8);
        var random = new Random(11);
        double mean = 0, meanAbs = 0, peak = 0;
        for (int n = 0; n < 3000; n++)
        {
            int residualPa = n == 500 ? 20_000 : n == 1500 ? -9_000 : (int)Math.Round((random.NextDouble() - 0.5) * 800);
            noise.Add(residualPa);
            if (n == 0)
            {
                mean = residualPa;
            }
            else
            {
                double deviation = Math.Abs(residualPa - mean);
                peak = Math.Max(peak - (peak / 16384), deviation);
                if (n >= ResidualNoise.MatureUpdates)
                {
                    deviation = Math.Min(deviation, 4 * meanAbs * 321 / 256);
                }

                double weight = Math.Min(n + 1, 64);
                meanAbs += (deviation - meanAbs) / weight;
                mean += (residualPa - mean) / weight;
            }

            Assert.InRange(noise.LevelSigmaQ8(0) / 256.0, (meanAbs * 321 / 256) - 0.5, (meanAbs * 321 / 256) + 0.5);
            Assert.InRange(noise.PeakDeviationQ8(0) / 256.0, peak - 0.5, peak + 0.5);
            Assert.Equal(n + 1, noise.UpdatesAt(0));
        }

        Assert.InRange(noise.LevelSigmaQ8(0) / 256.0, 180, 300);    // uniform ±400 Pa: MAD 200, σ ≈ 231 (an EWMA of 64 blocks wanders)
    }
}
