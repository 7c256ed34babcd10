using ThermalMonitor.Core.Acquisition;
using ThermalMonitor.Core.Alarms;
using ThermalMonitor.Core.Config;
using ThermalMonitor.Core.Conversion;
using ThermalMonitor.Core.Detection;
using ThermalMonitor.Core.FixedPoint;
using ThermalMonitor.Core.Validation;

namespace ThermalMonitor.Core.Monitoring
{
    /// <summary>
    /// The portable firmware core's single entry point: <see cref="Step"/> takes one cycle's raw
    /// counts and timestamp and runs acquire → convert → validate → detect → alarm, leaving events
    /// in the queue and a telemetry snapshot. Commands (configure, acknowledge, reset) are separate
    /// calls the link makes between steps, never in the middle of a sample (DESIGN.md §10).
    /// Everything is allocated in the constructor; <see cref="Step"/> allocates nothing.
    /// </summary>
    public sealed class LeakMonitor
    {
        private readonly MonitorConfig activeConfig = new MonitorConfig();
        private readonly AdcCalibration calibration = new AdcCalibration();
        private readonly PressureTransducer transducer = new PressureTransducer();
        private readonly NtcThermistorTable ntc = new NtcThermistorTable();
        private readonly BurstReducer[] reducers = new BurstReducer[Channels.Count];
        private readonly ChannelValidator[] validators = new ChannelValidator[Channels.Count];
        private readonly bool[] wasFaulted = new bool[Channels.Count];
        private readonly FaultReason[] lastFaultReasons = new FaultReason[Channels.Count];
        private readonly LeakDetector detector = new LeakDetector();
        private readonly EventQueue events = new EventQueue();
        private readonly AlarmTable alarms;
        private readonly EventThrottle throttle = new EventThrottle();
        private readonly MonitorTelemetry telemetry = new MonitorTelemetry();

        private DerivedSettings activeDerived = new DerivedSettings();
        private DerivedSettings stagingDerived = new DerivedSettings();

        private long lastTimestampMs;
        private bool hasTimestamp;
        private int lastAcceptedSupplyMicrovolts;
        private int invariantsReported;

        /// <summary>Starts with the default (bench hardware) configuration.</summary>
        public LeakMonitor()
            : this(new MonitorConfig())
        {
        }

        /// <summary>Starts with <paramref name="initialConfig"/>; an invalid one is a programming error.</summary>
        public LeakMonitor(MonitorConfig initialConfig)
        {
            alarms = new AlarmTable(events);

            // The reducers run one after the other: one sort buffer serves all three (wide bursts only).
            int[] sortScratch = new int[Channels.BurstLengthMax];
            for (int channel = 0; channel < Channels.Count; channel++)
            {
                reducers[channel] = new BurstReducer(sortScratch);
                validators[channel] = new ChannelValidator();
            }

            ConfigErrors errors = new ConfigErrors();
            if (!ConfigValidator.Validate(initialConfig, errors, stagingDerived))
            {
                throw new System.ArgumentException("initial configuration is invalid: " + errors[0].ToString());
            }

            Apply(initialConfig);
        }

        public MonitorTelemetry Telemetry => telemetry;

        public AlarmTable Alarms => alarms;

        public EventQueue Events => events;

        public DerivedSettings Derived => activeDerived;

        public LeakDetector Detector => detector;

        public NtcThermistorTable Ntc => ntc;

        public bool HasInvariantFailure => telemetry.InvariantFailures > 0;

        /// <summary>Copies the configuration in force into <paramref name="target"/>.</summary>
        public void CopyConfigTo(MonitorConfig target) => target.CopyFrom(activeConfig);

        /// <summary>
        /// Validates <paramref name="candidate"/> completely and applies it only if it has no error;
        /// otherwise <paramref name="errors"/> lists every bad field and nothing changes. Applying
        /// restarts learning (the old model may not fit the new scaling) but keeps latched alarms.
        /// </summary>
        public bool Configure(MonitorConfig candidate, ConfigErrors errors, long timeMs)
        {
            if (!ConfigValidator.Validate(candidate, errors, stagingDerived))
            {
                events.Enqueue(EventId.ConfigRejected, MonitorDictionary.EventSeverity(EventId.ConfigRejected), timeMs, AlarmType.None, ChannelId.Pressure, 0, 0, errors.Count);
                return false;
            }

            Apply(candidate);
            events.Enqueue(EventId.ConfigChanged, MonitorDictionary.EventSeverity(EventId.ConfigChanged), timeMs, AlarmType.None, ChannelId.Pressure, 0, 0, 0);
            return true;
        }

        /// <summary>
        /// Back to the state of a monitor just constructed with the configuration in force: no
        /// alarms, empty queue, sequence numbers from 1, nothing learned, no time base. Used when a
        /// board switches between live sampling and replay, so a replay starts exactly like SIL.
        /// </summary>
        public void Restart()
        {
            alarms.Reset();
            events.Reset();
            throttle.Reset();
            telemetry.Reset();
            for (int channel = 0; channel < Channels.Count; channel++)
            {
                validators[channel].Restart();
                wasFaulted[channel] = false;
                lastFaultReasons[channel] = FaultReason.None;
            }

            detector.Reset();
            hasTimestamp = false;
            lastTimestampMs = 0;
            lastAcceptedSupplyMicrovolts = activeConfig.Get(ParamId.SupplyNominalMicrovolts);
            invariantsReported = 0;
        }

        /// <summary>Forgets what the detector learned (model, CUSUM, windows); alarms stay latched.</summary>
        public void ResetDetector(long timeMs)
        {
            detector.Reset();
            events.Enqueue(EventId.DetectorReset, MonitorDictionary.EventSeverity(EventId.DetectorReset), timeMs, AlarmType.None, ChannelId.Pressure, 0, 0, 0);
        }

        public AckResult Acknowledge(int alarmSequence, long timeMs) => alarms.Acknowledge(alarmSequence, timeMs);

        public int AcknowledgeAll(long timeMs) => alarms.AcknowledgeAll(timeMs);

        public bool TryDequeueEvent(MonitorEvent into) => events.TryDequeue(into);

        /// <summary>Lets the board layer report its own events (boot, loop overrun) through the same queue.</summary>
        public void ReportBoardEvent(EventId id, long timeMs, int code, int value)
        {
            if (throttle.Allow(id, timeMs))
            {
                events.Enqueue(id, MonitorDictionary.EventSeverity(id), timeMs, AlarmType.None, ChannelId.Pressure, 0, code, value);
            }
            else
            {
                telemetry.SuppressedEvents = throttle.SuppressedTotal;
            }
        }

        /// <summary>One sampling cycle. Allocation-free and bounded.</summary>
        public void Step(RawSample sample)
        {
            long timeMs = sample.TimestampMs;
            if (hasTimestamp && timeMs <= lastTimestampMs)
            {
                telemetry.DiscardedSamples++;
                EmitThrottled(EventId.TimeNotIncreasing, timeMs, ChannelId.Pressure, 0, FixedMath.SaturateToInt(timeMs - lastTimestampMs));
                return;
            }

            if (hasTimestamp && timeMs - lastTimestampMs > activeDerived.SampleGapMs)
            {
                EmitThrottled(EventId.SampleGap, timeMs, ChannelId.Pressure, 0, FixedMath.SaturateToInt(timeMs - lastTimestampMs));
                detector.RestartRateWindow();
            }

            lastTimestampMs = timeMs;
            hasTimestamp = true;
            telemetry.SampleCount++;
            telemetry.TimestampMs = timeMs;

            int supplyMicrovolts = AcquireSupply(sample);
            int pressurePa = AcquirePressure(sample, supplyMicrovolts);
            int tempMilliC = AcquireTemperature(sample);
            ReportChannelTransitions(timeMs);

            bool pressureAccepted = telemetry.IsAccepted(ChannelId.Pressure);
            bool tempAccepted = telemetry.IsAccepted(ChannelId.Temperature);
            detector.Update(pressureAccepted, pressurePa, tempAccepted, tempMilliC);
            if (detector.ModelJustBecameReady)
            {
                events.Enqueue(EventId.ModelReady, MonitorDictionary.EventSeverity(EventId.ModelReady), timeMs, AlarmType.None, ChannelId.Pressure, 0, 0, 0);
            }

            UpdateAlarms(pressurePa, tempMilliC, timeMs);
            UpdateTelemetry(supplyMicrovolts, pressurePa, tempMilliC);
            CheckInvariants(timeMs);
        }

        private void Apply(MonitorConfig config)
        {
            DerivedSettings previous = activeDerived;
            activeDerived = stagingDerived;
            stagingDerived = previous;
            activeConfig.CopyFrom(config);

            calibration.Load(activeConfig.AdcCalCounts, activeConfig.AdcCalMicrovolts, activeConfig.Get(ParamId.AdcCalKnotCount));
            transducer.Configure(activeConfig.Get(ParamId.PressureDividerPpm), activeConfig.Get(ParamId.PressureZeroPpm), activeConfig.Get(ParamId.PressureSpanPpm),
                activeConfig.Get(ParamId.PressureFullScalePa), activeConfig.Get(ParamId.PressureZeroOffsetPa));
            ntc.Build((NtcModel)activeConfig.Get(ParamId.NtcModel), activeConfig.Get(ParamId.NtcSeriesOhm), activeConfig.Get(ParamId.NtcR25Ohm), activeConfig.Get(ParamId.NtcBetaK),
                activeConfig.Get(ParamId.NtcShAPico), activeConfig.Get(ParamId.NtcShBPico), activeConfig.Get(ParamId.NtcShCPico), activeConfig.Get(ParamId.NtcSupplyMicrovolts));
            validators[(int)ChannelId.Pressure].Configure(activeDerived.PressureLimits);
            validators[(int)ChannelId.Temperature].Configure(activeDerived.TempLimits);
            validators[(int)ChannelId.Supply].Configure(activeDerived.SupplyLimits);
            for (int channel = 0; channel < Channels.Count; channel++)
            {
                validators[channel].ResetHistory();
            }

            detector.Configure(activeDerived);
            lastAcceptedSupplyMicrovolts = activeConfig.Get(ParamId.SupplyNominalMicrovolts);
        }

        /// <summary>Reduces and calibrates one channel's burst; false if the read failed.</summary>
        private bool ReduceToPin(RawSample sample, ChannelId channel)
        {
            int index = (int)channel;
            BurstReducer reducer = reducers[index];
            bool readOk = sample.Status(channel) == ReadStatus.Ok
                && sample.ReadCount(channel) == activeDerived.BurstLength
                && reducer.Reduce(sample.ReadsCounts(channel), sample.ReadCount(channel), activeDerived.BurstTrimEachSide, activeDerived.BurstOutlierBandCounts);
            if (readOk)
            {
                telemetry.CountsQ8[index] = reducer.CountsQ8;
                telemetry.SpreadCounts[index] = reducer.SpreadCounts;
                telemetry.RejectedReads[index] = reducer.RejectedCount;
                telemetry.PinMicrovolts[index] = calibration.ToMicrovolts(reducer.CountsQ8);
            }

            return readOk;
        }

        private int AcquireSupply(RawSample sample)
        {
            int nominal = activeConfig.Get(ParamId.SupplyNominalMicrovolts);
            int index = (int)ChannelId.Supply;
            if (!activeDerived.SupplyChannelEnabled)
            {
                telemetry.Outcomes[index] = ValidationOutcome.Accepted;
                telemetry.FaultReasons[index] = FaultReason.None;
                return nominal;
            }

            bool readOk = ReduceToPin(sample, ChannelId.Supply);
            int supplyMicrovolts = readOk ? VoltageDivider.SourceMicrovolts(telemetry.PinMicrovolts[index], activeConfig.Get(ParamId.SupplyDividerPpm)) : 0;
            int bandPpm = readOk ? FixedMath.SaturateToInt(FixedMath.DivRound((long)supplyMicrovolts * VoltageDivider.PpmOne, nominal)) : 0;
            ValidationOutcome outcome = validators[index].Validate(readOk, bandPpm, supplyMicrovolts, telemetry.CountsQ8[index], telemetry.SpreadCounts[index]);
            telemetry.Outcomes[index] = outcome;
            telemetry.FaultReasons[index] = validators[index].FaultReason;
            if (outcome == ValidationOutcome.Accepted)
            {
                lastAcceptedSupplyMicrovolts = supplyMicrovolts;
            }
            else if (outcome == ValidationOutcome.ChannelFaulted)
            {
                // A broken rail measurement must not blind the leak detector: fall back to nominal.
                lastAcceptedSupplyMicrovolts = nominal;
            }

            return lastAcceptedSupplyMicrovolts;
        }

        private int AcquirePressure(RawSample sample, int supplyMicrovolts)
        {
            int index = (int)ChannelId.Pressure;
            bool readOk = ReduceToPin(sample, ChannelId.Pressure);
            int pressurePa = 0;
            int bandPpm = 0;
            if (readOk)
            {
                long ratioPpb = transducer.OutputRatioPpb(telemetry.PinMicrovolts[index], supplyMicrovolts);
                pressurePa = transducer.PressurePa(ratioPpb);
                bandPpm = FixedMath.SaturateToInt(FixedMath.DivRound(ratioPpb, 1000));
            }

            ValidationOutcome outcome = validators[index].Validate(readOk, bandPpm, pressurePa, telemetry.CountsQ8[index], telemetry.SpreadCounts[index]);
            telemetry.Outcomes[index] = outcome;
            telemetry.FaultReasons[index] = validators[index].FaultReason;
            return pressurePa;
        }

        private int AcquireTemperature(RawSample sample)
        {
            int index = (int)ChannelId.Temperature;
            bool readOk = ReduceToPin(sample, ChannelId.Temperature);
            int tempMilliC = 0;
            int bandPpm = 0;
            if (readOk)
            {
                int pinMicrovolts = telemetry.PinMicrovolts[index];
                tempMilliC = ntc.TempMilliC(ntc.RatioQ20(pinMicrovolts));
                bandPpm = FixedMath.SaturateToInt(FixedMath.DivRound((long)pinMicrovolts * VoltageDivider.PpmOne, ntc.SupplyMicrovolts));
            }

            ValidationOutcome outcome = validators[index].Validate(readOk, bandPpm, tempMilliC, telemetry.CountsQ8[index], telemetry.SpreadCounts[index]);
            telemetry.Outcomes[index] = outcome;
            telemetry.FaultReasons[index] = validators[index].FaultReason;
            return tempMilliC;
        }

        private void ReportChannelTransitions(long timeMs)
        {
            for (int index = 0; index < Channels.Count; index++)
            {
                ChannelValidator validator = validators[index];
                ChannelId channel = (ChannelId)index;
                if (validator.LastGlitchSamples > 0)
                {
                    telemetry.GlitchesRejected++;
                    EmitThrottled(EventId.GlitchRejected, timeMs, channel, (int)validator.LastGlitchReason, validator.LastGlitchSamples);
                }

                if (validator.IsFaulted && !wasFaulted[index] && channel == ChannelId.Pressure)
                {
                    // The pressure history has a hole: rate-of-drop must start over once it is back.
                    detector.RestartRateWindow();
                }

                if (!validator.IsFaulted && wasFaulted[index])
                {
                    events.Enqueue(EventId.ChannelRecovered, MonitorDictionary.EventSeverity(EventId.ChannelRecovered), timeMs, AlarmType.None, channel, 0, (int)lastFaultReasons[index], 0);
                }

                wasFaulted[index] = validator.IsFaulted;
                lastFaultReasons[index] = validator.FaultReason;
            }
        }

        private void UpdateAlarms(int pressurePa, int tempMilliC, long timeMs)
        {
            alarms.Update(AlarmSlot.DepressurizationCaution, detector.DepressurizationCaution, (int)detector.DepressurizationCautionCause, pressurePa, timeMs);
            alarms.Update(AlarmSlot.DepressurizationWarning, detector.DepressurizationWarning, (int)detector.DepressurizationWarningCause, pressurePa, timeMs);
            alarms.Update(AlarmSlot.OvertempCaution, detector.OvertempCaution, (int)DetectionCause.YellowHighLimit, tempMilliC, timeMs);
            alarms.Update(AlarmSlot.OvertempWarning, detector.OvertempWarning, (int)DetectionCause.RedHighLimit, tempMilliC, timeMs);
            UpdateSensorFaultAlarm(AlarmSlot.SensorFaultPressure, ChannelId.Pressure, timeMs);
            UpdateSensorFaultAlarm(AlarmSlot.SensorFaultTemperature, ChannelId.Temperature, timeMs);
            UpdateSensorFaultAlarm(AlarmSlot.SensorFaultSupply, ChannelId.Supply, timeMs);
        }

        private void UpdateSensorFaultAlarm(AlarmSlot slot, ChannelId channel, long timeMs)
        {
            int index = (int)channel;
            alarms.Update(slot, validators[index].IsFaulted, (int)validators[index].FaultReason, telemetry.PinMicrovolts[index], timeMs);
        }

        private void UpdateTelemetry(int supplyMicrovolts, int pressurePa, int tempMilliC)
        {
            telemetry.SupplyMicrovolts = supplyMicrovolts;
            telemetry.PressurePa = pressurePa;
            telemetry.TempMilliC = tempMilliC;
            telemetry.HasResidual = detector.HasResidual;
            telemetry.ResidualPa = detector.ResidualPa;
            telemetry.PredictedPa = detector.PredictedPa;
            telemetry.CusumPermille = detector.Bank.StatisticPermille;
            telemetry.NoiseSigmaPa = detector.NoiseSigmaPa;
            telemetry.RateDropPa = detector.RateOfDrop.DropPa;
            telemetry.ModelReady = detector.Model.IsReady;
            telemetry.ModelSlopeQ16 = detector.Model.SlopeQ16;
            telemetry.SuppressedEvents = throttle.SuppressedTotal;
        }

        private void CheckInvariants(long timeMs)
        {
            Check(telemetry.CountsQ8[(int)ChannelId.Pressure] >= 0 && telemetry.CountsQ8[(int)ChannelId.Pressure] <= Channels.AdcCountsMax * 256, InvariantId.ReducedCountsInRange, timeMs);
            Check(detector.Bank.WithinBounds, InvariantId.CusumWithinBounds, timeMs);
            Check(events.Count <= EventQueue.Capacity, InvariantId.EventQueueWithinCapacity, timeMs);
            Check(telemetry.TempMilliC >= NtcThermistorTable.TempMinMilliC && telemetry.TempMilliC <= NtcThermistorTable.TempMaxMilliC, InvariantId.TempWithinTable, timeMs);
        }

        private void Check(bool holds, InvariantId id, long timeMs)
        {
            if (holds)
            {
                return;
            }

            telemetry.InvariantFailures++;
            int bit = 1 << (int)id;
            if ((invariantsReported & bit) == 0)
            {
                invariantsReported |= bit;
                events.Enqueue(EventId.InvariantFailed, MonitorDictionary.EventSeverity(EventId.InvariantFailed), timeMs, AlarmType.None, ChannelId.Pressure, 0, (int)id, 0);
            }
        }

        private void EmitThrottled(EventId id, long timeMs, ChannelId channel, int code, int value)
        {
            if (throttle.Allow(id, timeMs))
            {
                events.Enqueue(id, MonitorDictionary.EventSeverity(id), timeMs, AlarmType.None, channel, 0, code, value);
            }
        }
    }
}
