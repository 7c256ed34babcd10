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
    /// calls the link makes between steps, never in the middle of a sample (docs/design.md §10).
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

        // The detector's parts the telemetry reads every sample, held here once: on the
        // nanoFramework interpreter each property read on the way to them is a method call.
        private readonly CusumBank bank;
        private readonly RateOfDropDetector rateOfDrop;
        private readonly ThermalModel model;

        private DerivedSettings activeDerived = new DerivedSettings();
        private DerivedSettings stagingDerived = new DerivedSettings();

        private long lastTimestampMs;
        private bool hasTimestamp;
        private int lastAcceptedSupplyMicrovolts;
        private int invariantsReported;

        // Configuration values read every sample, copied out of the configuration when it is applied.
        private int supplyNominalMicrovolts;
        private int supplyDividerPpm;

        /// <summary>Starts with the default (bench hardware) configuration.</summary>
        public LeakMonitor()
            : this(new MonitorConfig())
        {
        }

        /// <summary>Starts with <paramref name="initialConfig"/>; an invalid one is a programming error.</summary>
        public LeakMonitor(MonitorConfig initialConfig)
        {
            alarms = new AlarmTable(events);
            bank = detector.Bank;
            rateOfDrop = detector.RateOfDrop;
            model = detector.Model;

            // The reducers run one after the other: one histogram and one sort buffer serve all three.
            int[] sortScratch = new int[Channels.BurstLengthMax];
            byte[] histogramScratch = new byte[BurstReducer.HistogramBins];
            for (int channel = 0; channel < Channels.Count; channel++)
            {
                reducers[channel] = new BurstReducer(sortScratch, histogramScratch);
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

            ValidationOutcome[] outcomes = telemetry.Outcomes;
            bool pressureAccepted = outcomes[(int)ChannelId.Pressure] == ValidationOutcome.Accepted;
            bool tempAccepted = outcomes[(int)ChannelId.Temperature] == ValidationOutcome.Accepted;
            detector.Update(pressureAccepted, pressurePa, tempAccepted, tempMilliC);
            if (detector.modelJustBecameReady)
            {
                events.Enqueue(EventId.ModelReady, MonitorDictionary.EventSeverity(EventId.ModelReady), timeMs, AlarmType.None, ChannelId.Pressure, 0, 0, 0);
            }

            // Usually no condition changed and the table has nothing to do.
            if (ConditionMask() != alarms.presentMask)
            {
                UpdateAlarms(pressurePa, tempMilliC, timeMs);
            }

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
            supplyNominalMicrovolts = activeConfig.Get(ParamId.SupplyNominalMicrovolts);
            supplyDividerPpm = activeConfig.Get(ParamId.SupplyDividerPpm);
            lastAcceptedSupplyMicrovolts = supplyNominalMicrovolts;
        }

        /// <summary>Reduces and calibrates one channel's burst; false if the read failed.</summary>
        /// <remarks>
        /// Reads the sample's, the reducer's and the validator's fields directly (internal): on the
        /// nanoFramework interpreter each accessor would be a call, eight per channel per sample.
        /// </remarks>
        private bool ReduceToPin(RawSample sample, int index)
        {
            int[] reduced = sample.reduced;
            int reducedSlot = RawSample.ReducedInts * index;
            int reducedQ8 = reduced[reducedSlot];
            if (reducedQ8 >= 0)
            {
                // INJR: the host already ran this reducer with these settings (PROTOCOL.md §6).
                MonitorTelemetry reducedSnapshot = telemetry;
                reducedSnapshot.CountsQ8[index] = reducedQ8;
                reducedSnapshot.SpreadCounts[index] = reduced[reducedSlot + 1];
                reducedSnapshot.RejectedReads[index] = reduced[reducedSlot + 2];
                reducedSnapshot.PinMicrovolts[index] = calibration.ToMicrovolts(reducedQ8);
                return true;
            }

            BurstReducer reducer = reducers[index];
            DerivedSettings derived = activeDerived;
            int burstLength = derived.BurstLength;

            // The count must equal the burst length anyway.
            bool readOk = sample.status[index] == ReadStatus.Ok
                && sample.readCount[index] == burstLength
                && reducer.Reduce(sample.readsCounts[index], burstLength, derived.BurstTrimEachSide, derived.BurstOutlierBandCounts);
            if (readOk)
            {
                MonitorTelemetry snapshot = telemetry;
                int countsQ8 = reducer.countsQ8;
                snapshot.CountsQ8[index] = countsQ8;
                snapshot.SpreadCounts[index] = reducer.spreadCounts;
                snapshot.RejectedReads[index] = reducer.rejectedCount;
                snapshot.PinMicrovolts[index] = calibration.ToMicrovolts(countsQ8);
            }

            return readOk;
        }

        /// <summary>Validates one channel's value and records the outcome; returns the outcome.</summary>
        private ValidationOutcome ValidateChannel(int index, bool readOk, int bandPpm, int value)
        {
            MonitorTelemetry snapshot = telemetry;
            ChannelValidator validator = validators[index];
            ValidationOutcome outcome = validator.Validate(readOk, bandPpm, value, snapshot.CountsQ8[index], snapshot.SpreadCounts[index]);
            snapshot.Outcomes[index] = outcome;
            snapshot.FaultReasons[index] = validator.faultReason;
            return outcome;
        }

        private int AcquireSupply(RawSample sample)
        {
            int nominal = supplyNominalMicrovolts;
            const int index = (int)ChannelId.Supply;
            if (!activeDerived.SupplyChannelEnabled)
            {
                telemetry.Outcomes[index] = ValidationOutcome.Accepted;
                telemetry.FaultReasons[index] = FaultReason.None;
                return nominal;
            }

            bool readOk = ReduceToPin(sample, index);
            int supplyMicrovolts = 0;
            int bandPpm = 0;
            if (readOk)
            {
                supplyMicrovolts = VoltageDivider.SourceMicrovolts(telemetry.PinMicrovolts[index], supplyDividerPpm);
                bandPpm = FixedMath.SaturateToInt(FixedMath.DivRound((long)supplyMicrovolts * VoltageDivider.PpmOne, nominal));
            }

            ValidationOutcome outcome = ValidateChannel(index, readOk, bandPpm, supplyMicrovolts);
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
            const int index = (int)ChannelId.Pressure;
            bool readOk = ReduceToPin(sample, index);
            int pressurePa = 0;
            int bandPpm = 0;
            if (readOk)
            {
                long ratioPpb = transducer.OutputRatioPpb(telemetry.PinMicrovolts[index], supplyMicrovolts);
                pressurePa = transducer.PressurePa(ratioPpb);
                bandPpm = FixedMath.SaturateToInt(FixedMath.DivRound(ratioPpb, 1000));
            }

            ValidateChannel(index, readOk, bandPpm, pressurePa);
            return pressurePa;
        }

        private int AcquireTemperature(RawSample sample)
        {
            const int index = (int)ChannelId.Temperature;
            bool readOk = ReduceToPin(sample, index);
            int tempMilliC = 0;
            int bandPpm = 0;
            if (readOk)
            {
                int pinMicrovolts = telemetry.PinMicrovolts[index];
                tempMilliC = ntc.TempMilliC(ntc.RatioQ20(pinMicrovolts));
                bandPpm = FixedMath.SaturateToInt(FixedMath.DivRound((long)pinMicrovolts * VoltageDivider.PpmOne, ntc.SupplyMicrovolts));
            }

            ValidateChannel(index, readOk, bandPpm, tempMilliC);
            return tempMilliC;
        }

        private void ReportChannelTransitions(long timeMs)
        {
            for (int index = 0; index < Channels.Count; index++)
            {
                ChannelValidator validator = validators[index];
                int glitchSamples = validator.lastGlitchSamples;
                if (glitchSamples > 0)
                {
                    telemetry.GlitchesRejected++;
                    EmitThrottled(EventId.GlitchRejected, timeMs, (ChannelId)index, (int)validator.lastGlitchReason, glitchSamples);
                }

                bool faulted = validator.faulted;
                bool faultedBefore = wasFaulted[index];
                if (faulted != faultedBefore)
                {
                    if (faulted && index == (int)ChannelId.Pressure)
                    {
                        // The pressure history has a hole: rate-of-drop must start over once it is back.
                        detector.RestartRateWindow();
                    }

                    if (!faulted)
                    {
                        events.Enqueue(EventId.ChannelRecovered, MonitorDictionary.EventSeverity(EventId.ChannelRecovered), timeMs, AlarmType.None, (ChannelId)index, 0, (int)lastFaultReasons[index], 0);
                    }

                    wasFaulted[index] = faulted;
                }

                lastFaultReasons[index] = validator.faultReason;
            }
        }

        /// <summary>
        /// The seven alarm conditions as bits (bit = <see cref="AlarmSlot"/>): compared with the
        /// table's, it lets a sample in which no condition changed skip the seven updates.
        /// </summary>
        private int ConditionMask()
        {
            LeakDetector leak = detector;
            ChannelValidator[] channel = validators;
            int mask = leak.depressurizationCaution ? 1 << (int)AlarmSlot.DepressurizationCaution : 0;
            if (leak.depressurizationWarning)
            {
                mask |= 1 << (int)AlarmSlot.DepressurizationWarning;
            }

            if (leak.overtempCaution)
            {
                mask |= 1 << (int)AlarmSlot.OvertempCaution;
            }

            if (leak.overtempWarning)
            {
                mask |= 1 << (int)AlarmSlot.OvertempWarning;
            }

            if (channel[(int)ChannelId.Pressure].faulted)
            {
                mask |= 1 << (int)AlarmSlot.SensorFaultPressure;
            }

            if (channel[(int)ChannelId.Temperature].faulted)
            {
                mask |= 1 << (int)AlarmSlot.SensorFaultTemperature;
            }

            if (channel[(int)ChannelId.Supply].faulted)
            {
                mask |= 1 << (int)AlarmSlot.SensorFaultSupply;
            }

            return mask;
        }

        private void UpdateAlarms(int pressurePa, int tempMilliC, long timeMs)
        {
            LeakDetector leak = detector;
            alarms.Update(AlarmSlot.DepressurizationCaution, leak.depressurizationCaution, (int)leak.depressurizationCautionCause, pressurePa, timeMs);
            alarms.Update(AlarmSlot.DepressurizationWarning, leak.depressurizationWarning, (int)leak.depressurizationWarningCause, pressurePa, timeMs);
            alarms.Update(AlarmSlot.OvertempCaution, leak.overtempCaution, (int)DetectionCause.YellowHighLimit, tempMilliC, timeMs);
            alarms.Update(AlarmSlot.OvertempWarning, leak.overtempWarning, (int)DetectionCause.RedHighLimit, tempMilliC, timeMs);
            UpdateSensorFaultAlarm(AlarmSlot.SensorFaultPressure, ChannelId.Pressure, timeMs);
            UpdateSensorFaultAlarm(AlarmSlot.SensorFaultTemperature, ChannelId.Temperature, timeMs);
            UpdateSensorFaultAlarm(AlarmSlot.SensorFaultSupply, ChannelId.Supply, timeMs);
        }

        private void UpdateSensorFaultAlarm(AlarmSlot slot, ChannelId channel, long timeMs)
        {
            int index = (int)channel;
            ChannelValidator validator = validators[index];
            alarms.Update(slot, validator.faulted, (int)validator.faultReason, telemetry.PinMicrovolts[index], timeMs);
        }

        private void UpdateTelemetry(int supplyMicrovolts, int pressurePa, int tempMilliC)
        {
            MonitorTelemetry snapshot = telemetry;
            LeakDetector leak = detector;
            snapshot.SupplyMicrovolts = supplyMicrovolts;
            snapshot.PressurePa = pressurePa;
            snapshot.TempMilliC = tempMilliC;
            snapshot.HasResidual = leak.hasResidual;
            snapshot.ResidualPa = leak.residualPa;
            snapshot.PredictedPa = leak.predictedPa;
            snapshot.CusumPermille = bank.statisticPermille;
            snapshot.NoiseSigmaPa = leak.noiseSigmaPa;
            snapshot.RateDropPa = rateOfDrop.dropPa;
            snapshot.ModelReady = model.IsReady;
            snapshot.ModelSlopeQ16 = model.SlopeQ16;
            snapshot.SuppressedEvents = throttle.suppressedTotal;
        }

        private void CheckInvariants(long timeMs)
        {
            // Each condition is tested here and a call made only when one fails: four calls fewer
            // per sample on the interpreter, where a call costs as much as a few dozen instructions.
            int pressureCountsQ8 = telemetry.CountsQ8[(int)ChannelId.Pressure];
            if (pressureCountsQ8 < 0 || pressureCountsQ8 > Channels.AdcCountsMax * 256)
            {
                FailInvariant(InvariantId.ReducedCountsInRange, timeMs);
            }

            if (!bank.withinBounds)
            {
                FailInvariant(InvariantId.CusumWithinBounds, timeMs);
            }

            if (events.count > EventQueue.Capacity)
            {
                FailInvariant(InvariantId.EventQueueWithinCapacity, timeMs);
            }

            int tempMilliC = telemetry.TempMilliC;
            if (tempMilliC < NtcThermistorTable.TempMinMilliC || tempMilliC > NtcThermistorTable.TempMaxMilliC)
            {
                FailInvariant(InvariantId.TempWithinTable, timeMs);
            }
        }

        /// <summary>Counts a failed invariant and reports each kind once (latched, never thrown).</summary>
        private void FailInvariant(InvariantId id, long timeMs)
        {
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
