namespace ThermalMonitor.Core.Link
{
    /// <summary>
    /// Walks the space-separated tokens of a received line (already stripped of its "*CRC") without
    /// allocating: the current token is <see cref="TokenStart"/>/<see cref="TokenLength"/> in the
    /// line buffer, and the parse helpers read it in place.
    /// </summary>
    public sealed class LineCursor
    {
        private byte[] line = new byte[0];
        private int end;
        private int position;

        public int TokenStart { get; private set; }

        public int TokenLength { get; private set; }

        /// <summary>1-based index of the current token (the sequence number is token 1).</summary>
        public int TokenIndex { get; private set; }

        public int Position => position;

        public void Reset(byte[] bytes, int length)
        {
            line = bytes;
            end = length;
            position = 0;
            TokenStart = 0;
            TokenLength = 0;
            TokenIndex = 0;
        }

        /// <summary>Moves to the next token; false (and an empty token) at the end of the line.</summary>
        public bool Next()
        {
            while (position < end && line[position] == (byte)' ')
            {
                position++;
            }

            TokenStart = position;
            while (position < end && line[position] != (byte)' ')
            {
                position++;
            }

            TokenLength = position - TokenStart;
            if (TokenLength > 0)
            {
                TokenIndex++;
                return true;
            }

            return false;
        }

        /// <summary>Start of the rest of the line after the current token and one separator (for a JSON payload).</summary>
        public int RestStart()
        {
            int start = position;
            while (start < end && line[start] == (byte)' ')
            {
                start++;
            }

            return start;
        }

        public int End => end;

        public bool TokenIs(string literal)
        {
            if (literal.Length != TokenLength)
            {
                return false;
            }

            for (int i = 0; i < TokenLength; i++)
            {
                if (line[TokenStart + i] != (byte)literal[i])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// Decimal token, optional leading '-', within [min, max]; no other characters. Leading zeros
        /// are allowed; the length is bounded by the line. Accumulates negatively so that
        /// long.MinValue, whose magnitude has no positive long, parses too.
        /// </summary>
        public bool TryParseLong(long min, long max, out long value)
        {
            value = 0;
            if (TokenLength == 0)
            {
                return false;
            }

            int i = TokenStart;
            int stop = TokenStart + TokenLength;
            bool negative = line[i] == (byte)'-';
            if (negative)
            {
                i++;
                if (i == stop)
                {
                    return false;
                }
            }

            long accumulator = 0; // ≤ 0 throughout
            for (; i < stop; i++)
            {
                int digit = line[i] - '0';
                if (digit < 0 || digit > 9)
                {
                    return false;
                }

                if (accumulator < (long.MinValue + digit) / 10)
                {
                    return false; // beyond 64 bits
                }

                accumulator = (accumulator * 10) - digit;
            }

            if (!negative && accumulator == long.MinValue)
            {
                return false;
            }

            value = negative ? accumulator : -accumulator;
            return value >= min && value <= max;
        }

        public bool TryParseInt(int min, int max, out int value)
        {
            bool ok = TryParseLong(min, max, out long wide);
            value = ok ? (int)wide : 0;
            return ok;
        }

        /// <summary>Value of one hex digit at <paramref name="index"/> in the line, or -1.</summary>
        public int HexDigitAt(int index)
        {
            int c = line[index];
            if (c >= '0' && c <= '9')
            {
                return c - '0';
            }

            if (c >= 'A' && c <= 'F')
            {
                return c - 'A' + 10;
            }

            if (c >= 'a' && c <= 'f')
            {
                return c - 'a' + 10;
            }

            return -1;
        }

        public byte ByteAt(int index) => line[index];
    }
}
