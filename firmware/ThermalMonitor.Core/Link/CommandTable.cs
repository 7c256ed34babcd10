using ThermalMonitor.Core.Acquisition;
using ThermalMonitor.Core.Dictionary;

namespace ThermalMonitor.Core.Link
{
    /// <summary>
    /// The host → board commands with their arguments, as <see cref="BoardLink"/> reads them
    /// (PROTOCOL.md section 6). Built on first use: the board itself never asks, so it costs the
    /// ESP32 no memory; host tools export it and tests hold it to BoardLink and PROTOCOL.md.
    /// </summary>
    public static class CommandTable
    {
        /// <summary>The unchecked form of a command that changes the board: it has none (PROTOCOL.md §12).</summary>
        private const string NeedsCheck = "";

        private static readonly CommandDefinition[] Commands;

        static CommandTable()
        {
            string[] none = new string[0];
            Commands = new CommandDefinition[]
            {
                new CommandDefinition(LinkDictionary.Hello, "HELLO", "HELLO, then ALARM re=1 for every unacknowledged alarm",
                    "Asks the board to announce itself and re-send the alarms it owes.", LinkDictionary.Hello, new ArgumentDefinition[0]),
                new CommandDefinition(LinkDictionary.Status, "STATUS", "STATUS",
                    "Asks for loop timing, memory and counters.", LinkDictionary.Status, new ArgumentDefinition[0]),
                new CommandDefinition(LinkDictionary.Ack, "ACK <alarm_seq> | ACK ALL", "OK alarm= result= (one alarm) or OK acked= (ALL)",
                    "Acknowledges alarm alarm_seq of the current session, or every unacknowledged one.",
                    NeedsCheck, new ArgumentDefinition[]
                    {
                        new ArgumentDefinition("alarm_seq", ArgumentKind.Int, 1, int.MaxValue, new string[] { LinkDictionary.All }, "",
                            "the alarm number (seq= of ALARM), or ALL"),
                    }),
                new CommandDefinition(LinkDictionary.Alarms, "ALARMS", "ALARM re=1 for every journal entry, oldest first, then OK listed=",
                    "Lists the whole alarm journal, acknowledged entries included.", LinkDictionary.Alarms, new ArgumentDefinition[0]),
                new CommandDefinition(LinkDictionary.Config, "CFG GET | CFG SET <json> | CFG DEFAULTS | CFG STAGE <json> | CFG COMMIT | CFG SAVE",
                    "CFG <document> (GET); OK period_ms= burst= (SET, DEFAULTS, COMMIT); OK staged= (STAGE); OK generation= bytes= (SAVE)",
                    "Reads the configuration in force; applies a document, the defaults, or the parts staged so far whole or not at all; stages part of a long document; saves the configuration in force to the board's storage.",
                    LinkDictionary.Config + " " + LinkDictionary.Get, new ArgumentDefinition[]
                    {
                        new ArgumentDefinition("GET|SET|DEFAULTS|STAGE|COMMIT|SAVE", ArgumentKind.Keyword, 0, 0,
                            new string[] { LinkDictionary.Get, LinkDictionary.Set, LinkDictionary.Defaults, LinkDictionary.Stage, LinkDictionary.Commit, LinkDictionary.Save }, "",
                            "what to do"),
                        new ArgumentDefinition("json", ArgumentKind.Json, 0, 0, none, "after SET and STAGE only",
                            "a configuration document: one JSON object (PROTOCOL.md section 11)"),
                    }),
                new CommandDefinition(LinkDictionary.Telemetry, "TLM <period_ms>", "OK period_ms=",
                    "Sets the telemetry period in ms of sample time (0 = off); the next sample sends TLM at once.",
                    NeedsCheck, new ArgumentDefinition[]
                    {
                        new ArgumentDefinition("period_ms", ArgumentKind.Int, 0, BoardLink.TelemetryPeriodMaxMs, none, "",
                            "telemetry period, ms of sample time (0 = off)"),
                    }),
                new CommandDefinition(LinkDictionary.Mode, "MODE LIVE | MODE REPLAY", "OK mode= session=",
                    "Starts a new session in the given mode.",
                    NeedsCheck, new ArgumentDefinition[]
                    {
                        new ArgumentDefinition("LIVE|REPLAY", ArgumentKind.Keyword, 0, 0, new string[] { LinkDictionary.ModeName(LinkMode.Live), LinkDictionary.ModeName(LinkMode.Replay) }, "",
                            "the mode"),
                    }),
                new CommandDefinition(LinkDictionary.Inject, "INJ <time_ms> <pressure> <temp> <supply>", "the lines the sample causes (ALARM, CLEAR, EVT, TLM), then OK",
                    "Replay mode only (else WRONG_MODE): one sample as the ADC would have delivered it.",
                    NeedsCheck, new ArgumentDefinition[]
                    {
                        new ArgumentDefinition("time_ms", ArgumentKind.Long, 0, long.MaxValue / 2, none, "",
                            "sample time, ms"),
                        Reads(ChannelId.Pressure),
                        Reads(ChannelId.Temperature),
                        Reads(ChannelId.Supply),
                    }),
                new CommandDefinition(LinkDictionary.InjectReduced, "INJR <time_ms> <pressure> <temp> <supply>", "the lines the sample causes (ALARM, CLEAR, EVT, TLM), then OK",
                    "Replay mode only (else WRONG_MODE): one sample whose bursts the host already reduced with the board's settings; the board takes the values instead of reducing reads, everything after is as for INJ.",
                    NeedsCheck, new ArgumentDefinition[]
                    {
                        new ArgumentDefinition("time_ms", ArgumentKind.Long, 0, long.MaxValue / 2, none, "",
                            "sample time, ms"),
                        Reduced(ChannelId.Pressure),
                        Reduced(ChannelId.Temperature),
                        Reduced(ChannelId.Supply),
                    }),
                new CommandDefinition(LinkDictionary.Reset, "RESET DETECTOR", "OK",
                    "Forgets what the detector learned (thermal model, CUSUM, rate window); latched alarms stay.",
                    NeedsCheck, new ArgumentDefinition[]
                    {
                        new ArgumentDefinition(LinkDictionary.Detector, ArgumentKind.Keyword, 0, 0, new string[] { LinkDictionary.Detector }, "",
                            "what to reset"),
                    }),
            };
        }

        public static int Count => Commands.Length;

        public static CommandDefinition At(int index) => Commands[index];

        private static ArgumentDefinition Reads(ChannelId channel) => new ArgumentDefinition(
            MonitorDictionary.ChannelName(channel), ArgumentKind.Reads, 0, Channels.AdcCountsMax, new string[] { LinkDictionary.NotRead, "!1", "!2", "!3" }, "",
            "burst reads (burst= of HELLO) of three hex digits each, 000..FFF; - not read; !1 driver error, !2 incomplete burst, !3 not read");

        private static ArgumentDefinition Reduced(ChannelId channel) => new ArgumentDefinition(
            MonitorDictionary.ChannelName(channel), ArgumentKind.Reduced, 0, InjectArguments.CountsQ8Max, new string[] { LinkDictionary.NotRead, "!1", "!2", "!3" }, "",
            "the reduced burst as ten hex digits QQQQQSSSRR: trimmed mean in Q8 counts 00000..FFF00, spread of the kept reads in counts 000..FFF, reads outside the outlier band 00..burst; - not read; !1 driver error, !2 incomplete burst, !3 not read");
    }
}
