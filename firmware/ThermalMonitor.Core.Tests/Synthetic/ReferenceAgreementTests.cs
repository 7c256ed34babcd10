using ThermalMonitor.Core.Alarms;
using ThermalMonitor.Sim;
using Xunit.Abstractions;

namespace ThermalMonitor.Core.Tests.Synthetic;

/// <summary>
/// The fixed-point pipeline against its double-precision reference on every synthetic case: the
/// same readings within the fixed point's quantisation, the same alarms with the same causes,
/// raised and cleared within one sample of each other — and each case's expected outcome.
/// </summary>
public class ReferenceAgreementTests(ITestOutputHelper output)
{
    /// <summary>
    /// Largest |fixed − reference| pressure, Pa, from the default configuration's quantisation
    /// (Conversion/*.cs), where the reference rounds nothing. At the pin: the burst mean rounded to
    /// 1/256 count (≤ 1/512 count × 844 µV/count on the calibration's steeper segment = 1.65 µV),
    /// the Q20 calibration slope (≤ 0.33 µV across a segment) and the µV result (0.5 µV): 2.5 µV.
    /// The 1:2 divider doubles it and rounds again: 5.5 µV of transducer output, 1.1 ppm of the
    /// 5 V supply. The supply's own 2.5 µV (×3 behind its divider, +0.5 µV) moves the ratio by
    /// 1.6 ppm of itself, and the ratio is below 0.6 up to 300 kPa: 1 ppm. 2.1 ppm × 500 kPa full
    /// scale / 0.8 span = 1.3 Pa, plus 0.5 Pa for the rounding to whole Pa: 1.8 Pa.
    /// </summary>
    public const double PressureAgreementMaxPa = 2.0;

    /// <summary>
    /// Largest |fixed − reference| temperature, milli-°C. The table against the exact beta curve:
    /// within 0.6 m°C from −20 to 100 °C, its output rounding included
    /// (<c>NtcThermistorTableTests.Table_interpolation_tracks_the_exact_beta_curve</c>). The same
    /// 2.5 µV at the pin and half an LSB of the Q20 ratio are 1.2 ppm of the 3.3 V divider supply:
    /// 0.17 m°C at the ≤ 140 K per unit ratio of the 10 kΩ / β 3950 divider between 0 and 50 °C
    /// (the loop runs at 8–18 °C). 0.77 m°C.
    /// </summary>
    public const double TempAgreementMaxMilliC = 1.0;
    [Theory]
    [InlineData("nominal-eclipse")]
    [InlineData("nominal-high-beta")]
    public void Nominal_orbits_raise_nothing(string name)
    {
        var scenario = name == "nominal-eclipse" ? SyntheticCases.NominalEclipse() : SyntheticCases.NominalHighBeta();
        var replay = Replay(scenario);

        Assert.Empty(replay.Fixed.Occurrences);
        Assert.Empty(replay.Reference.Occurrences);
    }

    [Theory]
    [MemberData(nameof(SyntheticCases.Leaks), MemberType = typeof(SyntheticCases))]
    public void Leaks_raise_depressurization_after_onset_and_nothing_else(double diameterMm)
    {
        var replay = Replay(SyntheticCases.Leak(diameterMm), SyntheticCases.LeakOnsetS);
        long onsetSample = (long)(SyntheticCases.LeakOnsetS * 10);

        Assert.NotEmpty(replay.Fixed.Of(AlarmType.Depressurization));
        Assert.All(replay.Fixed.Occurrences, o => Assert.Equal(AlarmType.Depressurization, AlarmSlots.TypeOf(o.Slot)));
        Assert.All(replay.Fixed.Occurrences, o => Assert.True(o.RaisedSample > onsetSample, $"{o} before onset"));
    }

    [Fact]
    public void A_single_glitch_is_rejected_without_any_alarm()
    {
        var replay = Replay(SyntheticCases.Glitch());

        Assert.Empty(replay.Fixed.Occurrences);
        Assert.Equal(1, replay.Fixed.GlitchEvents);
    }

    [Theory]
    [MemberData(nameof(SyntheticCases.Faults), MemberType = typeof(SyntheticCases))]
    public void Sensor_faults_raise_sensor_fault_with_their_reason_and_never_a_leak(SensorChannel channel, FaultKind kind)
    {
        var replay = Replay(SyntheticCases.Fault(channel, kind));
        long faultStart = (long)(SyntheticCases.FaultStartS * 10);
        long faultEnd = (long)(SyntheticCases.FaultEndS * 10);

        var fault = Assert.Single(replay.Fixed.Occurrences);
        Assert.Equal(SyntheticCases.SensorFaultSlot(channel), fault.Slot);
        Assert.Equal((int)SyntheticCases.ExpectedReason(kind), fault.Code);
        Assert.InRange(fault.RaisedSample, faultStart, faultStart + 40);  // stuck needs its 3 s window
        Assert.InRange(fault.ClearedSample, faultEnd, faultEnd + 100);   // back after 5 s of good samples
    }

    private LockstepReplay Replay(Scenario scenario, double? leakOnsetS = null)
    {
        var replay = LockstepReplay.Run(scenario, SyntheticCases.Seed, leakOnsetS: leakOnsetS);
        foreach (var occurrence in replay.Fixed.Occurrences)
        {
            output.WriteLine($"fixed     {occurrence}");
        }

        foreach (var occurrence in replay.Reference.Occurrences)
        {
            output.WriteLine($"reference {occurrence}");
        }

        AssertSameReadings(replay);
        int largestDifference = AssertSameDecisions(replay);
        output.WriteLine($"{scenario.Name}: {replay.Fixed.Occurrences.Count} alarms in both pipelines, largest raise/clear time difference {largestDifference} samples");
        Assert.Equal(0, replay.InvariantFailures);
        return replay;
    }

    /// <summary>
    /// Both pipelines convert the same counts to the same pressure and temperature within the
    /// fixed point's quantisation, over most of the run (every case has at least its first 1.5 h
    /// healthy, so both channels are compared on more than half of its samples).
    /// </summary>
    internal static void AssertSameReadings(LockstepReplay replay)
    {
        string name = replay.Scenario.Name;
        Assert.True(replay.PressureSamplesCompared > replay.Samples / 2, $"{name}: pressure compared on {replay.PressureSamplesCompared} of {replay.Samples} samples");
        Assert.True(replay.TempSamplesCompared > replay.Samples / 2, $"{name}: temperature compared on {replay.TempSamplesCompared} of {replay.Samples} samples");
        Assert.True(replay.MaxPressureDifferencePa <= PressureAgreementMaxPa,
            $"{name}: fixed and reference pressure differ by up to {replay.MaxPressureDifferencePa:F2} Pa (at most {PressureAgreementMaxPa} Pa)");
        Assert.True(replay.MaxTempDifferenceMilliC <= TempAgreementMaxMilliC,
            $"{name}: fixed and reference temperature differ by up to {replay.MaxTempDifferenceMilliC:F3} m°C (at most {TempAgreementMaxMilliC} m°C)");
    }

    /// <summary>Same alarms, same causes, raise and clear within one sample; returns the largest difference.</summary>
    internal static int AssertSameDecisions(LockstepReplay replay)
    {
        long largest = 0;
        var fixedAlarms = replay.Fixed.Occurrences;
        var referenceAlarms = replay.Reference.Occurrences;
        Assert.True(fixedAlarms.Count == referenceAlarms.Count,
            $"{replay.Scenario.Name}: fixed raised {fixedAlarms.Count}, reference {referenceAlarms.Count}: [{string.Join("; ", fixedAlarms)}] vs [{string.Join("; ", referenceAlarms)}]");
        for (int i = 0; i < fixedAlarms.Count; i++)
        {
            AlarmOccurrence f = fixedAlarms[i];
            AlarmOccurrence r = referenceAlarms[i];
            Assert.Equal(r.Slot, f.Slot);
            Assert.Equal(r.Code, f.Code);
            Assert.InRange(f.RaisedSample - r.RaisedSample, -1, 1);
            Assert.Equal(r.ClearedSample < 0, f.ClearedSample < 0);
            largest = Math.Max(largest, Math.Abs(f.RaisedSample - r.RaisedSample));
            if (f.ClearedSample >= 0)
            {
                Assert.InRange(f.ClearedSample - r.ClearedSample, -1, 1);
                largest = Math.Max(largest, Math.Abs(f.ClearedSample - r.ClearedSample));
            }
        }

        return (int)largest;
    }
}
