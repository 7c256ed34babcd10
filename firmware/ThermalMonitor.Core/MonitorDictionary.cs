using ThermalMonitor.Core.Acquisition;
using ThermalMonitor.Core.Alarms;
using ThermalMonitor.Core.Detection;
using ThermalMonitor.Core.Validation;

namespace ThermalMonitor.Core
{
    /// <summary>
    /// The declarative dictionary shared by firmware and host (F Prime's FPP dictionary is the
    /// model): wire names of alarms, severities, channels, causes and events, and each event's
    /// severity and throttle. Parameters live in <see cref="Config.ParameterTable"/>. Host tools
    /// export all of it as JSON. Names are part of the wire contract.
    /// </summary>
    public static class MonitorDictionary
    {
        /// <summary>Throttle window for throttled events (one hour, counted on sample timestamps).</summary>
        public const int ThrottleWindowMs = 3600000;

        private static readonly string[] AlarmTypeNames = { "NONE", "DEPRESSURIZATION", "OVERTEMP", "SENSOR_FAULT" };
        private static readonly string[] SeverityNames = { "ADVISORY", "CAUTION", "WARNING" };
        private static readonly string[] ChannelNames = { "pressure", "temp", "supply" };
        private static readonly string[] FaultReasonNames = { "NONE", "OPEN", "SHORT", "STUCK", "NOISY", "SLEW", "READ_FAILED" };
        private static readonly string[] CauseNames = { "NONE", "RATE_OF_DROP", "RED_LOW_LIMIT", "YELLOW_LOW_LIMIT", "CUSUM", "YELLOW_HIGH_LIMIT", "RED_HIGH_LIMIT" };
        private static readonly string[] AlarmStateNames = { "NORMAL", "ACTIVE", "ACTIVE_ACKED", "CLEARED_UNACKED" };

        /// <summary>Indexed by EventId (index 0 unused).</summary>
        private static readonly string[] EventNames =
        {
            "", "ALARM_RAISED", "ALARM_CLEARED", "ALARM_ACKED", "GLITCH_REJECTED", "MODEL_READY", "DETECTOR_RESET",
            "CONFIG_CHANGED", "CONFIG_REJECTED", "QUEUE_OVERFLOW", "TIME_NOT_INCREASING", "SAMPLE_GAP",
            "INVARIANT_FAILED", "BOOT", "LOOP_OVERRUN", "CHANNEL_RECOVERED",
            "SETTINGS_LOADED", "SETTINGS_DEFAULTED", "SETTINGS_SAVED", "REPLAY_ENDED",
        };

        /// <summary>Severity of non-alarm events (alarm events carry their alarm's severity).</summary>
        private static readonly Severity[] EventSeverities =
        {
            Severity.Advisory, Severity.Advisory, Severity.Advisory, Severity.Advisory, Severity.Advisory, Severity.Advisory, Severity.Advisory,
            Severity.Advisory, Severity.Caution, Severity.Caution, Severity.Caution, Severity.Advisory,
            Severity.Warning, Severity.Advisory, Severity.Caution, Severity.Advisory,
            Severity.Advisory, Severity.Caution, Severity.Advisory, Severity.Advisory,
        };

        /// <summary>At most this many per <see cref="ThrottleWindowMs"/>; 0 = never throttled.</summary>
        private static readonly int[] EventThrottles =
        {
            0, 0, 0, 0, 10, 0, 0,
            0, 0, 0, 10, 10,
            0, 0, 10, 0,
            0, 0, 0, 0,
        };

        public static int EventIdMax => EventNames.Length - 1;

        public static string AlarmTypeName(AlarmType type) => AlarmTypeNames[(int)type];

        public static string SeverityName(Severity severity) => SeverityNames[(int)severity];

        public static string ChannelName(ChannelId channel) => ChannelNames[(int)channel];

        public static string FaultReasonName(FaultReason reason) => FaultReasonNames[(int)reason];

        public static string CauseName(DetectionCause cause) => CauseNames[(int)cause];

        public static string AlarmStateName(AlarmState state) => AlarmStateNames[(int)state];

        public static string EventName(EventId id) => EventNames[(int)id];

        public static Severity EventSeverity(EventId id) => EventSeverities[(int)id];

        public static int EventThrottle(EventId id) => EventThrottles[(int)id];

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

        private static string CodeName(bool isFaultCode, int code)
        {
            if (isFaultCode)
            {
                return code >= 0 && code < FaultReasonNames.Length ? FaultReasonNames[code] : "UNKNOWN";
            }

            return code >= 0 && code < CauseNames.Length ? CauseNames[code] : "UNKNOWN";
        }
    }
}
