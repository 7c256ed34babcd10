using FsCheck;
using FsCheck.Fluent;
using ThermalMonitor.Core.FixedPoint;

namespace ThermalMonitor.Core.Tests.FixedPoint;

public class FixedMathTests
{
    [Theory]
    [InlineData(long.MaxValue, int.MaxValue)]
    [InlineData(long.MinValue, int.MinValue)]
    [InlineData(2147483648L, int.MaxValue)]
    [InlineData(-2147483649L, int.MinValue)]
    [InlineData(-5L, -5)]
    public void SaturateToInt_clamps_instead_of_wrapping(long value, int expected) =>
        Assert.Equal(expected, FixedMath.SaturateToInt(value));

    [Fact]
    public void Abs_of_min_values_saturates_positive()
    {
        Assert.Equal(int.MaxValue, FixedMath.Abs(int.MinValue));
        Assert.Equal(long.MaxValue, FixedMath.Abs(long.MinValue));
        Assert.Equal(7L, FixedMath.Abs(-7L));
    }

    [Theory]
    [InlineData(5L, 2L, 3L)]      // 2.5 → 3 (half away from zero)
    [InlineData(-5L, 2L, -3L)]    // −2.5 → −3
    [InlineData(7L, 3L, 2L)]      // 2.33 → 2
    [InlineData(-7L, 3L, -2L)]
    [InlineData(5L, -2L, -3L)]
    [InlineData(0L, 9L, 0L)]
    public void DivRound_rounds_half_away_from_zero(long numerator, long denominator, long expected) =>
        Assert.Equal(expected, FixedMath.DivRound(numerator, denominator));

    [Fact]
    public void DivRound_is_within_half_and_antisymmetric() =>
        Prop.ForAll(
            ArbMap.Default.ArbFor<int>(),
            ArbMap.Default.ArbFor<int>().Filter(d => d != 0),
            (numerator, denominator) =>
            {
                long result = FixedMath.DivRound(numerator, denominator);
                double exact = (double)numerator / denominator;
                return Math.Abs(result - exact) <= 0.5
                    && FixedMath.DivRound(-(long)numerator, denominator) == -result;
            }).QuickCheckThrowOnFailure();

    [Fact]
    public void ShiftRound_rounds_half_up() =>
        Prop.ForAll(ArbMap.Default.ArbFor<int>(), Gen.Choose(1, 30).ToArbitrary(), (value, shift) =>
            FixedMath.ShiftRound(value, shift) == (long)Math.Floor(value / Math.Pow(2, shift) + 0.5)).QuickCheckThrowOnFailure();

    [Fact]
    public void AddSaturated_never_wraps() =>
        Prop.ForAll(ArbMap.Default.ArbFor<int>(), ArbMap.Default.ArbFor<int>(), (a, b) =>
            FixedMath.AddSaturated(a, b) == Math.Clamp((long)a + b, int.MinValue, int.MaxValue)).QuickCheckThrowOnFailure();

    [Theory]
    [InlineData(1L, 0)]
    [InlineData(2L, 1)]
    [InlineData(72000L, 16)]
    [InlineData(65536L, 16)]
    [InlineData(65535L, 15)]
    public void FloorLog2(long value, int expected) => Assert.Equal(expected, FixedMath.FloorLog2(value));
}

public class FixedLogTests
{
    [Theory]
    [InlineData(1.0)]
    [InlineData(0.5)]
    [InlineData(2.718281828459045)]
    [InlineData(1e-4)]
    [InlineData(10.0)]
    [InlineData(500.0)]
    [InlineData(3.3e6)]
    public void LnQ16_matches_the_natural_log_to_one_lsb(double value)
    {
        long valueQ16 = (long)Math.Round(value * 65536);
        double exactQ16 = Math.Log(valueQ16 / 65536.0) * 65536;
        Assert.InRange(FixedLog.LnQ16(valueQ16), exactQ16 - 1.01, exactQ16 + 1.01);
    }

    [Fact]
    public void LnOfIntegerQ16_covers_false_alarm_intervals()
    {
        // A year at 10 Hz and a century at 100 Hz: the ARL0 values the CUSUM threshold comes from.
        foreach (long samples in new[] { 2L, 315360000L, 315360000000L, long.MaxValue / 4 })
        {
            double exactQ16 = Math.Log(samples) * 65536;
            Assert.InRange(FixedLog.LnOfIntegerQ16(samples), exactQ16 - 2, exactQ16 + 2);
        }
    }

    [Fact]
    public void LnQ16_is_monotonic() =>
        Prop.ForAll(Gen.Choose(1, int.MaxValue - 1).ToArbitrary(), value =>
            FixedLog.LnQ16(value) <= FixedLog.LnQ16(value + 1L)).QuickCheckThrowOnFailure();

    [Fact]
    public void LnQ16_rejects_non_positive_input() => Assert.Equal(long.MinValue, FixedLog.LnQ16(0));

    [Theory]
    [InlineData(0L, 0L)]
    [InlineData(1L, 1L)]
    [InlineData(3L, 1L)]
    [InlineData(4L, 2L)]
    [InlineData(99L, 9L)]
    [InlineData(100L, 10L)]
    [InlineData(long.MaxValue, 3037000499L)]
    [InlineData(-4L, 0L)]
    public void SqrtFloor_is_the_integer_square_root(long value, long expected) =>
        Assert.Equal(expected, FixedMath.SqrtFloor(value));

    [Fact]
    public void SqrtFloor_brackets_every_value() =>
        Prop.ForAll(ArbMap.Default.ArbFor<long>().Filter(v => v >= 0), v =>
        {
            long root = FixedMath.SqrtFloor(v);
            return root * root <= v && (root + 1) * (root + 1) > v;
        }).QuickCheckThrowOnFailure();

    [Theory]
    [InlineData(0L, 0)]
    [InlineData(1L, 1)]
    [InlineData(-1L, 1)]
    [InlineData(255L, 8)]
    [InlineData(256L, 9)]
    [InlineData(long.MaxValue, 63)]
    [InlineData(long.MinValue, 63)]
    public void BitLength_counts_significant_bits_of_the_magnitude(long value, int expected) =>
        Assert.Equal(expected, FixedMath.BitLength(value));

    [Fact]
    public void BitLength_equals_shifting_one_bit_at_a_time()
    {
        // The halving steps against the loop they replaced, at every power of two, its neighbours
        // and random values of every length and sign.
        static int ByLoop(long value)
        {
            long magnitude = FixedMath.Abs(value);
            int bits = 0;
            while (magnitude != 0 && bits < 64)
            {
                magnitude >>= 1;
                bits++;
            }

            return bits;
        }

        var random = new Random(11);
        var values = new List<long> { 0, long.MaxValue, long.MinValue, long.MinValue + 1 };
        for (int shift = 0; shift < 63; shift++)
        {
            long power = 1L << shift;
            values.AddRange([power, power - 1, power + 1, -power, -power + 1, -power - 1]);
            values.Add(random.NextInt64(power, shift == 62 ? long.MaxValue : 2 * power) * (random.Next(2) == 0 ? 1 : -1));
        }

        foreach (long value in values)
        {
            Assert.True(ByLoop(value) == FixedMath.BitLength(value), $"BitLength({value})");
        }
    }

    [Theory]
    [InlineData(10L, 1, 5L)]
    [InlineData(11L, 1, 6L)]     // half up
    [InlineData(-11L, 1, -5L)]   // half up: −5.5 → −5
    [InlineData(3L, 0, 3L)]
    [InlineData(3L, -4, 48L)]
    public void ShiftSigned_shifts_right_with_rounding_and_left_exactly(long value, int shift, long expected) =>
        Assert.Equal(expected, FixedMath.ShiftSigned(value, shift));
}
