namespace ThermalMonitor.Sim.Tests;

/// <summary>The data logger: its rate, noise, quantization, drift and glitches inside the rows.</summary>
public class DataLoggerTests
{
    /// <summary>Flat loop (high β, no pump): the physics pressure and temperature are constant.</summary>
    private static Scenario Flat(double durationS) => new()
    {
        DurationS = durationS,
        Orbit = new OrbitSettings { BetaDeg = PiecewiseLinear.Constant(80.0) },
        Pump = new PumpSettings { InitiallyRunning = false },
    };

    private static readonly SimSample FlatTruth = Simulation.RunPhysics(Flat(1)).First();

    private static LoggerRow[] Record(Scenario scenario, LoggerSettings logger, ulong seed = 5) =>
        [.. LoggerRecording.Run(scenario, logger, seed)];

    private static (double Mean, double Sigma) Stats(IEnumerable<double> values)
    {
        double[] v = [.. values];
        double mean = v.Average();
        return (mean, Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / (v.Length - 1)));
    }

    [Fact]
    public void HalfHertzLogger_WritesRowsTwoSecondsApartWithItsNoise()
    {
        LoggerRow[] rows = Record(Flat(40_000), new LoggerSettings { PeriodMs = 2000, PressureNoiseKpa = 0.3, TempNoiseC = 0.05 });

        Assert.Equal(20_000, rows.Length);
        Assert.All(rows.Zip(rows.Skip(1)), pair => Assert.Equal(2.0, pair.Second.TimeS - pair.First.TimeS, 1e-9));
        (double pressureMean, double pressureSigma) = Stats(rows.Select(r => r.PressureKpa));
        (double tempMean, double tempSigma) = Stats(rows.Select(r => r.TempC));
        Assert.Equal(0.3, pressureSigma, 0.3 * 0.03);
        Assert.Equal(FlatTruth.PressureKpa, pressureMean, 0.01);
        Assert.Equal(0.05, tempSigma, 0.05 * 0.03);
        Assert.Equal(FlatTruth.TempC, tempMean, 0.002);
    }

    [Theory]
    [InlineData(1000, 10.0)]
    [InlineData(200, 2.0)]
    public void ColouredNoise_HasItsVarianceAndFirstOrderCorrelation(int periodMs, double timeConstantS)
    {
        var logger = new LoggerSettings
        {
            PeriodMs = periodMs, PressureNoiseKpa = 0.5, PressureNoiseColouredFraction = 1.0, PressureNoiseTimeConstantS = timeConstantS,
        };
        double[] noise = [.. Record(Flat(periodMs * 40.0), logger).Select(r => r.PressureKpa - FlatTruth.PressureKpa)];

        double variance = noise.Average(x => x * x);
        double lagOne = noise.Zip(noise.Skip(1)).Average(p => p.First * p.Second) / variance;

        Assert.Equal(0.25, variance, 0.25 * 0.15);
        Assert.Equal(Math.Exp(-periodMs / 1000.0 / timeConstantS), lagOne, 0.02);
    }

    [Fact]
    public void WhiteAndColouredParts_SplitTheVarianceAsConfigured()
    {
        var logger = new LoggerSettings
        {
            PeriodMs = 1000, PressureNoiseKpa = 0.4, PressureNoiseColouredFraction = 0.5, PressureNoiseTimeConstantS = 20.0,
        };
        double[] noise = [.. Record(Flat(100_000), logger).Select(r => r.PressureKpa - FlatTruth.PressureKpa)];

        double variance = noise.Average(x => x * x);
        double lagOne = noise.Zip(noise.Skip(1)).Average(p => p.First * p.Second) / variance;

        // Only the coloured half correlates: ρ₁ = ½·e^(−1/20).
        Assert.Equal(0.16, variance, 0.16 * 0.1);
        Assert.Equal(0.5 * Math.Exp(-1.0 / 20.0), lagOne, 0.03);
    }

    [Fact]
    public void Quantization_WritesWholeSteps()
    {
        LoggerRow[] rows = Record(new Scenario { DurationS = 6000 }, new LoggerSettings { PressureStepKpa = 0.5, TempStepC = 0.125, PressureNoiseKpa = 0.2 });

        Assert.All(rows, r =>
        {
            Assert.Equal(Math.Round(r.PressureKpa / 0.5), r.PressureKpa / 0.5, 1e-9);
            Assert.Equal(Math.Round(r.TempC / 0.125), r.TempC / 0.125, 1e-9);
        });
        Assert.True(rows.Select(r => r.PressureKpa).Distinct().Count() > 5);
    }

    [Fact]
    public void Drift_AddsItsSlopeToThePressureOnly()
    {
        Scenario scenario = Flat(86_400);
        LoggerRow[] rows = Record(scenario, new LoggerSettings { PeriodMs = 5000, PressureDriftKpaPerDay = -0.8 });
        SimSample[] truth = [.. Simulation.RunPhysics(scenario).Where(s => s.Index % 50 == 0)];

        Assert.Equal(truth.Length, rows.Length);
        Assert.All(rows.Zip(truth), pair =>
        {
            Assert.Equal(pair.Second.PressureKpa - (0.8 * pair.First.TimeS / 86_400), pair.First.PressureKpa, 1e-9);
            Assert.Equal(pair.Second.TempC, pair.First.TempC);
        });
    }

    [Fact]
    public void Glitch_ReplacesTheFirstRowAtOrAfterItsTime_EvenBelowVacuum()
    {
        var glitches = new[]
        {
            new LoggerGlitch(100.05, LoggerChannel.Pressure, GlitchKind.BelowRange, -42.0),
            new LoggerGlitch(300.0, LoggerChannel.Temperature, GlitchKind.AboveRange, 150.0),
        };
        var settings = new LoggerSettings { PeriodMs = 1000, Glitches = glitches };
        var logger = new DataLogger(settings, 100, seed: 1);
        var rows = new List<LoggerRow>();
        foreach (SimSample sample in Simulation.RunPhysics(Flat(600)))
        {
            if (logger.TryRecord(sample, out LoggerRow row))
            {
                rows.Add(row);
            }
        }

        Assert.Equal(-42.0, rows.Single(r => r.TimeS == 101.0).PressureKpa);
        Assert.Equal(150.0, rows.Single(r => r.TimeS == 300.0).TempC);
        Assert.Equal(2, logger.GlitchesWritten);
        Assert.Equal(598, rows.Count(r => r.PressureKpa == FlatTruth.PressureKpa && r.TempC == FlatTruth.TempC));
    }

    [Fact]
    public void SameSeed_SameRows_OtherSeed_OtherRows()
    {
        var logger = new LoggerSettings { PeriodMs = 500, PressureNoiseKpa = 0.2, PressureNoiseColouredFraction = 0.3, TempNoiseC = 0.05 };
        var scenario = new Scenario { DurationS = 3600 };

        Assert.Equal(Record(scenario, logger, 9), Record(scenario, logger, 9));
        Assert.NotEqual(Record(scenario, logger, 9), Record(scenario, logger, 10));
    }

    [Fact]
    public void NoiseBeforeALeak_IsTheHealthyTwinsNoise()
    {
        var logger = new LoggerSettings { PeriodMs = 1000, PressureNoiseKpa = 0.2, PressureStepKpa = 0.01, TempNoiseC = 0.02 };
        var healthy = new Scenario { DurationS = 7200 };
        Scenario leaking = healthy with { Leak = new LeakSettings { Steps = [new LeakStep(3600, 0.5)] } };

        LoggerRow[] twin = Record(healthy, logger);
        LoggerRow[] leak = Record(leaking, logger);

        Assert.Equal(twin.Where(r => r.TimeS <= 3600), leak.Where(r => r.TimeS <= 3600));
        Assert.True(leak[^1].PressureKpa < twin[^1].PressureKpa - 50);
    }

    [Fact]
    public void IdealLogger_WritesThePhysicsExactly()
    {
        var scenario = new Scenario { DurationS = 600 };

        LoggerRow[] rows = Record(scenario, new LoggerSettings());

        Assert.Equal(
            Simulation.RunPhysics(scenario).Select(s => new LoggerRow(s.TimeS, s.PressureKpa, s.TempC)), rows);
    }

    [Theory]
    [InlineData(150, "PeriodMs")]
    [InlineData(50, "PeriodMs")]
    public void PeriodThatIsNotAWholeNumberOfPhysicsPeriods_IsRejectedByName(int periodMs, string name)
    {
        var error = Assert.Throws<ArgumentException>(() => LoggerRecording.Run(new Scenario(), new LoggerSettings { PeriodMs = periodMs }, 1));

        Assert.Contains(name, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Quantize_RoundsHalfAwayFromZero_AndZeroStepIsNone()
    {
        Assert.Equal(1.5, DataLogger.Quantize(1.25, 0.5));
        Assert.Equal(-1.5, DataLogger.Quantize(-1.25, 0.5));
        Assert.Equal(1.2345, DataLogger.Quantize(1.2345, 0.0));
    }
}
