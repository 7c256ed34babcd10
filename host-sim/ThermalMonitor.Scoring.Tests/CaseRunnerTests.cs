using ThermalMonitor.Sim;

namespace ThermalMonitor.Scoring.Tests;

/// <summary>One campaign case: the measurement noise behind the bound, the bound itself, the case's end.</summary>
public sealed class CaseRunnerTests
{
    private const double OnsetS = 2 * 3600.0;

    private static readonly LoopDraw Draw = WorldSampler.Draw(77, 0);

    private static CaseResult Leak(Phenomena phenomena, double holeMm, LoopDraw? draw = null, double afterOnsetS = 600) =>
        CaseRunner.Run(new CaseSpec(0, CaseKind.Leak, 0, 0, phenomena, OnsetS + afterOnsetS, 4242, OnsetS, holeMm), draw ?? Draw, ["v1"]);

    [Fact]
    public void OnTheBenignBase_TheMeasurementNoiseIsTheAdcsAndWhite()
    {
        CaseResult result = Leak(Phenomena.None, 0.3);

        Assert.InRange(result.MeasurementSigmaPa!.Value, 50, 600);
        Assert.Equal(result.MeasurementSigmaPa.Value, result.LongRunSigmaPa!.Value, result.MeasurementSigmaPa.Value * 0.3);
    }

    [Fact]
    public void NoiseInsideOneHertzRows_IsCorrelatedAtTenHertz_AndTheLongRunSigmaCountsIt()
    {
        LoopDraw noisy = Draw with { LoggerPeriodMs = 1000, PressureNoiseKpa = 0.5, PressureNoiseColouredFraction = 0 };
        double baseSigma = Leak(Phenomena.None, 0.3).LongRunSigmaPa!.Value;

        CaseResult result = Leak(Phenomena.LoggerRate | Phenomena.PressureNoise, 0.3, noisy);

        // A row's noise spreads over the ten samples interpolated around it: σ_LR² = 10·σ_row² (+ the ADC's).
        double expected = Math.Sqrt((10 * 500.0 * 500.0) + (baseSigma * baseSigma));
        Assert.Equal(expected, result.LongRunSigmaPa!.Value, expected * 0.15);
        Assert.True(result.LongRunSigmaPa > 2.5 * result.MeasurementSigmaPa, $"{result.LongRunSigmaPa} vs {result.MeasurementSigmaPa}");
    }

    [Fact]
    public void Bound_ShrinksAsTheHoleGrows_AndCorrelatedNoiseRaisesIt()
    {
        LoopDraw noisy = Draw with { LoggerPeriodMs = 1000, PressureNoiseKpa = 0.5, PressureNoiseColouredFraction = 0.5, PressureNoiseTimeConstantS = 10 };

        double small = Leak(Phenomena.None, 0.1).BoundS!.Value;
        double large = Leak(Phenomena.None, 1.0).BoundS!.Value;
        double smallNoisy = Leak(Phenomena.LoggerRate | Phenomena.PressureNoise, 0.1, noisy).BoundS!.Value;

        Assert.True(small > 3 * large, $"{small} s vs {large} s");
        Assert.True(large > 0);
        Assert.True(smallNoisy > 2 * small, $"{smallNoisy} s vs {small} s");
    }

    [Fact]
    public void LeakCase_EndsHalfAnHourAfterTheLoopEmpties()
    {
        CaseResult result = Leak(Phenomena.None, 12.0, afterOnsetS: CampaignPlan.AfterOnsetS);

        Assert.NotNull(result.EmptyAtS);
        Assert.InRange(result.EmptyAtS!.Value, OnsetS, OnsetS + 3600);
        Assert.Equal((result.EmptyAtS.Value + CampaignPlan.AfterEmptyS) * 10, result.Rows, 1.0);
    }

    [Fact]
    public void NominalCase_HasNoBoundAndCountsItsWholeLengthAsNominal()
    {
        CaseResult result = CaseRunner.Run(new CaseSpec(0, CaseKind.Nominal, 0, 0, Phenomena.All, 3600, 9), Draw, ["v1", "v2"]);

        Assert.Null(result.BoundS);
        Assert.Null(result.LongRunSigmaPa);
        Assert.Equal(result.SamplesReplayed / 10.0, result.NominalS, 1e-9);
        Assert.Equal(["v1", "v2"], result.Detectors.Select(d => d.Detector));
        Assert.All(result.Detectors, d => Assert.Null(d.FirstLeakAlarm));
    }
}
