using ThermalMonitor.Core.Acquisition;

namespace ThermalMonitor.Link;

/// <summary>
/// Writes the INJ command for one sample (PROTOCOL.md, inject): the timestamp and, per channel,
/// three hex digits per ADC read, "-" for a channel not read, or "!n" for a failed read.
/// </summary>
public static class InjectCommand
{
    private static ReadOnlySpan<byte> Hex => "0123456789ABCDEF"u8;

    /// <summary>Longest INJ command body: 3 channels of 64 reads.</summary>
    public const int BytesMax = 4 + 20 + (3 * (1 + (3 * Channels.BurstLengthMax)));

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
        into[0] = (byte)' ';
        ReadStatus status = sample.Status(channel);
        if (status != ReadStatus.Ok)
        {
            if (status == ReadStatus.NotRead)
            {
                into[1] = (byte)'-';
                return 2;
            }

            into[1] = (byte)'!';
            into[2] = (byte)('0' + (int)status);
            return 3;
        }

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
