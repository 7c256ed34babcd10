namespace ThermalMonitor.Sim.Tests;

/// <summary>The world sampler: draws stay inside their documented ranges and are reproducible.</summary>
public class WorldSamplerTests
{
    private static readonly LoopDraw[] Draws = [.. Enumerable.Range(0, 400).Select(i => WorldSampler.Draw(20_240_901, i))];

    public static TheoryData<string> RangedParameters() =>
    [
        nameof(LoopDraw.PolytropicIndex), nameof(LoopDraw.InventoryLiters), nameof(LoopDraw.ThermalExpansionPerK),
        nameof(LoopDraw.SwingFraction), nameof(LoopDraw.ReserveFraction), nameof(LoopDraw.MeanTempC),
        nameof(LoopDraw.OrbitAmplitudeC), nameof(LoopDraw.ThermalTimeConstantMin), nameof(LoopDraw.SensorLagMin),
        nameof(LoopDraw.BetaAmplitudeDeg), nameof(LoopDraw.BetaPeriodDays), nameof(LoopDraw.HeaterStepsPerDay),
        nameof(LoopDraw.HeaterMaxOffsetC), nameof(LoopDraw.RippleAmplitudeKpa), nameof(LoopDraw.RippleFrequencyHz),
        nameof(LoopDraw.PumpStopsPerDay), nameof(LoopDraw.SwitchTransientKpa), nameof(LoopDraw.SwitchTransientTimeConstantS),
        nameof(LoopDraw.RunningSuctionDropKpa), nameof(LoopDraw.PressureNoiseKpa), nameof(LoopDraw.PressureNoiseColouredFraction),
        nameof(LoopDraw.PressureNoiseTimeConstantS), nameof(LoopDraw.TempNoiseC), nameof(LoopDraw.PressureStepKpa),
        nameof(LoopDraw.TempStepC), nameof(LoopDraw.PressureDriftKpaPerDay), nameof(LoopDraw.PressureGlitchesPerDay),
        nameof(LoopDraw.TempGlitchesPerDay), nameof(LoopDraw.NominalPressureKpa),
    ];

    /// <summary>The documented range of each drawn parameter (WorldRanges), by the draw's property name.</summary>
    private static DrawRange RangeOf(string parameter) => parameter switch
    {
        nameof(LoopDraw.PressureGlitchesPerDay) or nameof(LoopDraw.TempGlitchesPerDay) => WorldRanges.GlitchesPerDay,
        _ => (DrawRange)typeof(WorldRanges).GetField(parameter)!.GetValue(null)!,
    };

    [Theory]
    [MemberData(nameof(RangedParameters))]
    public void EveryDraw_StaysInItsDocumentedRange_AndSpreadsOverIt(string parameter)
    {
        DrawRange range = RangeOf(parameter);
        double[] values = [.. Draws.Select(d => Convert.ToDouble(typeof(LoopDraw).GetProperty(parameter)!.GetValue(d)))];

        Assert.All(values, v => Assert.True(range.Contains(v), $"{parameter} = {v} outside {range}"));

        // 400 draws cover most of the range: the lowest and highest fall in its outer fifths.
        Func<double, double> scale = range.LogUniform ? Math.Log : v => v;
        double width = scale(range.Max) - scale(range.Min);
        Assert.True(scale(values.Min()) < scale(range.Min) + (0.2 * width), $"{parameter}: lowest draw {values.Min()}");
        Assert.True(scale(values.Max()) > scale(range.Max) - (0.2 * width), $"{parameter}: highest draw {values.Max()}");
    }

    [Fact]
    public void LoggerPeriods_AreWholePhysicsPeriodsFromTenHertzToAFifth()
    {
        Assert.All(Draws, d =>
        {
            Assert.InRange(d.LoggerPeriodMs, 100, 5000);
            Assert.Equal(0, d.LoggerPeriodMs % 100);
        });
        Assert.Contains(Draws, d => d.LoggerPeriodMs == 100);
        Assert.Contains(Draws, d => d.LoggerPeriodMs >= 4000);
    }

    [Fact]
    public void Accumulator_GivesTheDrawnSwing_WithGasBetweenOneAndHundredPercentOfTheLiquid()
    {
        Assert.All(Draws, d =>
        {
            double halfSpanK = d.OrbitAmplitudeC + d.HeaterMaxOffsetC;
            double hot = AccumulatorSizing.PressureKpa(1.0, d.PolytropicIndex, d.AccumulatorGasLiters, d.ThermalExpansionPerK, d.InventoryLiters, halfSpanK);
            double cold = AccumulatorSizing.PressureKpa(1.0, d.PolytropicIndex, d.AccumulatorGasLiters, d.ThermalExpansionPerK, d.InventoryLiters, -halfSpanK);
            Assert.Equal(d.SwingFraction, hot - cold, 1e-9);
            Assert.InRange(d.AccumulatorGasLiters / d.InventoryLiters, 0.01 * (1 - 1e-9), 1.0 + 1e-9);
        });
    }

    [Fact]
    public void Peak_StaysBelowNinetyPercentOfFullScale_AndTheBellowsNeverBottoms()
    {
        Assert.All(Draws, d =>
        {
            Assert.InRange(d.PeakReadingKpa, d.NominalPressureKpa, WorldRanges.PeakReadingLimitKpa);
            double coldContraction = d.ThermalExpansionPerK * d.InventoryLiters * (d.OrbitAmplitudeC + d.HeaterMaxOffsetC);
            Assert.True(d.AccumulatorReserveLiters >= 1.5 * coldContraction * (1 - 1e-12), $"loop {d.LoopIndex}");
            Assert.True(d.LowestPressureKpa < d.NominalPressureKpa);
        });
    }

    [Fact]
    public void SameSeedAndIndex_SameDraw_OthersDiffer()
    {
        Assert.Equal(WorldSampler.Draw(7, 3), WorldSampler.Draw(7, 3));
        Assert.Equal(WorldSampler.Draw(7, 3).ToJson(), WorldSampler.Draw(7, 3).ToJson());
        Assert.NotEqual(WorldSampler.Draw(7, 3).NominalPressureKpa, WorldSampler.Draw(7, 4).NominalPressureKpa);
        Assert.NotEqual(WorldSampler.Draw(7, 3).NominalPressureKpa, WorldSampler.Draw(8, 3).NominalPressureKpa);
    }

    [Fact]
    public void Json_NamesEveryParameterWithItsUnit()
    {
        using var document = System.Text.Json.JsonDocument.Parse(WorldSampler.Draw(1, 0).ToJson());
        string[] names = [.. document.RootElement.EnumerateObject().Select(p => p.Name)];

        Assert.Contains("nominal_pressure_kpa", names);
        Assert.Contains("sensor_lag_min", names);
        Assert.Contains("logger_period_ms", names);
        Assert.Equal(typeof(LoopDraw).GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance).Length, names.Length);
    }
}
