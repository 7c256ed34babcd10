using ThermalMonitor.Core.Acquisition;
using ThermalMonitor.Core.Link;

namespace ThermalMonitor.Link;

/// <summary>
/// Writes the INJ or INJR command for one sample (PROTOCOL.md, inject). INJ: the timestamp and,
/// per channel, three hex digits per ADC read, "-" for a channel not read, or "!n" for a failed
/// read. INJR: per channel the burst already reduced by the core's own <see cref="BurstReducer"/>
/// with the board's burst settings, ten hex digits (mean Q8, spread, rejected reads), which the
/// board takes instead of reducing the reads itself: a sixth of the bytes and no reduction on the board.
/// </summary>
public static class InjectCommand
{
    private static ReadOnlySpan<byte> Hex => "0123456789ABCDEF"u8;

    /// <summary>Longest INJ command body: 3 channels of 64 reads.</summary>
    public const int BytesMax = 4 + 20 + (3 * (1 + (3 * Channels.BurstLengthMax)));

    /// <summary>Longest INJR command body.</summary>
    public const int ReducedBytesMax = 5 + 20 + (3 * (1 + InjectArguments.ReducedDigits));

    /// <summary>
    /// Writes INJR for <paramref name="sample"/>: each channel read is reduced by
    /// <paramref name="reducer"/> with the burst settings in force on the board, so the board steps
    /// exactly what INJ with the same reads would have stepped. A burst the reducer refuses (too
    /// short for the trim) travels as a failed read ("!2"), which the board treats the same way.
    /// </summary>
    /// <exception cref="ArgumentException">A channel is marked read but its read count is not <paramref name="burstLength"/>, or a read is not 0..4095 (the board would refuse the INJ).</exception>
    public static int WriteReduced(RawSample sample, BurstReducer reducer, int burstLength, int trimEachSide, int outlierBandCounts, Span<byte> into)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(reducer);
        int length = 0;
        "INJR "u8.CopyTo(into);
        length += 5;
        sample.TimestampMs.TryFormat(into[length..], out int digits, provider: System.Globalization.CultureInfo.InvariantCulture);
        length += digits;
        for (int channel = 0; channel < Channels.Count; channel++)
        {
            length += WriteReducedChannel(sample, (ChannelId)channel, reducer, burstLength, trimEachSide, outlierBandCounts, into[length..]);
        }

        return length;
    }

    /// <summary>INJR for <paramref name="sample"/> with the burst settings of <paramref name="derived"/> (the configuration the board runs).</summary>
    public static int WriteReduced(RawSample sample, BurstReducer reducer, ThermalMonitor.Core.Config.DerivedSettings derived, Span<byte> into)
    {
        ArgumentNullException.ThrowIfNull(derived);
        return WriteReduced(sample, reducer, derived.BurstLength, derived.BurstTrimEachSide, derived.BurstOutlierBandCounts, into);
    }

    private static int WriteReducedChannel(RawSample sample, ChannelId channel, BurstReducer reducer, int burstLength, int trimEachSide, int outlierBandCounts, Span<byte> into)
    {
        ReadStatus status = sample.Status(channel);
        if (status != ReadStatus.Ok)
        {
            return WriteFailed(status, into);
        }

        into[0] = (byte)' ';
        int countsQ8;
        int spreadCounts;
        int rejectedCount;
        if (sample.IsReduced(channel))
        {
            countsQ8 = sample.ReducedCountsQ8(channel);
            spreadCounts = sample.ReducedSpreadCounts(channel);
            rejectedCount = sample.ReducedRejectedCount(channel);
        }
        else
        {
            int count = sample.ReadCount(channel);
            if (count != burstLength)
            {
                throw new ArgumentException($"{channel} has {count} reads, the board's burst is {burstLength}: INJ would be refused", nameof(sample));
            }

            int[] reads = sample.ReadsCounts(channel);
            for (int i = 0; i < count; i++)
            {
                if (reads[i] < 0 || reads[i] > Channels.AdcCountsMax)
                {
                    throw new ArgumentOutOfRangeException(nameof(sample), $"{channel} read {i} is {reads[i]}: ADC counts are 0..{Channels.AdcCountsMax}");
                }
            }

            if (!reducer.Reduce(reads, count, trimEachSide, outlierBandCounts))
            {
                return WriteFailed(ReadStatus.Incomplete, into);
            }

            countsQ8 = reducer.CountsQ8;
            spreadCounts = reducer.SpreadCounts;
            rejectedCount = reducer.RejectedCount;
        }

        if (countsQ8 < 0 || countsQ8 > InjectArguments.CountsQ8Max || spreadCounts < 0 || spreadCounts > Channels.AdcCountsMax || rejectedCount < 0 || rejectedCount > burstLength)
        {
            throw new ArgumentOutOfRangeException(nameof(sample), $"{channel} reduced to {countsQ8}/{spreadCounts}/{rejectedCount}: outside what INJR carries");
        }

        int length = 1;
        length += HexDigits(countsQ8, InjectArguments.CountsQ8Digits, into[length..]);
        length += HexDigits(spreadCounts, InjectArguments.SpreadDigits, into[length..]);
        length += HexDigits(rejectedCount, InjectArguments.RejectedDigits, into[length..]);
        return length;
    }

    private static int HexDigits(int value, int digits, Span<byte> into)
    {
        for (int i = 0; i < digits; i++)
        {
            into[i] = Hex[(value >> (4 * (digits - 1 - i))) & 0xF];
        }

        return digits;
    }

    private static int WriteFailed(ReadStatus status, Span<byte> into)
    {
        into[0] = (byte)' ';
        if (status == ReadStatus.NotRead)
        {
            into[1] = (byte)'-';
            return 2;
        }

        into[1] = (byte)'!';
        into[2] = (byte)('0' + (int)status);
        return 3;
    }

    public static int Write(RawSample sample, Span<byte> into)
    {
        int length = 0;
        "INJ "u8.CopyTo(into);
        length += 4;
        sample.TimestampMs.TryFormat(into[length..], out int digits, provider: System.Globalization.CultureInfo.InvariantCulture);
        length += digits;
        length += WriteChannel(sample, ChannelId.Pressure, into[length..]);
        length += WriteChannel(sample, ChannelId.Temperature, into[length..]);
        length += WriteChannel(sample, ChannelId.Supply, into[length..]);
        return length;
    }

    private static int WriteChannel(RawSample sample, ChannelId channel, Span<byte> into)
    {
        ReadStatus status = sample.Status(channel);
        if (status != ReadStatus.Ok)
        {
            return WriteFailed(status, into);
        }

        into[0] = (byte)' ';

        int[] reads = sample.ReadsCounts(channel);
        int count = sample.ReadCount(channel);
        if (count == 0)
        {
            throw new ArgumentException($"{channel} is marked read but has no reads: mark it failed or give its burst", nameof(sample));
        }

        int length = 1;
        for (int i = 0; i < count; i++)
        {
            int value = reads[i];
            if (value < 0 || value > Channels.AdcCountsMax)
            {
                throw new ArgumentOutOfRangeException(nameof(sample), $"{channel} read {i} is {value}: ADC counts are 0..{Channels.AdcCountsMax}");
            }

            into[length++] = Hex[(value >> 8) & 0xF];
            into[length++] = Hex[(value >> 4) & 0xF];
            into[length++] = Hex[value & 0xF];
        }

        return length;
    }
}
