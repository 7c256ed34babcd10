using ThermalMonitor.Core.Alarms;
using ThermalMonitor.Sim;
using Xunit.Abstractions;

namespace ThermalMonitor.Core.Tests.Synthetic;

/// <summary>
/// The fixed-point pipeline against its double-precision reference on every synthetic case: the
/// same alarms with the same causes, raised and cleared within one sample of each other — and
/// each case's expected outcome.
/// </summary>
public class ReferenceAgreementTests(ITestOutputHelper output)
{
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

        int largestDifference = AssertSameDecisions(replay);
        output.WriteLine($"{scenario.Name}: {replay.Fixed.Occurrences.Count} alarms in both pipelines, largest raise/clear time difference {largestDifference} samples");
        Assert.Equal(0, replay.InvariantFailures);
        return replay;
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
