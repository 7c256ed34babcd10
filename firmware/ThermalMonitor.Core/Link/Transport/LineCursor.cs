namespace ThermalMonitor.Core.Link
{
    /// <summary>
    /// Walks the space-separated tokens of a received line (already stripped of its "*CRC") without
    /// allocating: the current token is <see cref="TokenStart"/>/<see cref="TokenLength"/> in the
    /// line buffer, and the parse helpers read it in place.
    /// </summary>
    public sealed class LineCursor
    {
        /// <summary>Hex digit value of every byte, -1 for bytes that are not one: one lookup instead of six compares.</summary>
        private static readonly sbyte[] HexValues = BuildHexValues();

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
            // Locals, not fields, in the byte loops: the interpreter pays for every field load.
            byte[] bytes = line;
            int stop = end;
            int i = position;
            while (i < stop && bytes[i] == (byte)' ')
            {
                i++;
            }

            int start = i;
            while (i < stop && bytes[i] != (byte)' ')
            {
                i++;
            }

            position = i;
            TokenStart = start;
            TokenLength = i - start;
            if (i > start)
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

        /// <summary>True when the token after the current one is <paramref name="literal"/>; the cursor does not move.</summary>
        public bool NextTokenIs(string literal)
        {
            int start = position;
            while (start < end && line[start] == (byte)' ')
            {
                start++;
            }

            int stop = start;
            while (stop < end && line[stop] != (byte)' ')
            {
                stop++;
            }

            if (stop - start != literal.Length)
            {
                return false;
            }

            for (int i = 0; i < literal.Length; i++)
            {
                if (line[start + i] != (byte)literal[i])
                {
                    return false;
                }
            }

            return true;
        }

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
            byte[] bytes = line;

            // Up to 18 digits cannot leave 64 bits: no overflow check (a 64-bit division) per digit.
            bool checkOverflow = stop - i > 18;
            for (; i < stop; i++)
            {
                int digit = bytes[i] - '0';
                if (digit < 0 || digit > 9)
                {
                    return false;
                }

                if (checkOverflow && accumulator < (long.MinValue + digit) / 10)
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
        public int HexDigitAt(int index) => HexValues[line[index]];

        /// <summary>
        /// Value of <paramref name="digits"/> (1..7) hex digits from <paramref name="index"/> in the
        /// line, either case, or -1 when one of them is not a hex digit.
        /// </summary>
        public int HexAt(int index, int digits)
        {
            byte[] bytes = line;
            sbyte[] values = HexValues;
            int value = 0;
            int stop = index + digits;
            for (int i = index; i < stop; i++)
            {
                int digit = values[bytes[i]];
                if (digit < 0)
                {
                    return -1;
                }

                value = (value << 4) | digit;
            }

            return value;
        }

        /// <summary>
        /// Reads <paramref name="count"/> values of three hex digits each from <paramref name="index"/>
        /// into <paramref name="into"/> (an INJ burst); false at the first non-hex digit (the values
        /// before it are then written, the rest not).
        /// </summary>
        public bool HexTriplets(int index, int[] into, int count)
        {
            byte[] bytes = line;
            sbyte[] values = HexValues;
            int at = index;
            for (int i = 0; i < count; i++)
            {
                int high = values[bytes[at]];
                int middle = values[bytes[at + 1]];
                int low = values[bytes[at + 2]];
                if ((high | middle | low) < 0)
                {
                    return false;
                }

                into[i] = (high << 8) | (middle << 4) | low;
                at += 3;
            }

            return true;
        }

        public byte ByteAt(int index) => line[index];

        private static sbyte[] BuildHexValues()
        {
            sbyte[] values = new sbyte[256];
            for (int i = 0; i < 256; i++)
            {
                values[i] = (sbyte)(i >= '0' && i <= '9' ? i - '0' : i >= 'A' && i <= 'F' ? i - 'A' + 10 : i >= 'a' && i <= 'f' ? i - 'a' + 10 : -1);
            }

            return values;
        }
    }
}
