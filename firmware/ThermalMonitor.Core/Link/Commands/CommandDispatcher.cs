namespace ThermalMonitor.Core.Link
{
    /// <summary>
    /// The table from command names to handlers: one entry per command of PROTOCOL.md §6, built
    /// once, searched in order (ten entries, the injections first: a linear search costs less than
    /// hashing a token).
    /// </summary>
    internal sealed class CommandDispatcher
    {
        private readonly string[] names;
        private readonly ICommandHandler[] handlers;

        public CommandDispatcher(IConfigDocumentReader configReader, Config.MonitorConfig workConfig)
        {
            names = new string[]
            {
                LinkDictionary.InjectReduced, LinkDictionary.Inject, LinkDictionary.Ack, LinkDictionary.Status, LinkDictionary.Hello, LinkDictionary.Alarms,
                LinkDictionary.Config, LinkDictionary.Telemetry, LinkDictionary.Mode, LinkDictionary.Reset,
            };
            handlers = new ICommandHandler[]
            {
                new InjectHandler(true), new InjectHandler(false), new AckHandler(), new StatusHandler(), new HelloHandler(), new AlarmsHandler(),
                new ConfigHandler(configReader, workConfig), new TelemetryHandler(), new ModeHandler(), new ResetHandler(),
            };
        }

        /// <summary>
        /// Carries out the current command if it only reads (HELLO, STATUS, ALARMS, CFG GET: the forms
        /// PROTOCOL.md §12 lets a person type without a check); false, having done nothing, for
        /// anything else, which needs its check because it changes the board.
        /// </summary>
        public bool TryDispatchReadOnly(BoardLink link, int reference)
        {
            LineCursor cursor = link.Cursor;
            bool readOnly = cursor.TokenIs(LinkDictionary.Status) || cursor.TokenIs(LinkDictionary.Hello) || cursor.TokenIs(LinkDictionary.Alarms)
                || (cursor.TokenIs(LinkDictionary.Config) && cursor.NextTokenIs(LinkDictionary.Get));
            if (readOnly)
            {
                Dispatch(link, reference);
            }

            return readOnly;
        }

        /// <summary>The command names in table order (for the dictionary and its tests).</summary>
        public int Count => names.Length;

        public string NameAt(int index) => names[index];

        public void Dispatch(BoardLink link, int reference)
        {
            LineCursor cursor = link.Cursor;
            for (int i = 0; i < names.Length; i++)
            {
                if (cursor.TokenIs(names[i]))
                {
                    handlers[i].Execute(link, reference);
                    return;
                }
            }

            link.Replies.BeginError(reference, LinkError.UnknownCommand);
            link.Replies.EchoToken(WireField.Got);
            link.Transport.Send();
        }
    }
}
