namespace ThermalMonitor.Core.Link
{
    /// <summary>
    /// The one judge of a configuration document's syntax (PROTOCOL.md §11), run by every board
    /// before its JSON library sees the document, so the ESP32 (nanoFramework.Json, which accepts
    /// trailing commas, single quotes, missing commas, leading zeros and '+', and throws on some
    /// valid documents) and the host twin (System.Text.Json) refuse exactly the same documents with
    /// exactly the same message. One pass over the bytes, no allocation unless the document is
    /// refused; every loop is bounded by the document's length.
    /// <list type="bullet">
    /// <item>RFC 8259 syntax, strictly: whitespace is space, tab, LF, CR; literals are lower case;
    /// numbers have no '+', no leading zero, digits after '.' and after an exponent; strings are
    /// valid UTF-8 without raw control characters; nothing but whitespace after the value.</item>
    /// <item>The value is one object (the document).</item>
    /// <item>At most <see cref="DepthMax"/> nested containers, the document counting as one.</item>
    /// <item>No <c>\u</c> escape, anywhere: nanoFramework.Json mis-decodes them
    /// (nanoframework/Home#1682), so no board accepts them. The other escapes (<c>\" \\ \/ \b \f
    /// \n \r \t</c>) are fine.</item>
    /// <item>At most <see cref="MembersMax"/> members in the document object (a line of
    /// <see cref="LineTransport.LineBytesMax"/> bytes holds at most 153, so on the wire this never
    /// binds), and at most <see cref="DocumentBytesMax"/> bytes.</item>
    /// </list>
    /// A refusal is reported to the builder as one syntax error (BAD_JSON, field json): the first
    /// problem by position. A document that passes is walked by the board's reader member by member
    /// in document order through <see cref="MemberCount"/> and the accessors below, which also
    /// decide every shape a library cannot be trusted with (objects, arrays, integers beyond
    /// 32 bits) and find a member name given a second time (<see cref="IsRepeat"/>; names compare
    /// after unescaping), which the builder refuses. Objects nested inside a member's value are not checked for repeated
    /// names: such a value is the wrong type for every member, and no library ever reads it.
    /// </summary>
    public sealed class ConfigJsonChecker
    {
        /// <summary>Nesting limit (the document object is level 1); it protects the board's stack.</summary>
        public const int DepthMax = 8;

        /// <summary>Most members the document object may have.</summary>
        public const int MembersMax = 160;

        /// <summary>Longest document (member offsets are kept in 16 bits); a line is far shorter.</summary>
        public const int DocumentBytesMax = 65535;

        private const int NoProblem = -1;

        // Offsets from Start, 2 bytes each: the whole table is part of the board's 32 KB start-up budget.
        private readonly ushort[] nameOffset = new ushort[MembersMax];
        private readonly bool[] isArray = new bool[DepthMax];
        private byte[] bytes = new byte[0];
        private int end;
        private string problem = string.Empty;
        private int problemAt = NoProblem;

        /// <summary>The bytes of the last document checked.</summary>
        public byte[] Bytes => bytes;

        /// <summary>Where the last document starts in <see cref="Bytes"/>.</summary>
        public int Start { get; private set; }

        /// <summary>Its length in bytes.</summary>
        public int Length => end - Start;

        /// <summary>Members of the document object, in document order (valid after a successful check).</summary>
        public int MemberCount { get; private set; }

        /// <summary>
        /// Checks <paramref name="document"/>[<paramref name="start"/>, +<paramref name="length"/>).
        /// False after reporting the first problem to <paramref name="builder"/> as a syntax error.
        /// </summary>
        public bool Check(byte[] document, int start, int length, ConfigDocumentBuilder builder)
        {
            bytes = document;
            Start = start;
            end = start + length;
            MemberCount = 0;
            problemAt = NoProblem;
            int position = SkipSpace(start);
            if (length > DocumentBytesMax)
            {
                Fail("a document longer than " + DocumentBytesMax.ToString() + " bytes", start);
            }
            else if (position >= end || bytes[position] != (byte)'{')
            {
                Fail("expected a JSON object ({...})", position);
            }
            else
            {
                position = CheckValue(position);
            }

            if (problemAt == NoProblem)
            {
                position = SkipSpace(position);
                if (position < end)
                {
                    Fail("unexpected content after the closing '}'", position);
                }
            }

            if (problemAt != NoProblem)
            {
                MemberCount = 0;
                builder.SyntaxError(problem + Where(problemAt));
                return false;
            }

            return true;
        }

        /// <summary>
        /// Whether member <paramref name="index"/> repeats the name of an earlier member (compared
        /// after unescaping; worked out on each call, at most <see cref="MembersMax"/> comparisons).
        /// </summary>
        public bool IsRepeat(int index)
        {
            int quote = NameStart(index);
            int closing = SkipString(quote) - 1;
            for (int i = 0; i < index; i++)
            {
                if (SameName(NameStart(i), quote, closing))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Offset in <see cref="Bytes"/> of member <paramref name="index"/>'s name (its opening quote).</summary>
        public int NameStart(int index) => Start + nameOffset[index];

        /// <summary>Offset just past member <paramref name="index"/>'s value.</summary>
        public int ValueEnd(int index) => SkipValue(ValueStart(index));

        /// <summary>Offset of member <paramref name="index"/>'s value.</summary>
        public int ValueStart(int index)
        {
            int position = SkipSpace(SkipString(NameStart(index)));
            return SkipSpace(position + 1); // past the ':'
        }

        /// <summary>What member <paramref name="index"/>'s value is.</summary>
        public JsonShape Shape(int index) => ShapeAt(ValueStart(index));

        /// <summary>The name of member <paramref name="index"/>, unescaped (allocates: command time only).</summary>
        public string Name(int index) => DecodeString(NameStart(index));

        /// <summary>
        /// Member <paramref name="index"/>'s value, unescaped (its shape must be
        /// <see cref="JsonShape.String"/>; allocates: command time only).
        /// </summary>
        public string StringValue(int index) => DecodeString(ValueStart(index));

        /// <summary>The (valid) string whose opening quote is at <paramref name="quote"/>, unescaped.</summary>
        private string DecodeString(int quote)
        {
            int first = quote + 1;
            int last = SkipString(quote) - 1; // the closing quote
            char[] chars = new char[last - first];
            int count = 0;
            int position = first;
            while (position < last)
            {
                int code = bytes[position];
                if (code == '\\')
                {
                    code = Unescape(bytes[position + 1]);
                    position += 2;
                }
                else if (code < 0x80)
                {
                    position++;
                }
                else
                {
                    position = DecodeUtf8(position, out code);
                }

                if (code >= 0x10000)
                {
                    code -= 0x10000;
                    chars[count++] = (char)(0xD800 + (code >> 10));
                    code = 0xDC00 + (code & 0x3FF);
                }

                chars[count++] = (char)code;
            }

            return new string(chars, 0, count);
        }

        /// <summary>
        /// Member <paramref name="index"/>'s value as a whole number (its shape must be
        /// <see cref="JsonShape.Integer"/>), saturated to ±(2^63 − 1) so any number beyond 32 bits
        /// stays beyond them.
        /// </summary>
        public long IntegerValue(int index) => IntegerAt(ValueStart(index));

        /// <summary>
        /// The items of member <paramref name="index"/>'s array (its shape must be
        /// <see cref="JsonShape.Array"/>): whole numbers go into <paramref name="items"/> (saturated as
        /// <see cref="IntegerValue"/>; at most its length are kept), <paramref name="oddItem"/> is the
        /// shape of the first item that is not a whole number (<see cref="JsonShape.None"/> if none).
        /// Returns the true number of items.
        /// </summary>
        public int ArrayItems(int index, long[] items, out JsonShape oddItem)
        {
            oddItem = JsonShape.None;
            int position = SkipSpace(ValueStart(index) + 1);
            int count = 0;
            while (position < end && bytes[position] != (byte)']')
            {
                JsonShape shape = ShapeAt(position);
                if (shape == JsonShape.Integer && count < items.Length)
                {
                    items[count] = IntegerAt(position);
                }
                else if (shape != JsonShape.Integer && oddItem == JsonShape.None)
                {
                    oddItem = shape;
                }

                count++;
                position = SkipSpace(SkipValue(position));
                if (position < end && bytes[position] == (byte)',')
                {
                    position = SkipSpace(position + 1);
                }
            }

            return count;
        }

        /// <summary>
        /// Checks the value at <paramref name="position"/> and everything inside it; returns the offset
        /// just past it. Containers are tracked in <see cref="isArray"/>, never by recursion. Each
        /// pass consumes at least one byte or records a problem, so the loop ends within the document.
        /// </summary>
        private int CheckValue(int position)
        {
            int depth = 0;
            bool expectValue = true;
            while (problemAt == NoProblem)
            {
                if (!expectValue)
                {
                    position = AfterValue(position, ref depth, out expectValue);
                }
                else
                {
                    position = SkipSpace(position);
                    if (position >= end)
                    {
                        return Fail("the document ends where a value should be", position);
                    }

                    if (bytes[position] == (byte)'{' || bytes[position] == (byte)'[')
                    {
                        position = Open(position, ref depth, out expectValue);
                    }
                    else
                    {
                        position = CheckScalar(position);
                        expectValue = false;
                    }
                }

                if (depth == 0 && !expectValue)
                {
                    return position;
                }
            }

            return position;
        }

        /// <summary>Opens a container at <paramref name="position"/> (an object's first name is read too); an empty one is closed again at once.</summary>
        private int Open(int position, ref int depth, out bool expectValue)
        {
            expectValue = false;
            if (depth == DepthMax)
            {
                return Fail("nested deeper than " + DepthMax.ToString() + " levels (the document object is level 1)", position);
            }

            bool array = bytes[position] == (byte)'[';
            isArray[depth] = array;
            depth++;
            int next = SkipSpace(position + 1);
            if (next < end && bytes[next] == (byte)(array ? ']' : '}'))
            {
                depth--;
                return next + 1;
            }

            expectValue = true;
            return array ? next : Member(next, depth);
        }

        /// <summary>After a value inside a container: ',' and the next item or member, or the container's end.</summary>
        private int AfterValue(int position, ref int depth, out bool expectValue)
        {
            expectValue = false;
            position = SkipSpace(position);
            bool array = isArray[depth - 1];
            if (position >= end)
            {
                return Fail(array ? "the document ends before the closing ']' of an array" : "the document ends before the closing '}' of an object", position);
            }

            byte next = bytes[position];
            if (next == (byte)(array ? ']' : '}'))
            {
                depth--;
                return position + 1;
            }

            if (next != (byte)',')
            {
                return Fail(array ? "expected ',' or ']' after an array item" : "expected ',' or '}' after a member's value", position);
            }

            expectValue = true;
            position = SkipSpace(position + 1);
            if (position < end && bytes[position] == (byte)(array ? ']' : '}'))
            {
                return Fail("a trailing comma before the closing '" + (array ? "]" : "}") + "'", position);
            }

            return array ? position : Member(position, depth);
        }

        /// <summary>A member name and its ':' at <paramref name="position"/> (inside an object at <paramref name="depth"/>).</summary>
        private int Member(int position, int depth)
        {
            if (position >= end || bytes[position] != (byte)'"')
            {
                return Fail(position < end && bytes[position] == (byte)'\'' ? "a member name in single quotes (JSON needs double quotes)" : "expected a member name in double quotes", position);
            }

            int quote = position;
            position = CheckString(position);
            if (problemAt != NoProblem)
            {
                return position;
            }

            if (depth == 1)
            {
                Record(quote);
            }

            position = SkipSpace(position);
            if (position >= end || bytes[position] != (byte)':')
            {
                return Fail("expected ':' after the member name", position);
            }

            return position + 1;
        }

        /// <summary>Adds a member of the document object (its name's opening quote).</summary>
        private void Record(int quote)
        {
            if (MemberCount == MembersMax)
            {
                Fail("more than " + MembersMax.ToString() + " members in the document", quote);
                return;
            }

            nameOffset[MemberCount] = (ushort)(quote - Start);
            MemberCount++;
        }

        /// <summary>A string, number or literal at <paramref name="position"/>.</summary>
        private int CheckScalar(int position)
        {
            byte first = bytes[position];
            if (first == (byte)'"')
            {
                return CheckString(position);
            }

            if (first == (byte)'-' || (first >= (byte)'0' && first <= (byte)'9'))
            {
                return CheckNumber(position);
            }

            // Upper-case first letters too, to say why "True" is refused.
            if (first == (byte)'t' || first == (byte)'T')
            {
                return CheckLiteral(position, "true");
            }

            if (first == (byte)'f' || first == (byte)'F')
            {
                return CheckLiteral(position, "false");
            }

            if (first == (byte)'n' || first == (byte)'N')
            {
                return CheckLiteral(position, "null");
            }

            if (first == (byte)'+')
            {
                return Fail("a number with a '+' sign", position);
            }

            if (first == (byte)'\'')
            {
                return Fail("a string in single quotes (JSON needs double quotes)", position);
            }

            if (first == (byte)']' || first == (byte)'}')
            {
                return Fail("expected a value, found '" + new string((char)first, 1) + "'", position);
            }

            return Fail("expected a value", position);
        }

        private int CheckLiteral(int position, string literal)
        {
            for (int i = 0; i < literal.Length; i++)
            {
                if (position + i >= end || bytes[position + i] != (byte)literal[i])
                {
                    return Fail("expected a value (true, false and null are lower case)", position);
                }
            }

            return position + literal.Length;
        }

        private int CheckNumber(int position)
        {
            int numberStart = position;
            if (bytes[position] == (byte)'-')
            {
                position++;
            }

            if (position >= end || !IsDigit(bytes[position]))
            {
                return Fail("a '-' without digits", numberStart);
            }

            if (bytes[position] == (byte)'0' && position + 1 < end && IsDigit(bytes[position + 1]))
            {
                return Fail("a number with a leading zero", numberStart);
            }

            position = SkipDigits(position);
            if (position < end && bytes[position] == (byte)'.')
            {
                if (position + 1 >= end || !IsDigit(bytes[position + 1]))
                {
                    return Fail("a '.' without digits after it", position);
                }

                position = SkipDigits(position + 1);
            }

            if (position < end && (bytes[position] == (byte)'e' || bytes[position] == (byte)'E'))
            {
                int mark = position;
                position++;
                if (position < end && (bytes[position] == (byte)'+' || bytes[position] == (byte)'-'))
                {
                    position++;
                }

                if (position >= end || !IsDigit(bytes[position]))
                {
                    return Fail("an exponent without digits", mark);
                }

                position = SkipDigits(position);
            }

            return position;
        }

        /// <summary>A string at <paramref name="position"/> (its opening quote); returns the offset past its closing quote.</summary>
        private int CheckString(int position)
        {
            int quote = position;
            position++;
            while (position < end)
            {
                byte b = bytes[position];
                if (b == (byte)'"')
                {
                    return position + 1;
                }

                if (b == (byte)'\\')
                {
                    if (position + 1 >= end)
                    {
                        break;
                    }

                    byte escaped = bytes[position + 1];
                    if (escaped == (byte)'u')
                    {
                        return Fail("a \\u escape: no board decodes them, write the character itself", position);
                    }

                    if (Unescape(escaped) < 0)
                    {
                        return Fail("an invalid escape (only \\\" \\\\ \\/ \\b \\f \\n \\r \\t)", position);
                    }

                    position += 2;
                }
                else if (b < 0x20)
                {
                    return Fail("a control character inside a string (it must be escaped)", position);
                }
                else if (b < 0x80)
                {
                    position++;
                }
                else
                {
                    int next = Utf8SequenceEnd(position);
                    if (next < 0)
                    {
                        return Fail("a string that is not valid UTF-8", position);
                    }

                    position = next;
                }
            }

            return Fail("the document ends inside a string", quote);
        }

        /// <summary>The end of the UTF-8 sequence at <paramref name="position"/> (RFC 3629: no overlong form, no surrogate), or -1.</summary>
        private int Utf8SequenceEnd(int position)
        {
            int lead = bytes[position];
            int more;
            int low = 0x80;
            int high = 0xBF;
            if (lead >= 0xC2 && lead <= 0xDF)
            {
                more = 1;
            }
            else if (lead >= 0xE0 && lead <= 0xEF)
            {
                more = 2;
                low = lead == 0xE0 ? 0xA0 : 0x80;
                high = lead == 0xED ? 0x9F : 0xBF;
            }
            else if (lead >= 0xF0 && lead <= 0xF4)
            {
                more = 3;
                low = lead == 0xF0 ? 0x90 : 0x80;
                high = lead == 0xF4 ? 0x8F : 0xBF;
            }
            else
            {
                return -1;
            }

            for (int i = 1; i <= more; i++)
            {
                if (position + i >= end)
                {
                    return -1;
                }

                int b = bytes[position + i];
                if (b < (i == 1 ? low : 0x80) || b > (i == 1 ? high : 0xBF))
                {
                    return -1;
                }
            }

            return position + 1 + more;
        }

        /// <summary>The code point of the (valid) UTF-8 sequence at <paramref name="position"/>; returns the offset past it.</summary>
        private int DecodeUtf8(int position, out int code)
        {
            int lead = bytes[position];
            int more = lead >= 0xF0 ? 3 : (lead >= 0xE0 ? 2 : 1);
            code = lead & (0x3F >> more);
            for (int i = 1; i <= more; i++)
            {
                code = (code << 6) | (bytes[position + i] & 0x3F);
            }

            return position + 1 + more;
        }

        /// <summary>Whether the names whose opening quotes are at <paramref name="earlier"/> and <paramref name="quote"/> are equal once unescaped.</summary>
        private bool SameName(int earlier, int quote, int closing)
        {
            int a = earlier + 1;
            int b = quote + 1;
            while (b < closing)
            {
                if (bytes[a] == (byte)'"')
                {
                    return false;
                }

                int left = bytes[a] == (byte)'\\' ? Unescape(bytes[a + 1]) : bytes[a];
                int right = bytes[b] == (byte)'\\' ? Unescape(bytes[b + 1]) : bytes[b];
                if (left != right)
                {
                    return false;
                }

                a += bytes[a] == (byte)'\\' ? 2 : 1;
                b += bytes[b] == (byte)'\\' ? 2 : 1;
            }

            return bytes[a] == (byte)'"';
        }

        /// <summary>The byte a simple escape stands for (<c>\n</c> → LF), or -1 when it is not one.</summary>
        private static int Unescape(byte escaped)
        {
            switch (escaped)
            {
                case (byte)'"':
                case (byte)'\\':
                case (byte)'/':
                    return escaped;
                case (byte)'b':
                    return 0x08;
                case (byte)'f':
                    return 0x0C;
                case (byte)'n':
                    return 0x0A;
                case (byte)'r':
                    return 0x0D;
                case (byte)'t':
                    return 0x09;
                default:
                    return -1;
            }
        }

        private JsonShape ShapeAt(int position)
        {
            byte first = bytes[position];
            switch (first)
            {
                case (byte)'{':
                    return JsonShape.Object;
                case (byte)'[':
                    return JsonShape.Array;
                case (byte)'"':
                    return JsonShape.String;
                case (byte)'t':
                case (byte)'f':
                    return JsonShape.Boolean;
                case (byte)'n':
                    return JsonShape.Null;
            }

            int after = SkipNumber(position);
            for (int i = position; i < after; i++)
            {
                if (bytes[i] == (byte)'.' || bytes[i] == (byte)'e' || bytes[i] == (byte)'E')
                {
                    return JsonShape.Fraction;
                }
            }

            return JsonShape.Integer;
        }

        /// <summary>The whole number at <paramref name="position"/>, saturated to ±(2^63 − 1).</summary>
        private long IntegerAt(int position)
        {
            bool negative = bytes[position] == (byte)'-';
            int digit = negative ? position + 1 : position;
            int after = SkipDigits(digit);
            long value = 0;
            for (; digit < after; digit++)
            {
                int d = bytes[digit] - '0';
                if (value > (long.MaxValue - d) / 10)
                {
                    value = long.MaxValue;
                    break;
                }

                value = (value * 10) + d;
            }

            return negative ? -value : value;
        }

        /// <summary>Past the (valid) value at <paramref name="position"/>: a scalar, or a container and all it holds.</summary>
        private int SkipValue(int position)
        {
            byte first = bytes[position];
            if (first == (byte)'"')
            {
                return SkipString(position);
            }

            if (first != (byte)'{' && first != (byte)'[')
            {
                return first == (byte)'-' || IsDigit(first) ? SkipNumber(position) : SkipLetters(position);
            }

            int depth = 0;
            while (position < end)
            {
                byte b = bytes[position];
                if (b == (byte)'"')
                {
                    position = SkipString(position);
                    continue;
                }

                depth += b == (byte)'{' || b == (byte)'[' ? 1 : (b == (byte)'}' || b == (byte)']' ? -1 : 0);
                position++;
                if (depth == 0)
                {
                    break;
                }
            }

            return position;
        }

        /// <summary>Past the (valid) string whose opening quote is at <paramref name="position"/>.</summary>
        private int SkipString(int position)
        {
            position++;
            while (position < end && bytes[position] != (byte)'"')
            {
                position += bytes[position] == (byte)'\\' ? 2 : 1;
            }

            return position + 1;
        }

        private int SkipNumber(int position)
        {
            while (position < end && (IsDigit(bytes[position]) || bytes[position] == (byte)'-' || bytes[position] == (byte)'+' || bytes[position] == (byte)'.' || bytes[position] == (byte)'e' || bytes[position] == (byte)'E'))
            {
                position++;
            }

            return position;
        }

        private int SkipLetters(int position)
        {
            while (position < end && bytes[position] >= (byte)'a' && bytes[position] <= (byte)'z')
            {
                position++;
            }

            return position;
        }

        private int SkipDigits(int position)
        {
            while (position < end && IsDigit(bytes[position]))
            {
                position++;
            }

            return position;
        }

        private int SkipSpace(int position)
        {
            while (position < end && (bytes[position] == (byte)' ' || bytes[position] == (byte)'\t' || bytes[position] == (byte)'\n' || bytes[position] == (byte)'\r'))
            {
                position++;
            }

            return position;
        }

        private static bool IsDigit(byte b) => b >= (byte)'0' && b <= (byte)'9';

        /// <summary>
        /// " (at byte N)", N counted from the document's start; in a document of several lines (a
        /// file: a line on the wire has no LF) " (at line L, byte N)", L from 1 and N from the line's start.
        /// </summary>
        private string Where(int position)
        {
            int lineFeeds = 0;
            int lineStart = Start;
            for (int i = Start; i < position; i++)
            {
                if (bytes[i] == (byte)'\n')
                {
                    lineFeeds++;
                    lineStart = i + 1;
                }
            }

            string at = "byte " + (position - lineStart).ToString() + ")";
            return lineFeeds == 0 ? " (at " + at : " (at line " + (lineFeeds + 1).ToString() + ", " + at;
        }

        /// <summary>Keeps the first problem (constant text until the report); returns a position that ends every loop.</summary>
        private int Fail(string what, int position)
        {
            if (problemAt == NoProblem)
            {
                problem = what;
                problemAt = position;
            }

            return end;
        }
    }
}
