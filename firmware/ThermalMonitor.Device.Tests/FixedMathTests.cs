using nanoFramework.TestFramework;
using ThermalMonitor.Core.FixedPoint;

namespace ThermalMonitor.Device.Tests
{
    /// <summary>
    /// The integer helpers every stage relies on, on the interpreter itself: 64-bit arithmetic,
    /// saturation at the int edges, rounding of negative numbers, and the integer logarithm that
    /// sizes the CUSUM threshold and the NTC table on the board.
    /// </summary>
    [TestClass]
    public class FixedMathTests
    {
        /// <summary>ln(x) values in Q16 are accurate to 1 LSB (1.5e-5).</summary>
        private const long LnToleranceQ16 = 1;

        [TestMethod]
        public void SaturateToInt_clamps_values_beyond_the_int_range()
        {
            Assert.AreEqual(int.MaxValue, FixedMath.SaturateToInt((long)int.MaxValue + 1));
            Assert.AreEqual(int.MaxValue, FixedMath.SaturateToInt(long.MaxValue));
            Assert.AreEqual(int.MinValue, FixedMath.SaturateToInt((long)int.MinValue - 1));
            Assert.AreEqual(int.MinValue, FixedMath.SaturateToInt(long.MinValue));
            Assert.AreEqual(-123456789, FixedMath.SaturateToInt(-123456789L));
        }

        [TestMethod]
        public void Add_and_subtract_saturate_instead_of_wrapping()
        {
            Assert.AreEqual(int.MaxValue, FixedMath.AddSaturated(int.MaxValue, 1));
            Assert.AreEqual(int.MinValue, FixedMath.AddSaturated(int.MinValue, -1));
            Assert.AreEqual(-1, FixedMath.AddSaturated(int.MaxValue, int.MinValue));
            Assert.AreEqual(int.MinValue, FixedMath.SubtractSaturated(int.MinValue, 1));
            Assert.AreEqual(int.MaxValue, FixedMath.SubtractSaturated(0, int.MinValue));
            Assert.AreEqual(-5, FixedMath.SubtractSaturated(3, 8));
        }

        [TestMethod]
        [DataRow(7, 2, 4)]
        [DataRow(-7, 2, -4)]
        [DataRow(7, -2, -4)]
        [DataRow(-7, -2, 4)]
        [DataRow(-5, 3, -2)]
        [DataRow(-4, 3, -1)]
        [DataRow(0, 9, 0)]
        public void DivRound_rounds_half_away_from_zero(int numerator, int denominator, int expected)
        {
            Assert.AreEqual((long)expected, FixedMath.DivRound(numerator, denominator));
        }

        [TestMethod]
        public void DivRound_of_a_negated_numerator_is_the_negated_quotient()
        {
            for (long numerator = -60; numerator <= 60; numerator++)
            {
                for (long denominator = 1; denominator <= 8; denominator++)
                {
                    long negated = FixedMath.DivRound(-numerator, denominator);
                    if (negated != -FixedMath.DivRound(numerator, denominator))
                    {
                        // Message built only on failure: strings cost time on the interpreter.
                        Assert.AreEqual(-FixedMath.DivRound(numerator, denominator), negated, "n=" + numerator.ToString() + " d=" + denominator.ToString());
                    }
                }
            }
        }

        [TestMethod]
        public void DivRound_is_exact_for_large_64_bit_numbers()
        {
            // 2^62 / 3 = 1537228672809129301.33..; the interpreter's long division must agree.
            Assert.AreEqual(1537228672809129301L, FixedMath.DivRound(1L << 62, 3));
            Assert.AreEqual(-1537228672809129301L, FixedMath.DivRound(-(1L << 62), 3));
            Assert.AreEqual(1000000000L, FixedMath.MulDivRound(2000000000L, 2000000000L, 4000000000L));
            Assert.AreEqual(428571L, FixedMath.MulDivRound(1000000, 3, 7));
        }

        [TestMethod]
        public void ShiftRound_rounds_half_up_on_both_signs()
        {
            Assert.AreEqual(2L, FixedMath.ShiftRound(3, 1));    //  1.5  ->  2
            Assert.AreEqual(-1L, FixedMath.ShiftRound(-3, 1));  // -1.5  -> -1
            Assert.AreEqual(1L, FixedMath.ShiftRound(5, 2));    //  1.25 ->  1
            Assert.AreEqual(-2L, FixedMath.ShiftRound(-7, 2));  // -1.75 -> -2
            Assert.AreEqual(1L << 20, FixedMath.ShiftRound(1L << 40, 20));
        }

        [TestMethod]
        public void Abs_saturates_the_most_negative_value()
        {
            Assert.AreEqual(int.MaxValue, FixedMath.Abs(int.MinValue));
            Assert.AreEqual(5, FixedMath.Abs(-5));
            Assert.AreEqual(5, FixedMath.Abs(5));
            Assert.AreEqual(long.MaxValue, FixedMath.Abs(long.MinValue));
            Assert.AreEqual(5000000000L, FixedMath.Abs(-5000000000L));
        }

        [TestMethod]
        [DataRow(-5, 0, 10, 0)]
        [DataRow(15, 0, 10, 10)]
        [DataRow(7, 0, 10, 7)]
        [DataRow(0, 0, 10, 0)]
        [DataRow(10, 0, 10, 10)]
        [DataRow(-20, -30, -10, -20)]
        public void Clamp_keeps_values_inside_the_bounds(int value, int min, int max, int expected)
        {
            Assert.AreEqual(expected, FixedMath.Clamp(value, min, max));
            Assert.AreEqual((long)expected, FixedMath.Clamp((long)value, (long)min, (long)max));
        }

        [TestMethod]
        [DataRow(1, 0)]
        [DataRow(2, 1)]
        [DataRow(3, 1)]
        [DataRow(1024, 10)]
        [DataRow(1025, 10)]
        [DataRow(0, 0)]
        [DataRow(-8, 0)]
        public void FloorLog2_of_small_values(int value, int expected)
        {
            Assert.AreEqual(expected, FixedMath.FloorLog2(value));
        }

        [TestMethod]
        public void FloorLog2_of_64_bit_values()
        {
            Assert.AreEqual(40, FixedMath.FloorLog2(1L << 40));
            Assert.AreEqual(62, FixedMath.FloorLog2(long.MaxValue));
        }

        [TestMethod]
        [DataRow(65536, 0)]          // ln 1
        [DataRow(131072, 45426)]     // ln 2 = 0.693147
        [DataRow(32768, -45426)]     // ln 0.5
        [DataRow(655360, 150902)]    // ln 10 = 2.302585
        [DataRow(178145, 65536)]     // ln e (e in Q16) = 1
        [DataRow(1, -726817)]        // ln 2^-16
        public void LnQ16_matches_the_natural_logarithm_within_one_lsb(int valueQ16, int expectedQ16)
        {
            long actual = FixedLog.LnQ16(valueQ16);
            Assert.IsTrue(FixedMath.Abs(actual - expectedQ16) <= LnToleranceQ16, "ln(" + valueQ16.ToString() + "/65536) = " + actual.ToString() + " in Q16, expected " + expectedQ16.ToString());
        }

        [TestMethod]
        public void LnQ16_of_large_values_and_of_integers()
        {
            // ln(2^24) = 16.635532 -> 1090226 in Q16 (value 2^40 in Q16).
            Assert.IsTrue(FixedMath.Abs(FixedLog.LnQ16(1L << 40) - 1090226) <= LnToleranceQ16, "ln 2^24");

            // The CUSUM threshold's ln(ARL0): 8760 h at 100 ms = 315 360 000 samples, ln = 19.569..
            Assert.IsTrue(FixedMath.Abs(FixedLog.LnOfIntegerQ16(315360000) - 1282489) <= LnToleranceQ16, "ln 315360000");

            // Beyond 2^46 the integer is halved first: ln 2^50 = 34.657359.
            Assert.IsTrue(FixedMath.Abs(FixedLog.LnOfIntegerQ16(1L << 50) - 2271305) <= LnToleranceQ16, "ln 2^50");
            Assert.IsTrue(FixedMath.Abs(FixedLog.LnOfIntegerQ16(3) - 71999) <= LnToleranceQ16, "ln 3");
        }

        [TestMethod]
        public void LnQ30_of_two_is_ln2_to_a_few_lsb()
        {
            // ln 2 = 0.69314718056 -> 744261117.95 in Q30.
            Assert.IsTrue(FixedMath.Abs(FixedLog.LnQ30(131072) - 744261118L) <= 4, "ln 2 in Q30 = " + FixedLog.LnQ30(131072).ToString());
        }

        [TestMethod]
        public void Logarithm_of_zero_or_a_negative_number_is_the_minimum_long()
        {
            Assert.AreEqual(long.MinValue, FixedLog.LnQ16(0));
            Assert.AreEqual(long.MinValue, FixedLog.LnQ16(-65536));
            Assert.AreEqual(long.MinValue, FixedLog.LnQ30(0));
            Assert.AreEqual(long.MinValue, FixedLog.LnOfIntegerQ16(-1));
        }
    }
}
