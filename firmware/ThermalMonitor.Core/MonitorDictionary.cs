using ThermalMonitor.Core.Acquisition;
using ThermalMonitor.Core.Alarms;
using ThermalMonitor.Core.Detection;
using ThermalMonitor.Core.Dictionary;
using ThermalMonitor.Core.Validation;

namespace ThermalMonitor.Core
{
    /// <summary>
    /// The declarative dictionary of the monitor, shared by firmware and host (F Prime's FPP
    /// dictionary is the model): one definition per event (name, severity, throttle, what Code and
    /// Value carry) and the wire names of alarm types, severities, channels, causes, fault reasons
    /// and alarm states. Parameters live in <see cref="Config.ParameterTable"/>, the protocol in
    /// <see cref="Link.LinkDictionary"/>. The host exports all of it as JSON (docs/dictionary.json,
    /// <c>thermal-sim dictionary</c>). Names are part of the wire contract.
    /// </summary>
    public static class MonitorDictionary
    {
        /// <summary>Throttle window for throttled events (one hour, counted on sample timestamps).</summary>
        public const int ThrottleWindowMs = 3600000;

        /// <summary>The name of a code outside its table.</summary>
        public const string UnknownName = "UNKNOWN";

        private static readonly EventDefinition[] Events;

        static MonitorDictionary()
        {
            AlarmTypes = new WireValueTable(new WireValue[]
            {
                new WireValue((int)AlarmType.None, "NONE", "no alarm (events that are not alarms)"),
                new WireValue((int)AlarmType.Depressurization, "DEPRESSURIZATION", "loop pressure falling: a leak (slow path CAUTION, fast path WARNING)"),
                new WireValue((int)AlarmType.Overtemp, "OVERTEMP", "coolant temperature above its yellow (CAUTION) or red (WARNING) limit"),
                new WireValue((int)AlarmType.SensorFault, "SENSOR_FAULT", "a channel cannot be trusted; the decisions that need it are inhibited"),
            });
            Severities = new WireValueTable(new WireValue[]
            {
                new WireValue((int)Severity.Advisory, "ADVISORY", "information worth logging; no operator action"),
                new WireValue((int)Severity.Caution, "CAUTION", "needs attention; not yet a threat to the loop"),
                new WireValue((int)Severity.Warning, "WARNING", "act now"),
            });
            Channels = new WireValueTable(new WireValue[]
            {
                new WireValue((int)ChannelId.Pressure, "pressure", "loop pressure transducer"),
                new WireValue((int)ChannelId.Temperature, "temp", "coolant temperature NTC divider"),
                new WireValue((int)ChannelId.Supply, "supply", "transducer supply rail through a divider"),
            });
            FaultReasons = new WireValueTable(new WireValue[]
            {
                new WireValue((int)FaultReason.None, "NONE", "no fault"),
                new WireValue((int)FaultReason.Open, "OPEN", "signal outside the live band on the side an open wire produces"),
                new WireValue((int)FaultReason.Short, "SHORT", "signal outside the live band on the side a short produces"),
                new WireValue((int)FaultReason.Stuck, "STUCK", "no change at all over the stuck window"),
                new WireValue((int)FaultReason.Noisy, "NOISY", "burst spread above its bound"),
                new WireValue((int)FaultReason.Slew, "SLEW", "changed faster than the physical loop can"),
                new WireValue((int)FaultReason.ReadFailed, "READ_FAILED", "the read itself failed"),
            });
            Causes = new WireValueTable(new WireValue[]
            {
                new WireValue((int)DetectionCause.None, "NONE", "no cause"),
                new WireValue((int)DetectionCause.RateOfDrop, "RATE_OF_DROP", "fast path: pressure drop over the rate window beyond its limit"),
                new WireValue((int)DetectionCause.RedLowLimit, "RED_LOW_LIMIT", "pressure below the red low limit"),
                new WireValue((int)DetectionCause.YellowLowLimit, "YELLOW_LOW_LIMIT", "pressure below the yellow low limit"),
                new WireValue((int)DetectionCause.Cusum, "CUSUM", "slow path: CUSUM of the thermal-compensated pressure residual"),
                new WireValue((int)DetectionCause.YellowHighLimit, "YELLOW_HIGH_LIMIT", "temperature above the yellow high limit"),
                new WireValue((int)DetectionCause.RedHighLimit, "RED_HIGH_LIMIT", "temperature above the red high limit"),
            });
            AlarmStates = new WireValueTable(new WireValue[]
            {
                new WireValue((int)AlarmState.Normal, "NORMAL", "no alarm latched"),
                new WireValue((int)AlarmState.Active, "ACTIVE", "condition present, not acknowledged"),
                new WireValue((int)AlarmState.ActiveAcknowledged, "ACTIVE_ACKED", "condition present, acknowledged"),
                new WireValue((int)AlarmState.ClearedUnacknowledged, "CLEARED_UNACKED", "condition gone, latched until acknowledged"),
            });

            // Code and Value as the code that raises each event fills them (LeakMonitor, AlarmTable,
            // EventQueue, BoardLink); units as PROTOCOL.md writes them.
            const string AlarmCode = "the alarm's cause (a DetectionCause name), or its fault reason (a FaultReason name) for SENSOR_FAULT";
            const string AlarmValue = "the reading when the alarm was raised: Pa (DEPRESSURIZATION), milli-C (OVERTEMP), the channel's pin voltage in uV (SENSOR_FAULT)";
            Events = new EventDefinition[]
            {
                new EventDefinition(EventId.AlarmRaised, "ALARM_RAISED", Severity.Advisory, true, 0, AlarmCode, AlarmValue),
                new EventDefinition(EventId.AlarmCleared, "ALARM_CLEARED", Severity.Advisory, true, 0, AlarmCode, AlarmValue),
                new EventDefinition(EventId.AlarmAcknowledged, "ALARM_ACKED", Severity.Advisory, true, 0, AlarmCode, AlarmValue),
                new EventDefinition(EventId.GlitchRejected, "GLITCH_REJECTED", Severity.Advisory, false, 10, "why the samples were suspect (a FaultReason name)", "samples withheld, count"),
                new EventDefinition(EventId.ModelReady, "MODEL_READY", Severity.Advisory, false, 0, "", ""),
                new EventDefinition(EventId.DetectorReset, "DETECTOR_RESET", Severity.Advisory, false, 0, "", ""),
                new EventDefinition(EventId.ConfigChanged, "CONFIG_CHANGED", Severity.Advisory, false, 0, "", ""),
                new EventDefinition(EventId.ConfigRejected, "CONFIG_REJECTED", Severity.Caution, false, 0, "", "problems the validator found, count"),
                new EventDefinition(EventId.QueueOverflow, "QUEUE_OVERFLOW", Severity.Caution, false, 0, "", "events dropped, count"),
                new EventDefinition(EventId.TimeNotIncreasing, "TIME_NOT_INCREASING", Severity.Caution, false, 10, "", "the sample's time minus the previous sample's, ms (0 or negative)"),
                new EventDefinition(EventId.SampleGap, "SAMPLE_GAP", Severity.Caution, false, 10, "", "time since the previous sample, ms"),
                new EventDefinition(EventId.InvariantFailed, "INVARIANT_FAILED", Severity.Warning, false, 0, "which invariant (InvariantId number)", ""),
                new EventDefinition(EventId.Boot, "BOOT", Severity.Advisory, false, 0, "the reset cause (ResetCause number)", ""),
                new EventDefinition(EventId.LoopOverrun, "LOOP_OVERRUN", Severity.Caution, false, 10, "the cycle's work time, us", "the sample period, us"),
                new EventDefinition(EventId.ChannelRecovered, "CHANNEL_RECOVERED", Severity.Advisory, false, 0, "the reason the channel had faulted (a FaultReason name)", ""),
                new EventDefinition(EventId.SettingsLoaded, "SETTINGS_LOADED", Severity.Advisory, false, 0, "the generation of the stored settings now in force", ""),
                new EventDefinition(EventId.SettingsDefaulted, "SETTINGS_DEFAULTED", Severity.Caution, false, 0, "why the defaults run (SettingsLoadResult: 1 none stored, 2 corrupt, 3 unreadable, 4 refused by the validator, 5 another parameter table)", ""),
                new EventDefinition(EventId.SettingsSaved, "SETTINGS_SAVED", Severity.Advisory, false, 0, "the generation written", "the image size, bytes"),
                new EventDefinition(EventId.ReplayEnded, "REPLAY_ENDED", Severity.Advisory, false, 0, "why: 1 the host sent MODE LIVE, 2 the host was silent for ReplayIdleTimeoutMs", "the new LIVE session"),
            };
        }

        public static WireValueTable AlarmTypes { get; }

        public static WireValueTable Severities { get; }

        public static WireValueTable Channels { get; }

        public static WireValueTable FaultReasons { get; }

        public static WireValueTable Causes { get; }

        public static WireValueTable AlarmStates { get; }

        /// <summary>Event ids run 1..EventIdMax.</summary>
        public static int EventIdMax => Events.Length;

        /// <summary>Definitions in EventId order: entry i is EventId i + 1.</summary>
        public static int EventCount => Events.Length;

        public static EventDefinition EventAt(int index) => Events[index];

        public static EventDefinition Event(EventId id) => Events[(int)id - 1];

        public static string AlarmTypeName(AlarmType type) => AlarmTypes.NameOf((int)type);

        public static string SeverityName(Severity severity) => Severities.NameOf((int)severity);

        public static string ChannelName(ChannelId channel) => Channels.NameOf((int)channel);

        public static string FaultReasonName(FaultReason reason) => FaultReasons.NameOf((int)reason);

        public static string CauseName(DetectionCause cause) => Causes.NameOf((int)cause);

        public static string AlarmStateName(AlarmState state) => AlarmStates.NameOf((int)state);

        public static string EventName(EventId id) => Event(id).Name;

        public static Severity EventSeverity(EventId id) => Event(id).Severity;

        public static int EventThrottle(EventId id) => Event(id).ThrottleCount;

        /// <summary>The name of an event's Code: a fault reason for sensor faults and glitches, else a detection cause.</summary>
        public static string CodeName(MonitorEvent monitorEvent)
        {
            bool isFaultCode = monitorEvent.AlarmType == AlarmType.SensorFault
                || monitorEvent.Id == EventId.GlitchRejected
                || monitorEvent.Id == EventId.ChannelRecovered;
            return CodeName(isFaultCode, monitorEvent.Code);
        }

        /// <summary>The name of an alarm's code: a fault reason for SENSOR_FAULT, else a detection cause.</summary>
        public static string AlarmCodeName(AlarmType type, int code) => CodeName(type == AlarmType.SensorFault, code);

        /// <summary>True when an event's Code is named (alarms, glitches, recoveries); other events carry plain numbers.</summary>
        public static bool HasNamedCode(MonitorEvent monitorEvent) => monitorEvent.AlarmType != AlarmType.None
            || monitorEvent.Id == EventId.GlitchRejected
            || monitorEvent.Id == EventId.ChannelRecovered;

        private static string CodeName(bool isFaultCode, int code) => isFaultCode
            ? FaultReasons.NameOrDefault(code, UnknownName)
            : Causes.NameOrDefault(code, UnknownName);
    }
}
