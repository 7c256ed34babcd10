namespace ThermalMonitor.Core.Link
{
    /// <summary>
    /// OK and ERR lines (PROTOCOL.md §5, §7). An error names what was wrong and echoes the
    /// offending token, so a person at a terminal can fix a hand-typed line; every refusal is
    /// counted, and the last one is kept so tests and fuzzers can check each line's fate.
    /// </summary>
    public sealed class Replies
    {
        /// <summary>Longest echo of a bad argument in an error reply.</summary>
        public const int EchoBytesMax = 24;

        private readonly LineTransport transport;
        private readonly LineCursor cursor;

        public Replies(LineTransport transport, LineCursor cursor)
        {
            this.transport = transport;
            this.cursor = cursor;
        }

        public int Rejected { get; private set; }

        /// <summary>The last error replied (None once a line was carried out).</summary>
        public LinkError LastError { get; private set; }

        public void ClearLastError() => LastError = LinkError.None;

        /// <summary>Starts "OK &lt;ref&gt;"; fields follow, then <see cref="LineTransport.Send"/>.</summary>
        public void BeginOk(int reference)
        {
            transport.BeginLine(LinkDictionary.Ok);
            WriteReference(transport.Writer, reference);
        }

        /// <summary>Starts "ERR &lt;ref&gt; &lt;CODE&gt;"; fields follow, then <see cref="LineTransport.Send"/>.</summary>
        public void BeginError(int reference, LinkError error)
        {
            LastError = error;
            Rejected++;
            transport.BeginLine(LinkDictionary.Err);
            WriteReference(transport.Writer, reference);
            transport.Writer.Space();
            transport.Writer.Text(LinkDictionary.ErrorName(error));
        }

        public void Ok(int reference)
        {
            BeginOk(reference);
            transport.Send();
        }

        public void Error(int reference, LinkError error)
        {
            BeginError(reference, error);
            transport.Send();
        }

        public void MissingArgument(int reference, string expected)
        {
            BeginError(reference, LinkError.MissingArgument);
            transport.Writer.Field(WireField.Expected, expected);
            transport.Send();
        }

        public void BadArgument(int reference, string argument)
        {
            BeginError(reference, LinkError.BadArgument);
            transport.Writer.Field(WireField.Argument, argument);
            EchoToken(WireField.Got);
            transport.Send();
        }

        public void OutOfRange(int reference, string argument, long min, long max, long got)
        {
            BeginError(reference, LinkError.OutOfRange);
            LineWriter writer = transport.Writer;
            writer.Field(WireField.Argument, argument);
            writer.Field(WireField.Min, min);
            writer.Field(WireField.Max, max);
            writer.Field(WireField.Got, got);
            transport.Send();
        }

        /// <summary>True when the command has no further token; otherwise replies TOO_MANY_ARGUMENTS.</summary>
        public bool NoMoreArguments(int reference)
        {
            if (!cursor.Next())
            {
                return true;
            }

            BeginError(reference, LinkError.TooManyArguments);
            EchoToken(WireField.Extra);
            transport.Send();
            return false;
        }

        /// <summary>Echoes the current token, cut to <see cref="EchoBytesMax"/>, so the error says what was wrong.</summary>
        public void EchoToken(string key)
        {
            LineWriter writer = transport.Writer;
            writer.Key(key);
            int count = cursor.TokenLength < EchoBytesMax ? cursor.TokenLength : EchoBytesMax;
            writer.Bytes(transport.Line, cursor.TokenStart, count);
        }

        /// <summary>" &lt;ref&gt;", or " -" for lines the board could not attribute (damaged, unreadable).</summary>
        public static void WriteReference(LineWriter writer, int reference)
        {
            writer.Space();
            if (reference >= 0)
            {
                writer.Int(reference);
            }
            else
            {
                writer.Char('-');
            }
        }
    }
}
