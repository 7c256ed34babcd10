using ThermalMonitor.Core.Acquisition;

namespace ThermalMonitor.Core.Link
{
    /// <summary>
    /// Reads one channel argument of INJ or INJR (PROTOCOL.md §6) from the cursor's next token
    /// into a <see cref="RawSample"/>, without replying: the handler turns the result into the
    /// reply, and the benchmark times the parse alone. Nothing here allocates.
    /// </summary>
    /// <remarks>
    /// The forms of a channel: "-" (not read), "!n" (the read failed with ReadStatus n, 1..3), and
    /// INJ: the burst, 3 hex digits per read; INJR: the reduced burst, 10 hex digits
    /// <c>QQQQQSSSRR</c>: the trimmed mean in Q8 counts (5 digits, 0..FFF00), the spread of the
    /// kept reads in counts (3 digits, 000..FFF) and the reads outside the outlier band (2 digits,
    /// 0..burst length), as <see cref="BurstReducer"/> gives them.
    /// </remarks>
    public static class InjectArguments
    {
        /// <summary>The channel was read into the sample.</summary>
        public const int Parsed = 0;

        /// <summary>No token left: MISSING_ARGUMENT expected=&lt;channel&gt;.</summary>
        public const int Missing = 1;

        /// <summary>Not one of the channel's forms (length, a non-hex digit, "!" with a bad code): BAD_ARGUMENT arg=&lt;channel&gt; got=&lt;token&gt;.</summary>
        public const int Malformed = 2;

        /// <summary>INJ: a burst of the wrong length (got = reads): OUT_OF_RANGE arg= expected_reads= got=.</summary>
        public const int WrongReadCount = 3;

        /// <summary>INJR: the mean beyond <see cref="CountsQ8Max"/> (got = it): OUT_OF_RANGE arg= min=0 max=1048320 got=.</summary>
        public const int CountsQ8OutOfRange = 4;

        /// <summary>INJR: more rejected reads than the burst has (got = them): OUT_OF_RANGE arg= min=0 max=&lt;burst&gt; got=.</summary>
        public const int RejectedOutOfRange = 5;

        public const int CountsQ8Digits = 5;

        public const int SpreadDigits = 3;

        public const int RejectedDigits = 2;

        /// <summary>Hex digits of one reduced channel.</summary>
        public const int ReducedDigits = CountsQ8Digits + SpreadDigits + RejectedDigits;

        /// <summary>Largest trimmed mean: every kept read at the ADC's full scale, Q8.</summary>
        public const int CountsQ8Max = Channels.AdcCountsMax * 256;

        /// <summary>INJ: the next token as a burst of <paramref name="burstLength"/> reads (or "-", "!n").</summary>
        public static int Bursts(LineCursor cursor, RawSample into, ChannelId channel, int burstLength, out int got)
        {
            got = 0;
            if (!cursor.Next())
            {
                return Missing;
            }

            int start = cursor.TokenStart;
            int length = cursor.TokenLength;
            if (length <= 2)
            {
                return NotReadOrFailed(cursor, into, channel, start, length);
            }

            if (length % 3 != 0)
            {
                return Malformed;
            }

            if (length / 3 != burstLength)
            {
                got = length / 3;
                return WrongReadCount;
            }

            if (!cursor.HexTriplets(start, into.ReadsCounts(channel), burstLength))
            {
                return Malformed;
            }

            into.SetReads(channel, burstLength);
            return Parsed;
        }

        /// <summary>INJR: the next token as a reduced burst of a <paramref name="burstLength"/>-read burst (or "-", "!n").</summary>
        public static int Reduced(LineCursor cursor, RawSample into, ChannelId channel, int burstLength, out int got)
        {
            got = 0;
            if (!cursor.Next())
            {
                return Missing;
            }

            int start = cursor.TokenStart;
            int length = cursor.TokenLength;
            if (length != ReducedDigits)
            {
                return length <= 2 ? NotReadOrFailed(cursor, into, channel, start, length) : Malformed;
            }

            int countsQ8 = cursor.HexAt(start, CountsQ8Digits);
            int spreadCounts = cursor.HexAt(start + CountsQ8Digits, SpreadDigits); // 3 digits: 0..4095, the whole range
            int rejectedCount = cursor.HexAt(start + CountsQ8Digits + SpreadDigits, RejectedDigits);
            if ((countsQ8 | spreadCounts | rejectedCount) < 0)
            {
                return Malformed;
            }

            if (countsQ8 > CountsQ8Max)
            {
                got = countsQ8;
                return CountsQ8OutOfRange;
            }

            if (rejectedCount > burstLength)
            {
                got = rejectedCount;
                return RejectedOutOfRange;
            }

            into.SetReduced(channel, countsQ8, spreadCounts, rejectedCount);
            return Parsed;
        }

        /// <summary>"-" or "!1".."!3" (a token of at most 2 bytes); anything else is malformed.</summary>
        private static int NotReadOrFailed(LineCursor cursor, RawSample into, ChannelId channel, int start, int length)
        {
            if (length == 1 && cursor.ByteAt(start) == (byte)'-')
            {
                into.SetFailed(channel, ReadStatus.NotRead);
                return Parsed;
            }

            if (length == 2 && cursor.ByteAt(start) == (byte)'!')
            {
                int code = cursor.ByteAt(start + 1) - '0';
                if (code >= (int)ReadStatus.DriverError && code <= (int)ReadStatus.NotRead)
                {
                    into.SetFailed(channel, (ReadStatus)code);
                    return Parsed;
                }
            }

            return Malformed;
        }
    }
}
