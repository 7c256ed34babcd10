using ThermalMonitor.Core.Dictionary;

namespace ThermalMonitor.Core.Link
{
    /// <summary>
    /// The board → host message types with their fields, in the order <see cref="BoardLink"/>
    /// writes them (PROTOCOL.md sections 4 and 5). Built on first use: the board itself never asks,
    /// so it costs the ESP32 no memory; host tools export it and tests hold it to BoardLink and
    /// PROTOCOL.md.
    /// </summary>
    public static class MessageTable
    {
        private static readonly MessageDefinition[] Messages;

        static MessageTable()
        {
            Messages = new MessageDefinition[]
            {
                new MessageDefinition(LinkDictionary.Hello, true, "",
                    "The board announces itself: at power-on (reference -) and as the reply to HELLO.",
                    new FieldDefinition[]
                    {
                        Int(WireField.Protocol, "", "protocol version"),
                        Token(WireField.Firmware, "firmware release"),
                        Token(WireField.Board, "where the pipeline runs: esp32, virtual or sil"),
                        Int(WireField.Session, "", "current session, 1 after power-on"),
                        Name(WireField.Mode, DictionaryTables.Modes, "where samples come from"),
                        Name(WireField.Reset, DictionaryTables.ResetCauses, "why the board started"),
                        Int(WireField.LineMaxBytes, "bytes", "longest line the board takes, before its line end"),
                        Int(WireField.RxBufferBytes, "bytes", "the receive buffer the board's serial driver really has: the host's flow-control budget"),
                        Int(WireField.LinesPerService, "", "commands carried out per loop cycle at most"),
                        Int(WireField.Burst, "reads", "ADC reads per channel per sample in force: what INJ must carry"),
                        Int(WireField.PeriodMs, "ms", "sample period in force"),
                    }),
                new MessageDefinition(LinkDictionary.Ok, true, "",
                    "The command was carried out; the fields depend on the command.",
                    new FieldDefinition[]
                    {
                        Optional(Int(WireField.Listed, "", "ALARMS: journal entries listed")),
                        Optional(Int(WireField.Acked, "", "ACK ALL: alarms acknowledged")),
                        Optional(Int(WireField.Alarm, "", "ACK: the alarm number")),
                        Optional(Name(WireField.Result, DictionaryTables.AckResults, "ACK: what became of the alarm")),
                        Optional(Int(WireField.PeriodMs, "ms", "TLM: telemetry period; CFG SET, CFG DEFAULTS: sample period now in force")),
                        Optional(Int(WireField.Burst, "reads", "CFG SET, CFG DEFAULTS: burst now in force")),
                        Optional(Name(WireField.Mode, DictionaryTables.Modes, "MODE: the mode now in force")),
                        Optional(Int(WireField.Session, "", "MODE: the new session")),
                        Optional(Int(WireField.Staged, "", "CFG STAGE: parts staged so far")),
                        Optional(Int(WireField.Generation, "", "CFG SAVE: generation of the settings written")),
                        Optional(Int(WireField.ImageBytes, "bytes", "CFG SAVE: size of the settings image")),
                    }),
                new MessageDefinition(LinkDictionary.Err, true, "",
                    "The command was refused and changed nothing; the error code (error_codes) follows the reference, then the fields that apply.",
                    new FieldDefinition[]
                    {
                        Optional(Int(WireField.LostBytes, "bytes", "RX_OVERFLOW: bytes lost to a full receive buffer since power-on")),
                        Optional(Int(WireField.Max, "", "OUT_OF_RANGE: largest accepted; OVERLONG: longest line, bytes")),
                        Optional(Int(WireField.At, "bytes", "NOT_ASCII: offset of the first non-printable byte")),
                        Optional(Token(WireField.Expected, "MISSING_ARGUMENT: what is missing; BAD_CHECKSUM, NO_CHECKSUM: the check the line should have had (NO_CHECKSUM: with 0 put in front when it had no number)")),
                        Optional(Token(WireField.Got, "the offending token (at most 24 characters), or the number received")),
                        Optional(Token(WireField.Argument, "which argument is wrong")),
                        Optional(Int(WireField.Min, "", "OUT_OF_RANGE: smallest accepted")),
                        Optional(Token(WireField.Extra, "TOO_MANY_ARGUMENTS: the first surplus argument")),
                        Optional(Name(WireField.Need, DictionaryTables.Modes, "WRONG_MODE: the mode the command needs")),
                        Optional(Int(WireField.Alarm, "", "NOT_FOUND: the alarm number that was not found")),
                        Optional(Int(WireField.ExpectedReads, "reads", "OUT_OF_RANGE of INJ: reads per channel an INJ must carry")),
                        Optional(Token(WireField.Storage, "STORAGE_FAILED: none (the board has no storage) or write_failed")),
                        Optional(Int(WireField.Errors, "", "BAD_JSON, CONFIG_INVALID: how many problems")),
                        Optional(Token(WireField.Field, "BAD_JSON, CONFIG_INVALID: the first problem's field (json for malformed JSON)")),
                        Optional(new FieldDefinition(WireField.Message, FieldType.Text, "", "", false, false,
                            "BAD_JSON, CONFIG_INVALID: every problem as 'field: what is wrong', separated by '; '; NO_CHECKSUM: what goes without a check and the whole line to send to carry this one out")),
                    }),
                new MessageDefinition(LinkDictionary.Alarm, false, "",
                    "An alarm was raised (re=0) or is sent again until acknowledged (re=1).",
                    new FieldDefinition[]
                    {
                        Int(WireField.Seq, "", "alarm number, unique within the session"),
                        Name(WireField.Type, DictionaryTables.AlarmTypes, "what the alarm is about"),
                        Name(WireField.Severity, DictionaryTables.Severities, "CAUTION or WARNING"),
                        Name(WireField.Channel, DictionaryTables.Channels, "the channel concerned"),
                        Long(WireField.TimeMs, "ms", "when it was raised, board time"),
                        Name(WireField.Cause, DictionaryTables.CausesOrFaultReasons, "the detection cause, or the fault reason for SENSOR_FAULT"),
                        Int(WireField.Value, "Pa|milli-C|uV", "the reading when it was raised: Pa (DEPRESSURIZATION), milli-C (OVERTEMP), the channel's pin voltage in uV (SENSOR_FAULT)"),
                        NoneAllowed(Long(WireField.ClearedMs, "ms", "when the condition went away, board time; - while it is present")),
                        Int(WireField.Acked, "", "1 once the host has acknowledged it, else 0"),
                        Int(WireField.Session, "", "the session the number belongs to"),
                        Int(WireField.Resent, "", "0 the first time, 1 for every repetition"),
                    }),
                new MessageDefinition(LinkDictionary.Clear, false, "",
                    "The condition of an alarm went away; the alarm stays owed until acknowledged.",
                    new FieldDefinition[]
                    {
                        Int(WireField.Seq, "", "the alarm number"),
                        Long(WireField.TimeMs, "ms", "when the condition went away, board time"),
                    }),
                new MessageDefinition(LinkDictionary.Event, false, "",
                    "Everything else the monitor reports (raises and clears of alarms travel as ALARM and CLEAR).",
                    new FieldDefinition[]
                    {
                        Int(WireField.EventNumber, "", "event number, +1 per event within the session"),
                        Name(WireField.Id, DictionaryTables.Events, "which event"),
                        Name(WireField.Severity, DictionaryTables.Severities, "the event's severity"),
                        Long(WireField.TimeMs, "ms", "board time"),
                        Name(WireField.Channel, DictionaryTables.Channels, "the channel concerned (pressure when none)"),
                        Token(WireField.Code, "a name where the event has one (alarm events: the cause; GLITCH_REJECTED, CHANNEL_RECOVERED: the fault reason), else a number: see the event's code"),
                        Int(WireField.Value, "", "a number that goes with the event: see the event's value"),
                        Optional(Int(WireField.Alarm, "", "ALARM_ACKED: the alarm number")),
                    }),
                new MessageDefinition(LinkDictionary.Telemetry, false, "",
                    "A snapshot of the last sample.",
                    new FieldDefinition[]
                    {
                        Long(WireField.TimeMs, "ms", "sample time"),
                        Name(WireField.Source, DictionaryTables.TelemetrySources, "where the sample came from: replayed data is always marked"),
                        Long(WireField.SampleCount, "", "samples processed (discarded ones not counted)"),
                        Int(WireField.PressurePa, "Pa", "loop pressure (absolute)"),
                        Int(WireField.TempMilliC, "milli-C", "coolant temperature"),
                        Int(WireField.SupplyMicrovolts, "uV", "transducer supply used for the ratiometric conversion (measured, or nominal)"),
                        Token(WireField.ChannelStates, "one letter per channel, pressure, temp, supply: A accepted, W withheld (suspect), F faulted"),
                        NoneAllowed(Int(WireField.ResidualPa, "Pa", "residual of the thermal model (measured minus predicted); - before the model predicts")),
                        Int(WireField.CusumPermille, "permille", "CUSUM statistic in permille of its alarm threshold"),
                        Int(WireField.RateDropPa, "Pa", "pressure drop over the rate window (positive = falling)"),
                        Int(WireField.ModelReady, "", "1 once the thermal model is ready, else 0"),
                        Int(WireField.Unacked, "", "alarms in the journal not acknowledged yet"),
                    }),
                new MessageDefinition(LinkDictionary.Status, true, "",
                    "The reply to STATUS: loop timing, memory and counters.",
                    new FieldDefinition[]
                    {
                        Name(WireField.Mode, DictionaryTables.Modes, "where samples come from"),
                        Int(WireField.Session, "", "current session"),
                        Long(WireField.UptimeMs, "ms", "the board's clock at its last service"),
                        Int(WireField.LoopMinMicroseconds, "us", "shortest work time of a sampling cycle"),
                        Int(WireField.LoopAverageMicroseconds, "us", "average work time of a sampling cycle"),
                        Int(WireField.LoopMaxMicroseconds, "us", "longest work time of a sampling cycle"),
                        Int(WireField.Cycles, "", "cycles measured"),
                        Int(WireField.Overruns, "", "cycles that took longer than the sample period"),
                        NoneAllowed(Long(WireField.FreeBytes, "bytes", "free managed heap; - where the board cannot tell")),
                        Long(WireField.Samples, "", "samples processed (as TLM n)"),
                        Long(WireField.Injected, "", "INJ lines carried out (discarded samples included)"),
                        Int(WireField.Discarded, "", "samples thrown away because their time did not increase"),
                        Int(WireField.RxLines, "", "non-empty lines received"),
                        Int(WireField.RxRejected, "", "lines refused"),
                        Int(WireField.RxOverflowBytes, "bytes", "bytes lost to a full receive buffer"),
                        Int(WireField.TxDroppedLines, "", "lines dropped because the host did not read them"),
                        Int(WireField.AlarmsRaised, "", "alarms raised in this session"),
                        Int(WireField.Unacked, "", "journal entries not acknowledged"),
                        Int(WireField.JournalLost, "", "unacknowledged alarms overwritten because the journal was full"),
                        Int(WireField.EventsDropped, "", "events dropped from a full event queue"),
                        Int(WireField.TelemetryPeriodMs, "ms", "telemetry period in force (0 = off)"),
                        Int(WireField.ReplayHoldsLive, "", "1 while a replay holds a LIVE board's settings to give back"),
                        Int(WireField.SettingsGeneration, "", "generation of the stored settings last read or written, 0 when none"),
                    }),
                new MessageDefinition(LinkDictionary.Config, true, "the configuration in force: one JSON object to the end of the line (PROTOCOL.md section 11)",
                    "The reply to CFG GET.", new FieldDefinition[0]),
            };
        }

        public static int Count => Messages.Length;

        public static MessageDefinition At(int index) => Messages[index];

        /// <summary>The definition of a message type, or null.</summary>
        public static MessageDefinition Find(string type)
        {
            for (int i = 0; i < Messages.Length; i++)
            {
                if (Messages[i].Type == type)
                {
                    return Messages[i];
                }
            }

            return null;
        }

        private static FieldDefinition Int(string key, string unit, string meaning) => new FieldDefinition(key, FieldType.Int, unit, "", false, false, meaning);

        private static FieldDefinition Long(string key, string unit, string meaning) => new FieldDefinition(key, FieldType.Long, unit, "", false, false, meaning);

        private static FieldDefinition Token(string key, string meaning) => new FieldDefinition(key, FieldType.String, "", "", false, false, meaning);

        private static FieldDefinition Name(string key, string table, string meaning) => new FieldDefinition(key, FieldType.Enum, "", table, false, false, meaning);

        private static FieldDefinition Optional(FieldDefinition field) => new FieldDefinition(field.Key, field.Type, field.Unit, field.EnumTable, field.MayBeNone, true, field.Meaning);

        private static FieldDefinition NoneAllowed(FieldDefinition field) => new FieldDefinition(field.Key, field.Type, field.Unit, field.EnumTable, true, field.Optional, field.Meaning);
    }
}
