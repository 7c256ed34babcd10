using ThermalMonitor.Core.Alarms;
using ThermalMonitor.Core.Dictionary;
using ThermalMonitor.Core.Validation;

namespace ThermalMonitor.Core.Link
{
    /// <summary>
    /// Wire names of the serial protocol (PROTOCOL.md): message types, commands, error codes, modes
    /// and reset causes. Field keys are in <see cref="WireField"/>, the messages with their fields in
    /// <see cref="MessageTable"/>, the commands with their arguments in <see cref="CommandTable"/>.
    /// Like <see cref="MonitorDictionary"/>, these strings are the contract with host tools; change
    /// them only with a protocol version bump.
    /// </summary>
    public static class LinkDictionary
    {
        /// <summary>2: INJR (reduced bursts) added; a host that speaks 1 still works, minus INJR.</summary>
        public const int ProtocolVersion = 2;

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
        public const string InjectReduced = "INJR";
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

        /// <summary>OK's result= after ACK of one alarm.</summary>
        public const string AckResultAcked = "ACKED";

        public const string AckResultAlready = "ALREADY";

        public const string AckResultDelivered = "DELIVERED";

        /// <summary>One letter per validation outcome in telemetry: Accepted, Withheld, Faulted.</summary>
        private static readonly char[] OutcomeLetters = { 'A', 'W', 'F' };

        static LinkDictionary()
        {
            Errors = new WireValueTable(new WireValue[]
            {
                new WireValue((int)LinkError.None, "NONE", "no error (never sent)"),
                new WireValue((int)LinkError.NoChecksum, "NO_CHECKSUM", "the line has no '*' and is not one of the read-only commands that may go without (HELLO, STATUS, ALARMS, CFG GET)"),
                new WireValue((int)LinkError.BadChecksum, "BAD_CHECKSUM", "the check is not four hex digits or does not match the line"),
                new WireValue((int)LinkError.Overlong, "OVERLONG", "more bytes than line_max before the line end; the whole line was discarded"),
                new WireValue((int)LinkError.NotAscii, "NOT_ASCII", "a byte outside 0x20..0x7E before the '*'"),
                new WireValue((int)LinkError.BadSequence, "BAD_SEQUENCE", "the first token is not a number 0..2147483647"),
                new WireValue((int)LinkError.UnknownCommand, "UNKNOWN_COMMAND", "not a command of the protocol"),
                new WireValue((int)LinkError.MissingArgument, "MISSING_ARGUMENT", "the command, or one of its arguments, is missing"),
                new WireValue((int)LinkError.BadArgument, "BAD_ARGUMENT", "an argument that cannot be read as what was expected"),
                new WireValue((int)LinkError.OutOfRange, "OUT_OF_RANGE", "a number outside its range, or an INJ with the wrong number of reads"),
                new WireValue((int)LinkError.BadJson, "BAD_JSON", "the configuration document is not well-formed JSON (RFC 8259) of the expected shape: one object, at most 8 levels, at most 160 members, no \\u escape"),
                new WireValue((int)LinkError.ConfigInvalid, "CONFIG_INVALID", "well-formed, but the configuration it describes is invalid"),
                new WireValue((int)LinkError.NotFound, "NOT_FOUND", "no alarm with that number"),
                new WireValue((int)LinkError.WrongMode, "WRONG_MODE", "the command needs the other mode"),
                new WireValue((int)LinkError.RxOverflow, "RX_OVERFLOW", "bytes of this line were lost because the receive buffer was full"),
                new WireValue((int)LinkError.TooManyArguments, "TOO_MANY_ARGUMENTS", "extra arguments after a complete command"),
                new WireValue((int)LinkError.StorageFailed, "STORAGE_FAILED", "CFG SAVE found no storage or its write failed; nothing changed"),
            });
            Modes = new WireValueTable(new WireValue[]
            {
                new WireValue((int)LinkMode.Live, "LIVE", "the board samples its ADC on its own clock"),
                new WireValue((int)LinkMode.Replay, "REPLAY", "the host injects raw counts with timestamps"),
            });
            Sources = new WireValueTable(new WireValue[]
            {
                new WireValue((int)LinkMode.Live, "adc", "the board's own ADC (mode LIVE)"),
                new WireValue((int)LinkMode.Replay, "replay", "injected by the host (mode REPLAY)"),
            });
            ResetCauses = new WireValueTable(new WireValue[]
            {
                new WireValue((int)ResetCause.Unknown, "UNKNOWN", "the board cannot tell"),
                new WireValue((int)ResetCause.PowerOn, "POWER_ON", "power-on"),
                new WireValue((int)ResetCause.Software, "SOFTWARE", "a software restart"),
                new WireValue((int)ResetCause.Watchdog, "WATCHDOG", "a watchdog expired"),
                new WireValue((int)ResetCause.Brownout, "BROWNOUT", "the supply sagged"),
                new WireValue((int)ResetCause.External, "EXTERNAL", "the reset pin"),
                new WireValue((int)ResetCause.Panic, "PANIC", "a fatal error"),
                new WireValue((int)ResetCause.DeepSleep, "DEEP_SLEEP", "wake from deep sleep"),
            });
        }

        public static WireValueTable Errors { get; }

        public static WireValueTable Modes { get; }

        /// <summary>Telemetry src= values, indexed by <see cref="LinkMode"/>.</summary>
        public static WireValueTable Sources { get; }

        public static WireValueTable ResetCauses { get; }

        public static string ErrorName(LinkError error) => Errors.NameOf((int)error);

        public static string ModeName(LinkMode mode) => Modes.NameOf((int)mode);

        /// <summary>Telemetry "src": where the sample came from (replayed data is always marked).</summary>
        public static string SourceName(LinkMode mode) => Sources.NameOf((int)mode);

        public static string ResetCauseName(ResetCause cause) => ResetCauses.NameOf((int)cause);

        public static char OutcomeLetter(ValidationOutcome outcome) => OutcomeLetters[(int)outcome];

        public static int OutcomeLetterCount => OutcomeLetters.Length;

        public static int ErrorCount => Errors.Count;

        /// <summary>True for events that travel as ALARM/CLEAR lines rather than EVT lines.</summary>
        public static bool IsAlarmEvent(EventId id) => id == EventId.AlarmRaised || id == EventId.AlarmCleared;
    }
}
