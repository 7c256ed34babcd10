using FsCheck;
using FsCheck.Fluent;
using ThermalMonitor.Core.Conversion;

namespace ThermalMonitor.Core.Tests.Conversion;

public class AdcCalibrationTests
{
    private static AdcCalibration Nominal()
    {
        var calibration = new AdcCalibration();
        Assert.True(calibration.Load([175, 2900, 4095], [150000, 2450000, 3150000], 3));
        return calibration;
    }

    [Theory]
    [InlineData(175, 150000)]
    [InlineData(2900, 2450000)]
    [InlineData(4095, 3150000)]
    public void Knots_map_exactly(int counts, int microvolts) =>
        Assert.Equal(microvolts, Nominal().ToMicrovolts(counts * 256));

    [Fact]
    public void Between_knots_is_linear_and_the_top_segment_is_flatter()
    {
        var calibration = Nominal();
        Assert.InRange(calibration.ToMicrovolts(((175 + 2900) * 256) / 2), 1299999, 1300001);
        double lowSlope = (calibration.ToMicrovolts(2000 * 256) - calibration.ToMicrovolts(1000 * 256)) / 1000.0;
        double highSlope = (calibration.ToMicrovolts(4000 * 256) - calibration.ToMicrovolts(3000 * 256)) / 1000.0;
        Assert.InRange(lowSlope, 844.0, 844.1);   // 2.3 V over 2725 counts
        Assert.InRange(highSlope, 585.7, 585.8);  // 0.7 V over 1195 counts
    }

    [Fact]
    public void Conversion_is_monotonic_over_the_whole_range() =>
        Prop.ForAll(Gen.Choose(0, 1048319).ToArbitrary(), countsQ8 =>
            Nominal().ToMicrovolts(countsQ8) <= Nominal().ToMicrovolts(countsQ8 + 1)).QuickCheckThrowOnFailure();

    [Fact]
    public void Rejects_knots_that_do_not_increase()
    {
        var calibration = Nominal();
        Assert.False(calibration.Load([100, 100], [1, 2], 2));
        Assert.False(calibration.Load([100, 200], [5, 5], 2));
        Assert.False(calibration.Load([100], [5], 1));
        Assert.Equal(3, calibration.KnotCount); // previous table kept
    }
}

public class PressureTransducerTests
{
    private static PressureTransducer Bench()
    {
        var transducer = new PressureTransducer();
        transducer.Configure(dividerRatioPpm: 500000, zeroPpm: 100000, spanPpm: 800000, fullScalePa: 500000, zeroOffsetPa: 0);
        return transducer;
    }

    // Datasheet transfer, 5.000 V supply: 0.5 V = 0 kPa, 2.5 V = half scale, 4.5 V = full scale;
    // the ESP32 pin sees half of that through the 10k/10k divider.
    [Theory]
    [InlineData(250000, 0)]
    [InlineData(1250000, 250000)]
    [InlineData(2250000, 500000)]
    [InlineData(750000, 125000)]
    [InlineData(875000, 156250)]
    public void Datasheet_points_at_nominal_supply(int pinMicrovolts, int expectedPa)
    {
        var transducer = Bench();
        Assert.Equal(expectedPa, transducer.PressurePa(transducer.OutputRatioPpb(pinMicrovolts, 5000000)));
    }

    [Fact]
    public void Ratiometric_reading_ignores_supply_drift()
    {
        // At 4.8 V the sensor outputs 0.1·4.8 + 0.8·4.8·0.5 = 2.4 V for half scale: still 250 kPa.
        var transducer = Bench();
        Assert.Equal(250000, transducer.PressurePa(transducer.OutputRatioPpb(1200000, 4800000)));
    }

    [Fact]
    public void Gauge_sensor_offset_is_added()
    {
        var transducer = new PressureTransducer();
        transducer.Configure(500000, 100000, 800000, 500000, 101325);
        Assert.Equal(101325, transducer.PressurePa(transducer.OutputRatioPpb(250000, 5000000)));
    }

    [Fact]
    public void Pressure_is_monotonic_in_pin_voltage() =>
        Prop.ForAll(Gen.Choose(0, 3300000).ToArbitrary(), pin =>
        {
            var transducer = Bench();
            return transducer.PressurePa(transducer.OutputRatioPpb(pin, 5000000))
                <= transducer.PressurePa(transducer.OutputRatioPpb(pin + 1000, 5000000));
        }).QuickCheckThrowOnFailure();
}

public class NtcThermistorTableTests
{
    private const double SupplyVolts = 3.3;

    private static NtcThermistorTable Beta3950()
    {
        var table = new NtcThermistorTable();
        Assert.True(table.Build(NtcModel.Beta, 10000, 10000, 3950, 0, 0, 0, 3300000));
        return table;
    }

    private static double ExactBetaPinVolts(double tempC)
    {
        double resistance = 10000 * Math.Exp(3950 * (1 / (tempC + 273.15) - 1 / 298.15));
        return SupplyVolts * resistance / (resistance + 10000);
    }

    private static double TableTempC(NtcThermistorTable table, double pinVolts) =>
        table.TempMilliC(table.RatioQ20((int)Math.Round(pinVolts * 1e6))) / 1000.0;

    // docs/physics.md §4.2: 10k B3950 to ground, 10k to 3.3 V.
    [Theory]
    [InlineData(1.65, 25.0)]
    [InlineData(2.54, 0.0)]
    [InlineData(1.14, 40.0)]
    [InlineData(0.37, 80.0)]
    public void Domain_reference_points(double pinVolts, double expectedTempC) =>
        Assert.InRange(TableTempC(Beta3950(), pinVolts), expectedTempC - 0.5, expectedTempC + 0.5);

    [Theory]
    [InlineData(-20.0, 0.0006)]
    [InlineData(0.0, 0.0006)]
    [InlineData(15.0, 0.0006)]
    [InlineData(25.0, 0.0006)]
    [InlineData(60.0, 0.0006)]
    [InlineData(80.0, 0.0006)]
    [InlineData(100.0, 0.0006)]
    [InlineData(-40.0, 0.002)]
    [InlineData(125.0, 0.002)]
    public void Table_interpolation_tracks_the_exact_beta_curve(double tempC, double toleranceC) =>
        Assert.InRange(TableTempC(Beta3950(), ExactBetaPinVolts(tempC)), tempC - toleranceC, tempC + toleranceC);

    /// <summary>The first ratio (Q20) at which the temperature rises with the ratio, or -1.</summary>
    private static int FirstRiseRatioQ20(NtcThermistorTable table)
    {
        int previousMilliC = table.TempMilliC(0);
        for (int ratio = 1; ratio < 1 << 20; ratio++)
        {
            int milliC = table.TempMilliC(ratio);
            if (milliC > previousMilliC)
            {
                return ratio;
            }

            previousMilliC = milliC;
        }

        return -1;
    }

    // Every one of the 2^20 ratios, not a sample: a random sample of 100 ratios found the turn-back
    // in the last segment (x > 0.9995, −77 °C) only about once in twenty runs.
    [Fact]
    public void Temperature_falls_as_the_pin_voltage_rises_at_every_ratio() =>
        Assert.Equal(-1, FirstRiseRatioQ20(Beta3950()));

    // A common 10 kΩ NTC's published Steinhart–Hart fit (A = 1.009249522e-3, B = 2.378405444e-4,
    // C = 2.019202697e-7), in pico-units.
    [Fact]
    public void Steinhart_hart_temperature_falls_as_the_pin_voltage_rises_at_every_ratio()
    {
        var table = new NtcThermistorTable();
        Assert.True(table.Build(NtcModel.SteinhartHart, 10000, 10000, 0, 1009249522, 237840544, 201920, 3300000));
        Assert.Equal(-1, FirstRiseRatioQ20(table));
    }

    [Fact]
    public void Temperature_falls_as_the_pin_voltage_rises_at_every_ratio_for_any_thermistor() =>
        Prop.ForAll(
            Gen.Choose(100, 1000000).Three().Select(t => (seriesOhm: t.Item1, r25Ohm: t.Item2, betaK: 2000 + (t.Item3 % 3000))).ToArbitrary(),
            thermistor =>
            {
                var table = new NtcThermistorTable();
                Assert.True(table.Build(NtcModel.Beta, thermistor.seriesOhm, thermistor.r25Ohm, thermistor.betaK, 0, 0, 0, 3300000));
                return FirstRiseRatioQ20(table) == -1;
            }).Check(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(25));

    [Fact]
    public void Steinhart_hart_with_beta_equivalent_coefficients_agrees_with_beta()
    {
        // A beta model is Steinhart–Hart with C = 0: A = 1/T25 − ln(R25)/B, B' = 1/B.
        int a = (int)Math.Round((1 / 298.15 - Math.Log(10000) / 3950) * 1e12);
        int b = (int)Math.Round(1e12 / 3950);
        var steinhart = new NtcThermistorTable();
        Assert.True(steinhart.Build(NtcModel.SteinhartHart, 10000, 10000, 3950, a, b, 0, 3300000));
        var beta = Beta3950();
        for (int index = 32; index <= NtcThermistorTable.SegmentCount - 32; index++)
        {
            Assert.InRange(steinhart.KnotMicroC(index) - beta.KnotMicroC(index), -50, 50);
        }
    }

    [Fact]
    public void Rejects_unusable_parameters() =>
        Assert.False(new NtcThermistorTable().Build(NtcModel.Beta, 0, 10000, 3950, 0, 0, 0, 3300000));
}
