using ThermalMonitor.Core.Alarms;
using ThermalMonitor.Core.Validation;

namespace ThermalMonitor.Core.Link
{
    /// <summary>
    /// Wire names of the serial protocol (PROTOCOL.md): message types, commands, error codes, modes
    /// and reset causes. Like <see cref="MonitorDictionary"/>, these strings are the contract with
    /// host tools; change them only with a protocol version bump.
    /// </summary>
    public static class LinkDictionary
    {
        public const int ProtocolVersion = 1;

        /// <summary>Firmware release reported in the hello line (same on every target: one source).</summary>
        public const string FirmwareVersion = "0.4.0";

        // Board → host message types.
        public const string Hello = "HELLO";
        public const string Ok = "OK";
        public const string Err = "ERR";
        public const string Alarm = "ALARM";
        public const string Clear = "CLEAR";
        public const string Event = "EVT";
        public const string Telemetry = "TLM";
        public const string Status = "STATUS";
        public const string Config = "CFG";

        // Host → board commands (HELLO, STATUS and CFG share the names above).
        public const string Ack = "ACK";
        public const string Alarms = "ALARMS";
        public const string Inject = "INJ";
        public const string Mode = "MODE";
        public const string Reset = "RESET";

        // Keywords.
        public const string All = "ALL";
        public const string Get = "GET";
        public const string Set = "SET";
        public const string Defaults = "DEFAULTS";
        public const string Stage = "STAGE";
        public const string Commit = "COMMIT";
        public const string Save = "SAVE";
        public const string Detector = "DETECTOR";
        public const string NotRead = "-";

        /// <summary>The "schema" member of configuration documents.</summary>
        public const string ConfigSchema = "thermal-monitor/config@1";

        private static readonly string[] ErrorNames =
        {
            "NONE", "NO_CHECKSUM", "BAD_CHECKSUM", "OVERLONG", "NOT_ASCII", "BAD_SEQUENCE", "UNKNOWN_COMMAND",
            "MISSING_ARGUMENT", "BAD_ARGUMENT", "OUT_OF_RANGE", "BAD_JSON", "CONFIG_INVALID", "NOT_FOUND",
            "WRONG_MODE", "RX_OVERFLOW", "TOO_MANY_ARGUMENTS", "STORAGE_FAILED",
        };

        private static readonly string[] ModeNames = { "LIVE", "REPLAY" };

        private static readonly string[] SourceNames = { "adc", "replay" };

        private static readonly string[] ResetCauseNames = { "UNKNOWN", "POWER_ON", "SOFTWARE", "WATCHDOG", "BROWNOUT", "EXTERNAL", "PANIC", "DEEP_SLEEP" };

        /// <summary>One letter per validation outcome in telemetry: Accepted, Withheld, Faulted.</summary>
        private static readonly char[] OutcomeLetters = { 'A', 'W', 'F' };

        public static string ErrorName(LinkError error) => ErrorNames[(int)error];

        public static string ModeName(LinkMode mode) => ModeNames[(int)mode];

        /// <summary>Telemetry "src": where the sample came from (replayed data is always marked).</summary>
        public static string SourceName(LinkMode mode) => SourceNames[(int)mode];

        public static string ResetCauseName(ResetCause cause) => ResetCauseNames[(int)cause];

        public static char OutcomeLetter(ValidationOutcome outcome) => OutcomeLetters[(int)outcome];

        public static int ErrorCount => ErrorNames.Length;

        /// <summary>True for events that travel as ALARM/CLEAR lines rather than EVT lines.</summary>
        public static bool IsAlarmEvent(EventId id) => id == EventId.AlarmRaised || id == EventId.AlarmCleared;
    }
}
