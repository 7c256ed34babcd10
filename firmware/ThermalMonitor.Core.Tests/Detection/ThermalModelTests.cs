using ThermalMonitor.Core.Detection;

namespace ThermalMonitor.Core.Tests.Detection;

/// <summary>
/// The thermal model on synthetic loops whose physics is known exactly: a gas law 1/P linear in the
/// liquid temperature, a sensor that lags the liquid, a polytropic gas. One block per update.
/// </summary>
public class ThermalModelTests
{
    private const int Shift = 13;          // 8192 blocks, the default 8192 s at 1 s blocks
    private const int Warmup = 2000;
    private const int SwingFloorMilliC = 50;
    private const double OrbitBlocks = 5574;  // 92.9 min of 1 s blocks

    /// <summary>Liquid temperature (milli-°C) on an orbit: 10 °C ± 5 °C.</summary>
    private static double LiquidMilliC(int block) => 10000 + (5000 * Math.Sin(2 * Math.PI * block / OrbitBlocks));

    /// <summary>Pressure of a gas-charged loop: 1/P linear in T (n = 1), 250 kPa at 10 °C, 16 % swing.</summary>
    private static double PressurePa(double liquidMilliC, double n = 1.0)
    {
        double gasFraction = 1 - (0.016 * (liquidMilliC - 10000) / 1000);   // V_g / V_g0
        return 250_000 / Math.Pow(gasFraction, n);
    }

    /// <summary>Each block's input and its first-order lag (time constant in blocks), started at the first input.</summary>
    private static (double Input, double Lagged)[] FirstOrderLag(int blocks, Func<int, double> input, double timeConstantBlocks)
    {
        var result = new (double, double)[blocks];
        double lagged = input(0);
        for (int block = 0; block < blocks; block++)
        {
            lagged += (input(block) - lagged) / timeConstantBlocks;
            result[block] = (input(block), lagged);
        }

        return result;
    }

    private static (ThermalModel Model, TemperatureFilter Filter) Learn(int blocks, int terms, Func<int, (double Pressure, double SensorMilliC)> loop, int filterShift = 4)
    {
        var model = new ThermalModel();
        model.Configure(Shift, Warmup, SwingFloorMilliC, terms);
        var filter = new TemperatureFilter();
        filter.Configure(terms > 1 ? filterShift : 0);
        for (int block = 0; block < blocks; block++)
        {
            (double pressure, double sensor) = loop(block);
            long tempQ8 = (long)Math.Round(sensor * 256);
            filter.Update(tempQ8);
            model.Learn((int)Math.Round(pressure), tempQ8, filter.LeadQ8, filter.SecondLeadQ8);
        }

        return (model, filter);
    }

    private static double WorstErrorPa(ThermalModel model, TemperatureFilter filter, int from, int blocks, Func<int, (double Pressure, double SensorMilliC)> loop)
    {
        double worst = 0;
        for (int block = from; block < from + blocks; block++)
        {
            (double pressure, double sensor) = loop(block);
            long tempQ8 = (long)Math.Round(sensor * 256);
            filter.Update(tempQ8);
            worst = Math.Max(worst, Math.Abs(model.PredictPa(tempQ8, filter.LeadQ8, filter.SecondLeadQ8) - pressure));
        }

        return worst;
    }

    [Fact]
    public void One_term_follows_the_gas_law_exactly()
    {
        Func<int, (double, double)> loop = b => (PressurePa(LiquidMilliC(b)), LiquidMilliC(b));
        var (model, filter) = Learn(3 * (int)OrbitBlocks, 1, loop);

        Assert.True(model.SlopeLearned);
        Assert.True(model.SlopeQ16 < 0, "1/P falls as the liquid warms");
        Assert.InRange(WorstErrorPa(model, filter, 3 * (int)OrbitBlocks, (int)OrbitBlocks, loop), 0, 10);
    }

    [Fact]
    public void The_lead_term_learns_a_lagging_sensor_with_the_temperature_terms_sign()
    {
        // The sensor lags the liquid by 120 s (first order).
        var trace = FirstOrderLag(5 * (int)OrbitBlocks, LiquidMilliC, 120).Select(x => (PressurePa(x.Input), x.Lagged)).ToList();

        Func<int, (double, double)> loop = b => trace[b];
        var (oneTerm, oneFilter) = Learn(4 * (int)OrbitBlocks, 1, loop);
        var (twoTerms, twoFilter) = Learn(4 * (int)OrbitBlocks, 2, loop);

        double oneTermError = WorstErrorPa(oneTerm, oneFilter, 4 * (int)OrbitBlocks, (int)OrbitBlocks, loop);
        double twoTermError = WorstErrorPa(twoTerms, twoFilter, 4 * (int)OrbitBlocks, (int)OrbitBlocks, loop);
        Assert.True(Math.Sign(twoTerms.CoefficientQ16(1)) == Math.Sign(twoTerms.CoefficientQ16(0)), "a sensor lags: same sign");
        Assert.True(oneTermError > 1000, $"a 2-minute lag ignored costs kPa ({oneTermError:F0} Pa)");
        Assert.True(twoTermError < oneTermError / 20, $"the lead term takes it out: {twoTermError:F0} Pa against {oneTermError:F0} Pa");
    }

    [Fact]
    public void The_second_lead_takes_out_what_the_first_misses_where_the_liquid_turns()
    {
        // An orbit of sun and eclipse: the liquid follows a square wave through a 12-minute lag, so its
        // temperature turns sharply twice an orbit; the sensor lags it by 3 minutes.
        double liquid = 10_000;
        double sensor = 10_000;
        var trace = new List<(double, double)>();
        for (int block = 0; block < 6 * (int)OrbitBlocks; block++)
        {
            double equilibrium = block % (int)OrbitBlocks < 3500 ? 15_000 : 5_000;
            liquid += (equilibrium - liquid) / 720.0;
            sensor += (liquid - sensor) / 180.0;
            trace.Add((PressurePa(liquid), sensor));
        }

        Func<int, (double, double)> loop = b => trace[b];
        var (firstOnly, firstFilter) = Learn(5 * (int)OrbitBlocks, 2, loop);
        var (both, bothFilter) = Learn(5 * (int)OrbitBlocks, 4, loop);

        double firstError = WorstErrorPa(firstOnly, firstFilter, 5 * (int)OrbitBlocks, (int)OrbitBlocks, loop);
        double bothError = WorstErrorPa(both, bothFilter, 5 * (int)OrbitBlocks, (int)OrbitBlocks, loop);
        Assert.True(Math.Sign(both.CoefficientQ16(3)) == Math.Sign(both.CoefficientQ16(0)), "the second lead corrects a lag: same sign");
        Assert.True(bothError < firstError * 0.6, $"{bothError:F0} Pa with both leads, {firstError:F0} Pa with the first alone");
    }

    [Fact]
    public void A_lead_of_the_wrong_sign_is_dropped()
    {
        // The "sensor" runs ahead of the liquid — not a sensor lag, something else moves the pressure.
        var trace = FirstOrderLag(3 * (int)OrbitBlocks, LiquidMilliC, 120).Select(x => (PressurePa(x.Lagged), x.Input)).ToList();

        var (model, _) = Learn(3 * (int)OrbitBlocks, 2, b => trace[b]);

        Assert.Equal(0, model.CoefficientQ16(1));
        Assert.True(model.SlopeLearned);
    }

    [Fact]
    public void The_curvature_of_a_polytropic_gas_is_learned_within_its_physical_bound()
    {
        Func<int, (double, double)> loop = b => (PressurePa(LiquidMilliC(b), n: 1.4), LiquidMilliC(b));
        var (twoTerms, twoFilter) = Learn(4 * (int)OrbitBlocks, 2, loop);
        var (threeTerms, threeFilter) = Learn(4 * (int)OrbitBlocks, 3, loop);

        Assert.True(threeTerms.CoefficientQ16(2) > 0, "1/P ∝ V^1.4 is convex in T");
        double withoutCurvature = WorstErrorPa(twoTerms, twoFilter, 4 * (int)OrbitBlocks, (int)OrbitBlocks, loop);
        double withCurvature = WorstErrorPa(threeTerms, threeFilter, 4 * (int)OrbitBlocks, (int)OrbitBlocks, loop);
        Assert.True(withCurvature < withoutCurvature / 5, $"{withCurvature:F0} Pa with the curvature term, {withoutCurvature:F0} Pa without; b = {threeTerms.CoefficientQ16(0)}, {threeTerms.CoefficientQ16(1)}, {threeTerms.CoefficientQ16(2)}; refused {threeTerms.RefusedSolves}");
    }

    [Fact]
    public void A_negative_curvature_is_not_physical_and_is_dropped()
    {
        // 1/P concave in T: no gas does that (it would need n < 1).
        Func<int, (double, double)> loop = b => (PressurePa(LiquidMilliC(b), n: 0.6), LiquidMilliC(b));
        var (model, _) = Learn(3 * (int)OrbitBlocks, 3, loop);

        Assert.Equal(0, model.CoefficientQ16(2));
    }

    [Fact]
    public void Before_any_slope_is_learned_it_predicts_only_where_the_temperature_has_been()
    {
        // A flat loop (no swing): only the mean is known.
        Func<int, (double, double)> flat = b => (250_000, 10_000 + (3 * Math.Sin(b)));
        var (model, _) = Learn(Warmup + 10, 2, flat);

        Assert.False(model.SlopeLearned);
        Assert.True(model.IsReady, "a loop that never swings decides on its mean");
        Assert.True(model.CanPredict(10_000L << 8));
        Assert.False(model.CanPredict(10_060L << 8), "60 milli-°C away is beyond the flat loop's spread, though inside twice the swing floor");
    }

    [Fact]
    public void The_first_coefficients_learned_get_a_warm_up_of_their_own()
    {
        var model = new ThermalModel();
        model.Configure(Shift, Warmup, SwingFloorMilliC, 2);
        var filter = new TemperatureFilter();
        filter.Configure(4);
        int block = 0;
        for (; block < Warmup + 100; block++)
        {
            Learn1(model, filter, 250_000, 10_000);        // flat: ready on the mean alone
        }

        Assert.True(model.IsReady);
        int firstLearned = -1;
        for (int swing = 0; swing < 2 * Warmup; swing++, block++)
        {
            double liquid = LiquidMilliC(swing * 4);
            Learn1(model, filter, PressurePa(liquid), liquid);
            if (firstLearned < 0 && model.SlopeLearned)
            {
                firstLearned = swing;
                Assert.False(model.IsReady, "the first slope is still settling");
            }

            if (firstLearned >= 0 && swing - firstLearned < Warmup - 1)
            {
                Assert.False(model.IsReady);
            }
        }

        Assert.True(firstLearned >= 0);
        Assert.True(model.IsReady);
    }

    private static void Learn1(ThermalModel model, TemperatureFilter filter, double pressurePa, double tempMilliC)
    {
        long tempQ8 = (long)Math.Round(tempMilliC * 256);
        filter.Update(tempQ8);
        model.Learn((int)Math.Round(pressurePa), tempQ8, filter.LeadQ8, filter.SecondLeadQ8);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(6)]
    public void Means_start_as_exact_averages_and_become_an_EWMA_of_two_to_the_minus_shift(int shift)
    {
        // Weight 1/min(n + 1, 2^shift): the first 2^shift temperatures are averaged exactly (no
        // start-up bias toward the first one), later ones move the mean by 2^-shift of their distance.
        var model = new ThermalModel();
        model.Configure(shift, 0, SwingFloorMilliC, 3);
        double expectedMilliC = 0;
        int[] temperaturesMilliC = [.. Enumerable.Range(0, 1 << shift).Select(i => 10000 + (1000 * i)), .. Enumerable.Repeat(0, 3 << shift)];
        for (int n = 0; n < temperaturesMilliC.Length; n++)
        {
            model.Learn(250_000, (long)temperaturesMilliC[n] * 256, 0, 0);
            expectedMilliC += (temperaturesMilliC[n] - expectedMilliC) / Math.Min(n + 1, 1 << shift);
            Assert.InRange(model.MeanTempMilliC, expectedMilliC - 2, expectedMilliC + 2);
            if (n == (1 << shift) - 1)
            {
                Assert.Equal(10000 + (500 * ((1 << shift) - 1)), model.MeanTempMilliC);
            }
        }
    }
}
