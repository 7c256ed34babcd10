using nanoFramework.TestFramework;
using ThermalMonitor.Core.Config;
using ThermalMonitor.Core.Conversion;
using ThermalMonitor.Core.FixedPoint;

namespace ThermalMonitor.Device.Tests
{
    /// <summary>
    /// Counts → µV → engineering units for the default (bench) configuration: ADC calibration
    /// knots, the ratiometric pressure transducer and the NTC table, which is built once in
    /// [Setup] because building it (1025 integer logarithms) is the slowest thing here.
    /// </summary>
    [TestClass]
    public class ConversionTests
    {
        private static MonitorConfig bench;
        private static AdcCalibration calibration;
        private static PressureTransducer transducer;
        private static NtcThermistorTable ntc;

        [Setup]
        public void BuildBenchConversions()
        {
            bench = new MonitorConfig();
            calibration = new AdcCalibration();
            Assert.IsTrue(calibration.Load(bench.AdcCalCounts, bench.AdcCalMicrovolts, bench.Get(ParamId.AdcCalKnotCount)), "default calibration knots load");

            transducer = new PressureTransducer();
            transducer.Configure(bench.Get(ParamId.PressureDividerPpm), bench.Get(ParamId.PressureZeroPpm), bench.Get(ParamId.PressureSpanPpm),
                bench.Get(ParamId.PressureFullScalePa), bench.Get(ParamId.PressureZeroOffsetPa));

            ntc = new NtcThermistorTable();
            Assert.IsTrue(ntc.Build((NtcModel)bench.Get(ParamId.NtcModel), bench.Get(ParamId.NtcSeriesOhm), bench.Get(ParamId.NtcR25Ohm), bench.Get(ParamId.NtcBetaK),
                bench.Get(ParamId.NtcShAPico), bench.Get(ParamId.NtcShBPico), bench.Get(ParamId.NtcShCPico), bench.Get(ParamId.NtcSupplyMicrovolts)), "default NTC table builds");
        }

        [Cleanup]
        public void ReleaseBenchConversions()
        {
            bench = null;
            calibration = null;
            transducer = null;
            ntc = null;
        }

        [TestMethod]
        [DataRow(175, 150000)]
        [DataRow(2900, 2450000)]
        [DataRow(4095, 3150000)]
        public void Calibration_knots_map_exactly(int counts, int microvolts)
        {
            Assert.AreEqual(microvolts, calibration.ToMicrovolts(counts * 256));
        }

        [TestMethod]
        public void Calibration_interpolates_between_knots_and_extends_the_end_segments()
        {
            // Halfway between 175 and 2900 counts (Q8 keeps the half count): halfway between 150 mV and 2.45 V.
            AssertNear(1300000, calibration.ToMicrovolts((175 + 2900) * 128), 1, "mid first segment");

            // Below the first knot the first segment extends: 150000 - 175 * 2300000 / 2725 = 2294 µV.
            AssertNear(2294, calibration.ToMicrovolts(0), 1, "zero counts");

            // The compressed top of the ESP32 ADC: 0.7 V over 1195 counts against 2.3 V over 2725.
            int lowSlope = calibration.ToMicrovolts(2000 * 256) - calibration.ToMicrovolts(1000 * 256);
            int highSlope = calibration.ToMicrovolts(4000 * 256) - calibration.ToMicrovolts(3000 * 256);
            AssertNear(844037, lowSlope, 2, "µV per 1000 counts below 2900");
            AssertNear(585774, highSlope, 2, "µV per 1000 counts above 2900");
        }

        [TestMethod]
        public void Calibration_refuses_unusable_knots_and_keeps_its_table()
        {
            AdcCalibration candidate = new AdcCalibration();
            Assert.IsTrue(candidate.Load(new int[] { 100, 3000 }, new int[] { 100000, 2500000 }, 2));
            Assert.IsFalse(candidate.Load(new int[] { 100, 100 }, new int[] { 1, 2 }, 2), "counts must rise");
            Assert.IsFalse(candidate.Load(new int[] { 100, 200 }, new int[] { 5, 5 }, 2), "microvolts must rise");
            Assert.IsFalse(candidate.Load(new int[] { 100 }, new int[] { 5 }, 1), "one knot is not a line");
            Assert.AreEqual(2, candidate.KnotCount);
            Assert.AreEqual(100000, candidate.ToMicrovolts(100 * 256));
        }

        [TestMethod]
        [DataRow(250000, 0)]         // 0.5 V out = 10 % of 5 V: zero scale
        [DataRow(1250000, 250000)]   // 2.5 V out: half scale
        [DataRow(2250000, 500000)]   // 4.5 V out = 90 %: full scale
        [DataRow(875000, 156250)]
        public void Pressure_at_zero_mid_and_full_scale_with_the_nominal_supply(int pinMicrovolts, int expectedPa)
        {
            Assert.AreEqual(expectedPa, transducer.PressurePa(transducer.OutputRatioPpb(pinMicrovolts, 5000000)));
        }

        [TestMethod]
        public void Pressure_is_ratiometric_to_the_measured_supply()
        {
            // At 4.8 V half scale is 0.1 * 4.8 + 0.8 * 4.8 / 2 = 2.4 V out, 1.2 V at the pin: still 250 kPa.
            Assert.AreEqual(250000, transducer.PressurePa(transducer.OutputRatioPpb(1200000, 4800000)));
        }

        [TestMethod]
        public void An_open_pressure_wire_reads_below_zero_scale()
        {
            // 0 V at the pin is 10 % below the zero point: -62.5 kPa, which the validator's live band refuses.
            Assert.AreEqual(-62500, transducer.PressurePa(transducer.OutputRatioPpb(0, 5000000)));
        }

        [TestMethod]
        public void Divider_gives_the_source_voltage()
        {
            Assert.AreEqual(2500000, VoltageDivider.SourceMicrovolts(1250000, 500000));
            Assert.AreEqual(5000000, VoltageDivider.SourceMicrovolts(1666665, 333333));
        }

        [TestMethod]
        public void Ntc_at_half_the_supply_reads_25_degrees()
        {
            int ratioQ20 = ntc.RatioQ20(1650000);
            Assert.AreEqual(1 << 19, ratioQ20, "1.65 V of 3.3 V is a ratio of 0.5");
            AssertNear(25000, ntc.TempMilliC(ratioQ20), 3, "R = R25");
        }

        [TestMethod]
        [DataRow(2543477, 0)]
        [DataRow(1143344, 40000)]
        [DataRow(1000050, 45000)]
        [DataRow(371955, 80000)]
        [DataRow(3014000, -20000)]
        public void Ntc_table_follows_the_beta_curve(int pinMicrovolts, int expectedMilliC)
        {
            // Pin voltages of the exact B3950 curve; the table stays within its ±0.5 mC rounding of it.
            AssertNear(expectedMilliC, ntc.TempMilliC(ntc.RatioQ20(pinMicrovolts)), 3, "pin " + pinMicrovolts.ToString() + " µV");
        }

        [TestMethod]
        public void Ntc_temperature_falls_as_the_pin_voltage_rises()
        {
            int previous = ntc.TempMilliC(ntc.RatioQ20(100000));
            for (int pinMicrovolts = 130000; pinMicrovolts <= 3200000; pinMicrovolts += 30000)
            {
                int temp = ntc.TempMilliC(ntc.RatioQ20(pinMicrovolts));
                if (temp >= previous)
                {
                    Assert.IsTrue(temp < previous, "not falling at " + pinMicrovolts.ToString() + " µV: " + temp.ToString() + " after " + previous.ToString());
                }

                previous = temp;
            }
        }

        [TestMethod]
        public void Ntc_temperature_never_turns_back_in_the_end_segments()
        {
            // The outer knots sit at the nudged ratios (1/1024 and 1 − 1/1024), where an unlimited
            // quadratic turned back (−77 °C rising again above x ≈ 0.99953 for this 10 kΩ B3950).
            const int segmentRatios = 1 << 11;
            AssertFallingFrom(0, 2 * segmentRatios);
            AssertFallingFrom((1 << 20) - (2 * segmentRatios), 2 * segmentRatios);
        }

        private static void AssertFallingFrom(int firstRatioQ20, int count)
        {
            int previous = ntc.TempMilliC(firstRatioQ20);
            for (int ratioQ20 = firstRatioQ20 + 1; ratioQ20 < firstRatioQ20 + count; ratioQ20++)
            {
                int temp = ntc.TempMilliC(ratioQ20);
                if (temp > previous)
                {
                    Assert.IsTrue(temp <= previous, "rising at ratio " + ratioQ20.ToString() + " (Q20): " + temp.ToString() + " after " + previous.ToString());
                }

                previous = temp;
            }
        }

        [TestMethod]
        public void Ntc_ratios_at_the_rails_stay_inside_the_table_range()
        {
            int hot = ntc.TempMilliC(0);
            int cold = ntc.TempMilliC((1 << 20) - 1);
            Assert.IsTrue(hot <= NtcThermistorTable.TempMaxMilliC && hot > 100000, "shorted NTC end: " + hot.ToString());
            Assert.IsTrue(cold >= NtcThermistorTable.TempMinMilliC && cold < -20000, "open NTC end: " + cold.ToString());
        }

        [TestMethod]
        public void Ntc_table_refuses_unusable_parameters()
        {
            NtcThermistorTable table = new NtcThermistorTable();
            Assert.IsFalse(table.Build(NtcModel.Beta, 0, 10000, 3950, 0, 0, 0, 3300000), "series resistor 0");
            Assert.IsFalse(table.Build(NtcModel.Beta, 10000, 10000, 0, 0, 0, 0, 3300000), "beta 0");
            Assert.AreEqual(0, table.SupplyMicrovolts, "nothing was built");
        }

        private static void AssertNear(int expected, int actual, int tolerance, string what)
        {
            if (FixedMath.Abs(actual - expected) > tolerance)
            {
                Assert.AreEqual(expected, actual, what + " (tolerance " + tolerance.ToString() + ")");
            }
        }
    }
}
