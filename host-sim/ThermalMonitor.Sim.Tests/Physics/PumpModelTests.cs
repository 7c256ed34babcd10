namespace ThermalMonitor.Sim.Tests;

public class PumpModelTests
{
    private static Scenario Flat(PumpSettings pump) => TestScenarios.Flat(60.0, TestScenarios.QuietAdc) with { Pump = pump };

    [Fact]
    public void SwitchTransients_SurgeOnStopDipOnStart_DecayingWith2SecondTimeConstant()
    {
        var pump = new PumpSettings
        {
            RippleAmplitudeKpa = 0.0,
            SwitchTransientKpa = 8.0,
            SwitchTransientTimeConstantS = 2.0,
            RunningSuctionDropKpa = 0.5,
            Switches = [new PumpSwitch(10.0, false), new PumpSwitch(40.0, true)],
        };
        SimSample[] samples = Simulation.RunPhysics(Flat(pump)).ToArray();
        double Offset(double timeS) => samples.At(timeS).PressureKpa - samples.At(timeS).Truth.LoopPressureKpa;

        Assert.Equal(-0.5, Offset(9.9), 9);             // running: suction drop only
        Assert.Equal(8.0, Offset(10.0), 6);             // stop: +8 kPa surge
        Assert.Equal(8.0 * Math.Exp(-1.0), Offset(12.0), 6);
        Assert.Equal(8.0 * Math.Exp(-15.0), Offset(40.0) + 8.0 + 0.5, 6); // start: −8 kPa dip plus drop
        Assert.Equal(-0.5 - (8.0 * Math.Exp(-5.0)), Offset(50.0), 6);
        Assert.False(samples.At(20.0).Truth.IsPumpRunning);
        Assert.True(samples.At(45.0).Truth.IsPumpRunning);
    }

    [Fact]
    public void Ripple_At1467Hz_AppearsAt33HzWithItsFullAmplitudeInThe10HzSamples()
    {
        SimSample[] samples = Simulation.RunPhysics(Flat(new PumpSettings())).ToArray();
        double[] ripple = samples.Select(s => s.PressureKpa - s.Truth.LoopPressureKpa + new PumpSettings().RunningSuctionDropKpa).ToArray();

        double AmplitudeAt(double frequencyHz)
        {
            double re = 0.0;
            double im = 0.0;
            for (int i = 0; i < ripple.Length; i++)
            {
                double phase = 2.0 * Math.PI * frequencyHz * samples[i].TimeS;
                re += ripple[i] * Math.Cos(phase);
                im += ripple[i] * Math.Sin(phase);
            }

            return 2.0 * Math.Sqrt((re * re) + (im * im)) / ripple.Length;
        }

        Assert.All(ripple, r => Assert.InRange(r, -0.3 - 1e-9, 0.3 + 1e-9));
        Assert.InRange(AmplitudeAt(3.3), 0.29, 0.31);
        Assert.InRange(AmplitudeAt(1.0), 0.0, 0.02);
        Assert.InRange(AmplitudeAt(0.0) / 2.0, 0.0, 0.02);
    }
}
