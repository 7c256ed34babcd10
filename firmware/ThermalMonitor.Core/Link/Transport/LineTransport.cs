using ThermalMonitor.Core.Board;

namespace ThermalMonitor.Core.Link
{
    /// <summary>
    /// Lines over a byte port (PROTOCOL.md §2, §9): assembles received bytes into lines, checks
    /// each one's framing (length, integrity check, printable ASCII) and hands it over with its
    /// verdict; numbers and sends outgoing lines. It keeps no receive ring of its own: the driver's
    /// buffer is the ring, and bytes stay there until the loop's service point takes them, so the
    /// board advertises exactly that buffer. Every buffer is allocated here once.
    /// </summary>
    public sealed class LineTransport
    {
        /// <summary>Longest received line before its CR/LF, trailer included. Longer lines are discarded (OVERLONG).</summary>
        public const int LineBytesMax = 768;

        /// <summary>Longest line the board writes (a CFG reply carries the whole configuration document).</summary>
        public const int OutgoingLineBytesMax = 3072;

        /// <summary>Bytes taken from the port at a time; what is not yet consumed waits here for the next line.</summary>
        private const int ChunkBytes = 64;

        /// <summary>Outgoing lines longer than this go out in pieces of this size (only CFG replies are; every other line goes whole).</summary>
        private const int OutgoingPieceBytes = 512;

        private readonly IBytePort port;
        private readonly byte[] chunk = new byte[ChunkBytes];
        private readonly byte[] line = new byte[LineBytesMax];
        private readonly LineWriter writer;

        private int chunkStart;
        private int chunkEnd;
        private int lineLength;
        private bool lineOverlong;
        private bool lineDamaged;
        private bool gapPending;
        private long lostBytesSeen;
        private int txSequence;

        public LineTransport(IBytePort port)
        {
            if (port == null)
            {
                throw new System.ArgumentNullException("port");
            }

            this.port = port;
            writer = new LineWriter(OutgoingPieceBytes, OutgoingLineBytesMax, port);
        }

        public IBytePort Port => port;

        public LineWriter Writer => writer;

        /// <summary>The current line's bytes (valid after <see cref="TryTakeLine"/> returned true).</summary>
        public byte[] Line => line;

        /// <summary>Bytes of the current line before its "*XXXX" check (the text the command parser reads).</summary>
        public int TextLength { get; private set; }

        /// <summary>
        /// True when the current line has no "*XXXX" check but is otherwise clean printable text: a
        /// person typing in a serial monitor (PROTOCOL.md §12). Only read-only commands are carried
        /// out from such a line; the whole line is then the text.
        /// </summary>
        public bool Unchecked { get; private set; }

        /// <summary>Why the current line cannot be carried out, or None.</summary>
        public LinkError Fault { get; private set; }

        /// <summary>For BAD_CHECKSUM: the check the line should have carried. For NOT_ASCII: the offending position.</summary>
        public int FaultDetail { get; private set; }

        public int TxDroppedLines { get; private set; }

        /// <summary>Bytes the port's driver lost because its buffer was full (since start-up).</summary>
        public long RxLostBytes => port.ReceiveLostBytes;

        /// <summary>
        /// Takes bytes from the port until a line ends; false when no complete line is buffered (a
        /// partial line is kept for the next call). A line that lost bytes, or was too long, or is
        /// malformed, is still returned, with its <see cref="Fault"/>, so the host gets an answer.
        /// </summary>
        public bool TryTakeLine()
        {
            while (true)
            {
                if (chunkStart == chunkEnd && !Refill())
                {
                    return false;
                }

                if (gapPending)
                {
                    // The first byte after lost ones: the line it belongs to (or ends) is incomplete.
                    lineDamaged = true;
                    gapPending = false;
                }

                // Scan the chunk for a line end with locals only, then move the run before it with
                // one native copy: per byte, one load and two compares on the interpreter.
                byte[] source = chunk;
                int start = chunkStart;
                int stop = chunkEnd;
                int i = start;
                while (i < stop)
                {
                    byte value = source[i];
                    if (value == (byte)'\n' || value == (byte)'\r')
                    {
                        break;
                    }

                    i++;
                }

                int run = i - start;
                if (run > 0)
                {
                    int room = LineBytesMax - lineLength;
                    if (run > room)
                    {
                        lineOverlong = true;
                    }

                    int copied = run < room ? run : room;
                    if (copied > 0)
                    {
                        System.Array.Copy(source, start, line, lineLength, copied);
                        lineLength += copied;
                    }
                }

                if (i == stop)
                {
                    chunkStart = stop; // the line goes on in the next chunk
                    continue;
                }

                chunkStart = i + 1; // past the CR or LF
                if (lineLength == 0 && !lineOverlong && !lineDamaged)
                {
                    continue; // an empty line (or the LF of a CR LF)
                }

                Frame();
                lineLength = 0;
                lineOverlong = false;
                lineDamaged = false;
                return true;
            }
        }

        /// <summary>Starts an outgoing line with the next board sequence number.</summary>
        public void BeginLine(string type)
        {
            txSequence = txSequence == int.MaxValue ? 1 : txSequence + 1;
            writer.Begin(txSequence, type);
        }

        /// <summary>
        /// Finishes the line being written and sends its last piece. A line the port cannot take is
        /// counted; lines up to 512 bytes go in one piece, so they are dropped whole.
        /// </summary>
        public void Send()
        {
            writer.Finish();
            if (writer.SinkFailed)
            {
                // Output is only lost when the host stops reading; alarms come back by re-sending.
                TxDroppedLines++;
            }
        }

        private bool Refill()
        {
            chunkStart = 0;
            chunkEnd = port.Read(chunk, 0, ChunkBytes);
            if (chunkEnd > 0)
            {
                return true;
            }

            chunkEnd = 0;

            // The driver is drained: a loss it counted happened after every byte taken so far.
            long lost = port.ReceiveLostBytes;
            if (lost != lostBytesSeen)
            {
                lostBytesSeen = lost;
                gapPending = true;
            }

            return false;
        }

        private void Frame()
        {
            Fault = LinkError.None;
            FaultDetail = 0;
            TextLength = 0;
            Unchecked = false;
            if (lineDamaged)
            {
                Fault = LinkError.RxOverflow;
                return;
            }

            if (lineOverlong)
            {
                Fault = LinkError.Overlong;
                return;
            }

            int star = -1;
            for (int i = lineLength - 1; i >= 0; i--)
            {
                if (line[i] == (byte)'*')
                {
                    star = i;
                    break;
                }
            }

            if (star < 0)
            {
                FrameUnchecked();
                return;
            }

            int expected = LineCrc.ComputeOverPrintable(line, star, out int firstNonPrintable);
            if (ReadCheck(star) != expected)
            {
                Fault = LinkError.BadChecksum;
                FaultDetail = expected;
                return;
            }

            if (firstNonPrintable >= 0)
            {
                Fault = LinkError.NotAscii;
                FaultDetail = firstNonPrintable;
                return;
            }

            TextLength = star;
        }

        /// <summary>
        /// A line without a check: clean text is handed over as <see cref="Unchecked"/> (the link
        /// decides whether its command may run unchecked); a non-printable byte is NOT_ASCII, as it
        /// would be in a checked line, so a stray backspace is named rather than hidden.
        /// </summary>
        private void FrameUnchecked()
        {
            LineCrc.ComputeOverPrintable(line, lineLength, out int firstNonPrintable);
            if (firstNonPrintable >= 0)
            {
                Fault = LinkError.NotAscii;
                FaultDetail = firstNonPrintable;
                return;
            }

            Unchecked = true;
            TextLength = lineLength;
        }

        /// <summary>The four hex digits after '*', or -1 when they are not exactly four hex digits.</summary>
        private int ReadCheck(int star)
        {
            if (lineLength - star - 1 != 4)
            {
                return -1;
            }

            int received = 0;
            for (int i = star + 1; i < lineLength; i++)
            {
                int c = line[i];
                int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10 : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
                if (digit < 0)
                {
                    return -1;
                }

                received = (received << 4) | digit;
            }

            return received;
        }
    }
}
