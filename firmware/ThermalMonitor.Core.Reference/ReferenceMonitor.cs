using ThermalMonitor.Core.Acquisition;
using ThermalMonitor.Core.Alarms;
using ThermalMonitor.Core.Config;
using ThermalMonitor.Core.Conversion;
using ThermalMonitor.Core.Detection;
using ThermalMonitor.Core.Validation;

namespace ThermalMonitor.Core.Reference;

/// <summary>
/// Double-precision twin of <see cref="Monitoring.LeakMonitor"/>: same inputs (raw counts and
/// timestamps), same step order, its own alarm latch; real-valued numerics everywhere the firmware
/// uses fixed point.
/// </summary>
public sealed class ReferenceMonitor
{
    private readonly ReferenceSettings settings;
    private readonly ReferenceConversion conversion;
    private readonly ReferenceValidator[] validators;
    private readonly ReferenceDetector detector;
    private readonly ReferenceAlarmLatch alarms = new();
    private readonly double[] meanCounts = new double[Channels.Count];
    private readonly int[] spreads = new int[Channels.Count];
    private readonly double[] pinMicrovolts = new double[Channels.Count];
    private readonly ValidationOutcome[] outcomes = new ValidationOutcome[Channels.Count];
    private double lastAcceptedSupply;
    private long lastTimestampMs = long.MinValue;
    private bool pressureWasFaulted;

    public ReferenceMonitor(MonitorConfig config)
    {
        var derived = new DerivedSettings();
        var errors = new ConfigErrors();
        if (!ConfigValidator.Validate(config, errors, derived))
        {
            throw new ArgumentException("invalid configuration: " + errors[0]);
        }

        var copy = new MonitorConfig();
        copy.CopyFrom(config);
        settings = new ReferenceSettings(copy, derived);
        conversion = new ReferenceConversion(copy);
        validators =
        [
            new ReferenceValidator(derived.PressureLimits, settings.PressureSlewPerSample, settings.NoisyRecoverSpreadCounts),
            new ReferenceValidator(derived.TempLimits, settings.TempSlewPerSample, settings.NoisyRecoverSpreadCounts),
            new ReferenceValidator(derived.SupplyLimits, settings.SupplySlewPerSample, settings.NoisyRecoverSpreadCounts),
        ];
        detector = new ReferenceDetector(settings);
        lastAcceptedSupply = copy.Get(ParamId.SupplyNominalMicrovolts);
    }

    public double PressurePa { get; private set; }

    public double TempMilliC { get; private set; }

    public ReferenceDetector Detector => detector;

    public bool TryDequeueEvent(MonitorEvent into) => alarms.TryDequeue(into);

    public void Step(RawSample sample)
    {
        long timeMs = sample.TimestampMs;
        if (lastTimestampMs != long.MinValue && timeMs <= lastTimestampMs)
        {
            return;
        }

        if (lastTimestampMs != long.MinValue && timeMs - lastTimestampMs > settings.Derived.SampleGapMs)
        {
            detector.RestartRateWindow();
        }

        lastTimestampMs = timeMs;
        double supply = AcquireSupply(sample);

        bool pressureRead = Reduce(sample, ChannelId.Pressure);
        double ratio = pressureRead ? conversion.PressureRatio(pinMicrovolts[0], supply) : 0;
        PressurePa = pressureRead ? conversion.PressurePa(ratio) : 0;
        outcomes[0] = validators[0].Validate(pressureRead, ratio * 1e6, PressurePa, meanCounts[0], spreads[0]);

        bool tempRead = Reduce(sample, ChannelId.Temperature);
        double ntcRatio = tempRead ? conversion.NtcRatio(pinMicrovolts[1]) : 0;
        TempMilliC = tempRead ? conversion.TempMilliC(ntcRatio) : 0;
        outcomes[1] = validators[1].Validate(tempRead, ntcRatio * 1e6, TempMilliC, meanCounts[1], spreads[1]);

        if (validators[0].IsFaulted && !pressureWasFaulted)
        {
            detector.RestartRateWindow();
        }

        pressureWasFaulted = validators[0].IsFaulted;
        detector.Update(outcomes[0] == ValidationOutcome.Accepted, PressurePa, outcomes[1] == ValidationOutcome.Accepted, TempMilliC);

        alarms.Update(AlarmSlot.DepressurizationCaution, detector.DepressurizationCaution, (int)detector.DepressurizationCautionCause, (int)PressurePa, timeMs);
        alarms.Update(AlarmSlot.DepressurizationWarning, detector.DepressurizationWarning, (int)detector.DepressurizationWarningCause, (int)PressurePa, timeMs);
        alarms.Update(AlarmSlot.OvertempCaution, detector.OvertempCaution, (int)DetectionCause.YellowHighLimit, (int)TempMilliC, timeMs);
        alarms.Update(AlarmSlot.OvertempWarning, detector.OvertempWarning, (int)DetectionCause.RedHighLimit, (int)TempMilliC, timeMs);
        alarms.Update(AlarmSlot.SensorFaultPressure, validators[0].IsFaulted, (int)validators[0].FaultReason, 0, timeMs);
        alarms.Update(AlarmSlot.SensorFaultTemperature, validators[1].IsFaulted, (int)validators[1].FaultReason, 0, timeMs);
        alarms.Update(AlarmSlot.SensorFaultSupply, validators[2].IsFaulted, (int)validators[2].FaultReason, 0, timeMs);
    }

    private double AcquireSupply(RawSample sample)
    {
        double nominal = settings.Get(ParamId.SupplyNominalMicrovolts);
        if (!settings.Derived.SupplyChannelEnabled)
        {
            return nominal;
        }

        bool read = Reduce(sample, ChannelId.Supply);
        double supply = read ? conversion.SupplyMicrovolts(pinMicrovolts[2]) : 0;
        outcomes[2] = validators[2].Validate(read, supply * VoltageDivider.PpmOne / nominal, supply, meanCounts[2], spreads[2]);
        if (outcomes[2] == ValidationOutcome.Accepted)
        {
            lastAcceptedSupply = supply;
        }
        else if (outcomes[2] == ValidationOutcome.ChannelFaulted)
        {
            lastAcceptedSupply = nominal;
        }

        return lastAcceptedSupply;
    }

    private bool Reduce(RawSample sample, ChannelId channel)
    {
        int index = (int)channel;
        DerivedSettings d = settings.Derived;
        bool ok = sample.Status(channel) == ReadStatus.Ok
            && sample.ReadCount(channel) == d.BurstLength
            && ReferenceConversion.Reduce(sample.ReadsCounts(channel), sample.ReadCount(channel), d.BurstTrimEachSide, d.BurstOutlierBandCounts, out meanCounts[index], out spreads[index], out _);
        if (ok)
        {
            pinMicrovolts[index] = conversion.PinMicrovolts(meanCounts[index]);
        }

        return ok;
    }
}
