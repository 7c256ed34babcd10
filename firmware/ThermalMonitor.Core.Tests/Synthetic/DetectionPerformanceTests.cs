using ThermalMonitor.Core.Alarms;
using ThermalMonitor.Core.Config;
using ThermalMonitor.Core.Reference;
using ThermalMonitor.Stimulus;
using ThermalMonitor.Sim;
using Xunit.Abstractions;

namespace ThermalMonitor.Core.Tests.Synthetic;

/// <summary>
/// Detection delay per hole size next to the information bound (docs/physics.md §5.3/§5.5): the delay of
/// a clairvoyant CUSUM that knows the leak's pressure trajectory and the measurement noise (firmware
/// pressure minus the physics' pressure), at the configured false-alarm interval. The table this prints is the one in the README.
/// </summary>
public class DetectionPerformanceTests(ITestOutputHelper output)
{
    /// <summary>
    /// Where the clairvoyant needs 10 s or more, the detector must stay within twice its delay (the
    /// issue 9 target, here per case); where it needs less, within 5 s of it: every layer confirms
    /// for a few seconds before raising (the price of glitch and transient rejection), which the
    /// clairvoyant does not pay.
    /// </summary>
    private const double RatioMaxWhereBoundIsLong = 2.0;
    private const double LongBoundS = 10.0;
    private const double ExcessMaxWhereBoundIsShortS = 5.0;

    [Theory]
    [MemberData(nameof(SyntheticCases.Leaks), MemberType = typeof(SyntheticCases))]
    public void Every_leak_is_detected_close_to_its_information_bound(double diameterMm)
    {
        Scenario scenario = SyntheticCases.Leak(diameterMm);
        var replay = LockstepReplay.Run(scenario, SyntheticCases.Seed, leakOnsetS: SyntheticCases.LeakOnsetS);
        ReferenceAgreementTests.AssertSameReadings(replay);
        long onsetSample = (long)(SyntheticCases.LeakOnsetS * 1000 / scenario.OutputPeriodMs);
        AlarmOccurrence first = replay.Fixed.Of(AlarmType.Depressurization).OrderBy(o => o.RaisedSample).First();
        double delayS = (first.RaisedSample - onsetSample) / 10.0;

        double sigmaPa = replay.MeasurementErrorPa.StandardDeviation;
        IReadOnlyList<double> shiftPa = LeakTrajectory.PressureShiftPa(scenario, SyntheticCases.LeakOnsetS);
        var derived = new DerivedSettings();
        Assert.True(ConfigValidator.Validate(new MonitorConfig(), new ConfigErrors(), derived));
        int? boundSamples = InformationBound.DelaySamples(shiftPa, sigmaPa, derived.FalseAlarmIntervalSamples);

        Assert.NotNull(boundSamples);
        double boundS = boundSamples!.Value / 10.0;
        output.WriteLine(
            $"| {diameterMm} mm | {delayS:F1} s | {boundS:F1} s | {delayS / boundS:F2} | {Layer(first)} | {sigmaPa:F0} Pa |");

        Assert.True(delayS > 0, $"raised {delayS} s after onset");
        if (boundS >= LongBoundS)
        {
            Assert.InRange(delayS / boundS, 0, RatioMaxWhereBoundIsLong);
        }
        else
        {
            Assert.InRange(delayS - boundS, double.NegativeInfinity, ExcessMaxWhereBoundIsShortS);
        }
    }

    private static string Layer(AlarmOccurrence occurrence) =>
        $"{MonitorDictionary.AlarmTypeName(AlarmSlots.TypeOf(occurrence.Slot))} {MonitorDictionary.SeverityName(AlarmSlots.SeverityOf(occurrence.Slot))} ({MonitorDictionary.CauseName((Core.Detection.DetectionCause)occurrence.Code)})";
}
