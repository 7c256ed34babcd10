using ThermalMonitor.Core.Detection;
using ThermalMonitor.Core.FixedPoint;

namespace ThermalMonitor.Core.Tests.Detection;

/// <summary>
/// The CUSUM bank at its exact edges, in fixed-noise mode where every constant can be computed by
/// hand: σ = 400 Pa, δ = 800 Pa (k = 400 Pa), clip 1600 Pa, h = ln(1000) → H = h·σ²/δ.
/// </summary>
public class CusumBankTests
{
    private const int SigmaPa = 400;
    private const int ShiftPa = 800;
    private const int ClipPa = 1600;
    private static readonly long LogThresholdQ16 = FixedLog.LnOfIntegerQ16(1000);
    private static readonly long ThresholdQ8 = FixedMath.DivRound(LogThresholdQ16 * SigmaPa * SigmaPa, ShiftPa * 256);

    private static CusumBank Fixed(int members = 1, int raiseBlocks = 3, int clearBlocks = 4, bool growth = false)
    {
        var bank = new CusumBank();
        bank.ConfigureFixed(members, LogThresholdQ16, SigmaPa, ShiftPa, ClipPa, 50, raiseBlocks, clearBlocks, growth);
        return bank;
    }

    [Fact]
    public void Members_halve_the_shift_and_double_the_threshold()
    {
        CusumBank bank = Fixed(members: 4);
        for (int i = 0; i < 4; i++)
        {
            Assert.Equal((ShiftPa * 128L) >> i, bank.ReferenceQ8(i));
            Assert.Equal(ThresholdQ8 << i, bank.ThresholdQ8(i));
        }
    }

    [Fact]
    public void Each_block_adds_minus_the_clipped_residual_minus_k_and_the_statistic_saturates_at_2H()
    {
        CusumBank bank = Fixed();
        bank.Update(-500, null!);
        Assert.Equal(100L << 8, bank.StatisticQ8(0));       // 500 − 400
        bank.Update(-5000, null!);
        Assert.Equal((100L + 1200) << 8, bank.StatisticQ8(0)); // clipped to 1600: 1600 − 400
        bank.Update(300, null!);
        Assert.Equal((1300L - 700) << 8, bank.StatisticQ8(0));
        bank.Update(2000, null!);
        Assert.Equal(0, bank.StatisticQ8(0));                  // never below 0
        for (int i = 0; i < 100; i++)
        {
            bank.Update(-1600, null!);
        }

        Assert.Equal(2 * ThresholdQ8, bank.StatisticQ8(0));    // never above 2H
        Assert.True(bank.WithinBounds);
    }

    [Fact]
    public void It_raises_exactly_when_the_persistence_ends_at_or_above_the_threshold()
    {
        CusumBank bank = Fixed(raiseBlocks: 3);
        int blocksToThreshold = (int)Math.Ceiling(ThresholdQ8 / 256.0 / 1000);  // +1000 Pa per block
        int block = 0;
        while (bank.StatisticQ8(0) < ThresholdQ8)
        {
            Assert.False(bank.Update(-1400, null!));
            block++;
        }

        Assert.Equal(blocksToThreshold, block);                 // crossing: the first pending block
        Assert.False(bank.Update(-1400, null!));                // pending 2 of 3
        Assert.True(bank.Update(-1400, null!));                 // pending 3 of 3 and ≥ H: raised
    }

    [Fact]
    public void A_dip_below_the_clear_level_during_the_persistence_restarts_it()
    {
        CusumBank bank = Fixed(raiseBlocks: 3);
        while (bank.StatisticQ8(0) < ThresholdQ8)
        {
            bank.Update(-1400, null!);
        }

        // Fall below H/2 in one block (clip: at most 1600 + 400 = 2000 Pa per block).
        while (bank.StatisticQ8(0) > ThresholdQ8 / 2)
        {
            Assert.False(bank.Update(1600, null!));
        }

        // Back up: the count starts again at the new crossing.
        while (bank.StatisticQ8(0) < ThresholdQ8)
        {
            Assert.False(bank.Update(-1600, null!));
        }

        Assert.False(bank.Update(-1600, null!));
        Assert.True(bank.Update(-1600, null!));
    }

    [Fact]
    public void It_clears_after_the_clear_time_at_or_below_the_clear_level_and_not_a_block_earlier()
    {
        CusumBank bank = Fixed(raiseBlocks: 1, clearBlocks: 4);
        while (!bank.Update(-1600, null!))
        {
        }

        // Down to the clear level (H/2) and below.
        while (bank.StatisticQ8(0) > ThresholdQ8 / 2)
        {
            Assert.True(bank.Update(1600, null!));
        }

        // This update already counted as the first block at or below the clear level.
        Assert.True(bank.Update(1600, null!));
        Assert.True(bank.Update(1600, null!));
        Assert.False(bank.Update(1600, null!));
    }

    [Fact]
    public void A_transient_that_has_passed_cannot_raise_with_the_growth_check()
    {
        // An excursion that ends on the block where S reaches H + 1000 Pa; then residuals of 0, so S
        // falls by k = 400 Pa per block and is still at H + 600 Pa when the persistence (2) ends.
        CusumBank withCheck = Fixed(raiseBlocks: 2, growth: true);
        CusumBank without = Fixed(raiseBlocks: 2, growth: false);
        bool raisedWith = false;
        bool raisedWithout = false;
        void Both(int residualPa)
        {
            raisedWith |= withCheck.Update(residualPa, null!);
            raisedWithout |= without.Update(residualPa, null!);
        }

        while (without.StatisticQ8(0) + (1200 * 256) < ThresholdQ8 + (1000 * 256))
        {
            Both(-1600);
        }

        long increment = ThresholdQ8 + (1000 * 256) - without.StatisticQ8(0);
        Both(-(int)((increment / 256) + 400));
        Assert.InRange(without.StatisticQ8(0), ThresholdQ8 + (999 * 256), ThresholdQ8 + (1001 * 256));
        for (int i = 0; i < 50; i++)
        {
            Both(0);
        }

        Assert.True(raisedWithout, "without the check the excursion raises once the persistence has passed");
        Assert.False(raisedWith, "with the check a statistic that only falls cannot raise");
    }

    [Fact]
    public void A_drop_that_keeps_developing_raises_with_the_growth_check()
    {
        CusumBank bank = Fixed(raiseBlocks: 3, growth: true);
        int block = 0;
        while (!bank.Update(-1000, null!))
        {
            block++;
            Assert.True(block < 1000);
        }

        Assert.True(bank.StatisticQ8(0) >= ThresholdQ8);
    }

    [Fact]
    public void The_largest_member_statistic_is_reported_in_permille()
    {
        CusumBank bank = Fixed(members: 2);
        bank.Update(-300, null!);
        long first = FixedMath.DivRound(bank.StatisticQ8(0) * 1000, bank.ThresholdQ8(0));
        long second = FixedMath.DivRound(bank.StatisticQ8(1) * 1000, bank.ThresholdQ8(1));
        Assert.Equal(Math.Max(first, second), bank.StatisticPermille);
        Assert.Equal(0, first);                                 // −300 is below member 0's k = 400
        Assert.True(second > first, "the smaller shift accumulates for a small residual");
    }

    [Fact]
    public void Adaptive_members_scale_with_the_learned_noise()
    {
        var noise = new ResidualNoise();
        noise.Configure(1 << 8);
        var random = new Random(7);
        for (int i = 0; i < 5000; i++)
        {
            noise.Add((int)Math.Round(NormalDeviate(random) * 100));
        }

        var bank = new CusumBank();
        bank.ConfigureAdaptive(2, LogThresholdQ16, 50, 400, 350, 50, 3, 5, true);
        bank.Update(0, noise);

        // Member 0: δ/σ = 400/50 = 8, k = 4σ; member 1: δ/σ = 4, k = 2σ; H = h·σ/m.
        for (int i = 0; i < 2; i++)
        {
            double sigma = noise.EffectiveSigmaQ8(bank.NoiseLevelOf(i)) / 256.0;
            double ratio = 8.0 / (1 << i);
            Assert.InRange(sigma, 85, 125);
            Assert.InRange(bank.ReferenceQ8(i) / 256.0, (ratio * sigma / 2) - 1, (ratio * sigma / 2) + 1);
            Assert.InRange(bank.ThresholdQ8(i) / 256.0, (LogThresholdQ16 / 65536.0 * sigma / ratio) - 1, (LogThresholdQ16 / 65536.0 * sigma / ratio) + 1);
        }
    }

    /// <summary>Residuals of a noisy loop (σ 120 Pa) that a drop of 40 Pa per block enters after <paramref name="dropFrom"/> blocks.</summary>
    private static int[] Residuals(int seed, int blocks, int dropFrom)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, blocks)
            .Select(b => (int)Math.Round((NormalDeviate(random) * 120) - (b >= dropFrom ? 40.0 * (b - dropFrom) : 0)))
            .ToArray();
    }

    /// <summary>Feeds both banks (and each its own noise estimator) the same residuals; every observable must agree.</summary>
    private static void AssertSameFromHereOn(CusumBank reused, ResidualNoise? reusedNoise, CusumBank fresh, ResidualNoise? freshNoise, int[] residuals)
    {
        bool raised = false;
        for (int b = 0; b < residuals.Length; b++)
        {
            reusedNoise?.Add(residuals[b]);
            freshNoise?.Add(residuals[b]);
            reused.Update(residuals[b], reusedNoise!);
            fresh.Update(residuals[b], freshNoise!);
            Assert.True(fresh.WithinBounds && reused.WithinBounds);
            Assert.Equal(fresh.IsActive, reused.IsActive);
            Assert.Equal(fresh.StatisticPermille, reused.StatisticPermille);
            for (int i = 0; i < 3; i++)        // the members in use (a member beyond the count keeps stale constants it never reads)
            {
                Assert.Equal(fresh.StatisticQ8(i), reused.StatisticQ8(i));
                Assert.Equal(fresh.ThresholdQ8(i), reused.ThresholdQ8(i));
                Assert.Equal(fresh.ReferenceQ8(i), reused.ReferenceQ8(i));
            }

            raised |= fresh.IsActive;
        }

        Assert.True(raised, "the comparison must include a raise");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Reset_leaves_the_bank_as_it_was_new(bool adaptive)
    {
        CusumBank Make() => Configure(new CusumBank(), adaptive);
        var usedNoise = adaptive ? Noise() : null;
        CusumBank used = Make();
        int[] first = Residuals(3, 400, 200);
        foreach (int residual in first)
        {
            usedNoise?.Add(residual);
            used.Update(residual, usedNoise!);
        }

        Assert.True(used.IsActive);
        used.Reset();
        usedNoise?.Reset();
        AssertSameFromHereOn(used, usedNoise, Make(), adaptive ? Noise() : null, Residuals(4, 600, 400));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_new_configuration_leaves_nothing_of_the_old_one(bool adaptive)
    {
        var usedNoise = Noise();
        var used = new CusumBank();
        used.ConfigureAdaptive(5, LogThresholdQ16, 30, 200, 300, 20, 1, 2, false);
        foreach (int residual in Residuals(5, 400, 100))
        {
            usedNoise.Add(residual);
            used.Update(residual, usedNoise);
        }

        Assert.True(used.IsActive);
        Configure(used, adaptive);
        usedNoise.Reset();
        AssertSameFromHereOn(used, adaptive ? usedNoise : null, Configure(new CusumBank(), adaptive), adaptive ? Noise() : null, Residuals(6, 600, 400));
    }

    private static ResidualNoise Noise()
    {
        var noise = new ResidualNoise();
        noise.Configure(50 << 8);
        return noise;
    }

    private static CusumBank Configure(CusumBank bank, bool adaptive)
    {
        if (adaptive)
        {
            bank.ConfigureAdaptive(3, LogThresholdQ16, 50, 400, 350, 50, 3, 5, true);
        }
        else
        {
            bank.ConfigureFixed(3, LogThresholdQ16, 120, 480, 400, 50, 3, 5, true);
        }

        return bank;
    }

    private static double NormalDeviate(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
