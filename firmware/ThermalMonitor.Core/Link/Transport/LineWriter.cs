using ThermalMonitor.Core.FixedPoint;

namespace ThermalMonitor.Core.Link
{
    /// <summary>
    /// Builds one outgoing protocol line in a reused buffer: "&lt;seq&gt; &lt;TYPE&gt; fields*CRC\r\n"
    /// (PROTOCOL.md). Integers are written with hand-written ASCII conversion so that nothing is
    /// allocated per line. Text is kept to printable ASCII: anything else becomes '?', so a line
    /// can never be split or hidden by what it carries. Given a port, the writer streams: a line
    /// longer than its buffer goes out in buffer-sized pieces with the check computed as it goes,
    /// so the board needs no buffer as long as its longest line (a whole configuration document).
    /// </summary>
    public sealed class LineWriter
    {
        /// <summary>Room kept for "*XXXX\r\n".</summary>
        public const int TrailerBytes = 7;

        private static readonly byte[] HexDigits = { (byte)'0', (byte)'1', (byte)'2', (byte)'3', (byte)'4', (byte)'5', (byte)'6', (byte)'7', (byte)'8', (byte)'9', (byte)'A', (byte)'B', (byte)'C', (byte)'D', (byte)'E', (byte)'F' };

        private readonly byte[] buffer;
        private readonly byte[] digits = new byte[20];
        private readonly Board.IBytePort sink;
        private readonly int lineBytesMax;
        private int length;
        private int flushedBytes;
        private int flushedCrc = LineCrc.Initial;
        private bool overflowed;

        /// <summary><paramref name="lineBytesMax"/>: longest line including its trailer.</summary>
        public LineWriter(int lineBytesMax)
        {
            buffer = new byte[lineBytesMax];
            this.lineBytesMax = lineBytesMax;
        }

        /// <summary>A streaming writer: lines up to <paramref name="lineBytesMax"/> through a buffer of <paramref name="chunkBytes"/> into <paramref name="sink"/>.</summary>
        public LineWriter(int chunkBytes, int lineBytesMax, Board.IBytePort sink)
        {
            if (sink == null || chunkBytes <= TrailerBytes || lineBytesMax < chunkBytes)
            {
                throw new System.ArgumentException("a streaming writer needs a sink and a chunk of more than the trailer, at most the line");
            }

            buffer = new byte[chunkBytes];
            this.lineBytesMax = lineBytesMax;
            this.sink = sink;
        }

        /// <summary>True when a streamed piece of the current line could not be written (the line is lost at the host's check).</summary>
        public bool SinkFailed { get; private set; }

        /// <summary>True when this writer sends its pieces itself (then <see cref="Buffer"/> holds only the last piece).</summary>
        public bool Streams => sink != null;

        public byte[] Buffer => buffer;

        /// <summary>Bytes of the finished line (valid after <see cref="Finish"/>).</summary>
        public int Length => length;

        /// <summary>True when content did not fit; the line is then cut short (and still well formed).</summary>
        public bool Overflowed => overflowed;

        /// <summary>Starts an empty buffer (no sequence or type): for documents embedded elsewhere.</summary>
        public void BeginRaw()
        {
            Reset();
        }

        public void Begin(int sequence, string type)
        {
            Reset();
            Int(sequence);
            Space();
            Text(type);
        }

        public void Space() => Put((byte)' ');

        public void Char(char value) => Put(value >= ' ' && value <= '~' ? (byte)value : (byte)'?');

        /// <summary>Printable ASCII only; a null string writes nothing.</summary>
        public void Text(string value)
        {
            if (value == null)
            {
                return;
            }

            for (int i = 0; i < value.Length; i++)
            {
                Char(value[i]);
            }
        }

        /// <summary>Writes " key=" (the value follows with another call).</summary>
        public void Key(string key)
        {
            Space();
            Text(key);
            Put((byte)'=');
        }

        public void Field(string key, string value)
        {
            Key(key);
            Text(value);
        }

        public void Field(string key, int value)
        {
            Key(key);
            Int(value);
        }

        public void Field(string key, long value)
        {
            Key(key);
            Long(value);
        }

        public void Int(int value) => Long(value);

        public void Long(long value)
        {
            if (value < 0)
            {
                Put((byte)'-');
                if (value == long.MinValue)
                {
                    // -(MinValue) overflows: write the known digits.
                    Text("9223372036854775808");
                    return;
                }

                value = -value;
            }

            int count = 0;
            do
            {
                digits[count++] = (byte)('0' + (int)(value % 10));
                value /= 10;
            }
            while (value != 0 && count < digits.Length);

            while (count > 0)
            {
                Put(digits[--count]);
            }
        }

        /// <summary>Exactly <paramref name="digitCount"/> upper-case hex digits of the low bits of <paramref name="value"/>.</summary>
        public void Hex(int value, int digitCount)
        {
            for (int shift = (digitCount - 1) * 4; shift >= 0; shift -= 4)
            {
                Put(HexDigits[(value >> shift) & 0xF]);
            }
        }

        /// <summary>Copies bytes verbatim (already-checked printable ASCII, e.g. from a received line).</summary>
        public void Bytes(byte[] source, int offset, int count)
        {
            for (int i = 0; i < count; i++)
            {
                byte value = source[offset + i];
                Put(value >= (byte)' ' && value <= (byte)'~' ? value : (byte)'?');
            }
        }

        /// <summary>Appends "*CRC\r\n"; the CRC covers everything before the '*'. A streaming writer sends the rest of the line.</summary>
        public void Finish()
        {
            if (sink != null && buffer.Length - length < TrailerBytes)
            {
                Flush();
            }

            int crc = flushedCrc;
            for (int i = 0; i < length; i++)
            {
                crc = LineCrc.Update(crc, buffer[i]);
            }

            buffer[length++] = (byte)'*';
            for (int shift = 12; shift >= 0; shift -= 4)
            {
                buffer[length++] = HexDigits[(crc >> shift) & 0xF];
            }

            buffer[length++] = (byte)'\r';
            buffer[length++] = (byte)'\n';
            if (sink != null)
            {
                Send();
            }
        }

        private void Reset()
        {
            length = 0;
            flushedBytes = 0;
            flushedCrc = LineCrc.Initial;
            overflowed = false;
            SinkFailed = false;
        }

        private void Put(byte value)
        {
            if (flushedBytes + length >= lineBytesMax - TrailerBytes)
            {
                overflowed = true;
                return;
            }

            if (length == buffer.Length)
            {
                Flush();
            }

            buffer[length++] = value;
        }

        /// <summary>Streaming: folds the buffered piece into the check and sends it.</summary>
        private void Flush()
        {
            for (int i = 0; i < length; i++)
            {
                flushedCrc = LineCrc.Update(flushedCrc, buffer[i]);
            }

            flushedBytes += length;
            Send();
        }

        private void Send()
        {
            if (!SinkFailed && !sink.Write(buffer, 0, length))
            {
                SinkFailed = true;
            }

            length = 0;
        }
    }
}
