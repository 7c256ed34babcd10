using System.Text;
using ThermalMonitor.Core.Link;
using ThermalMonitor.Link;

namespace ThermalMonitor.Link.Tests;

/// <summary>
/// The per-line check, CRC-16/CCITT-FALSE: the catalogue's check value, the empty line, agreement
/// with a bit-by-bit reference, and that corrupting any single bit (or any two bits) of a line is
/// caught — by the CRC itself, by the host's line parser and by the board, which executes nothing.
/// </summary>
public class LineCrcTests
{
    /// <summary>A real board line (a TLM line from the board writer).</summary>
    private const string SampleBoardLine = "12 TLM t=1200 src=replay n=13 p_pa=250130 temp_mc=21500 sup_uv=5001234 st=AAA res_pa=- cusum_pm=0 rate_pa=-12 model=0 unacked=0";

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    [Fact]
    public void Check_value_of_123456789_is_0x29B1()
    {
        byte[] bytes = Ascii("123456789");
        Assert.Equal(0x29B1, LineCrc.Compute(bytes, 0, bytes.Length));
    }

    [Fact]
    public void Empty_input_gives_the_initial_value_0xFFFF()
    {
        Assert.Equal(0xFFFF, LineCrc.Compute([], 0, 0));
        Assert.Equal(0xFFFF, LineCrc.Compute(Ascii("abc"), 3, 0));
    }

    [Fact]
    public void Computes_over_the_given_range_only_and_folds_byte_by_byte()
    {
        byte[] padded = Ascii("xx123456789yy");
        Assert.Equal(0x29B1, LineCrc.Compute(padded, 2, 9));

        int running = LineCrc.Initial;
        for (int i = 2; i < 11; i++)
        {
            running = LineCrc.Update(running, padded[i]);
        }

        Assert.Equal(0x29B1, running);
    }

    [Fact]
    public void Agrees_with_a_bit_by_bit_reference_on_random_input()
    {
        var random = new Random(20240601);
        for (int n = 0; n < 10000; n++)
        {
            byte[] bytes = new byte[random.Next(0, 300)];
            random.NextBytes(bytes);
            Assert.Equal(ReferenceCrc(bytes), LineCrc.Compute(bytes, 0, bytes.Length));
        }
    }

    [Fact]
    public void Every_single_bit_flip_of_a_line_changes_its_check()
    {
        byte[] content = Ascii(SampleBoardLine);
        int good = LineCrc.Compute(content, 0, content.Length);
        for (int bit = 0; bit < content.Length * 8; bit++)
        {
            content[bit / 8] ^= (byte)(1 << (bit % 8));
            Assert.NotEqual(good, LineCrc.Compute(content, 0, content.Length));
            content[bit / 8] ^= (byte)(1 << (bit % 8));
        }
    }

    [Fact]
    public void Every_double_bit_flip_of_a_line_changes_its_check()
    {
        byte[] content = Ascii(SampleBoardLine);
        int good = LineCrc.Compute(content, 0, content.Length);
        int bits = content.Length * 8;
        for (int first = 0; first < bits; first++)
        {
            content[first / 8] ^= (byte)(1 << (first % 8));
            for (int second = first + 1; second < bits; second++)
            {
                content[second / 8] ^= (byte)(1 << (second % 8));
                Assert.True(good != LineCrc.Compute(content, 0, content.Length), $"bits {first} and {second}");
                content[second / 8] ^= (byte)(1 << (second % 8));
            }

            content[first / 8] ^= (byte)(1 << (first % 8));
        }
    }

    [Fact]
    public void The_host_refuses_a_board_line_with_any_single_bit_flipped()
    {
        string framed = Framed(SampleBoardLine);
        Assert.True(BoardLine.TryParse(framed, out _, out _));
        byte[] line = Ascii(framed);
        for (int bit = 0; bit < line.Length * 8; bit++)
        {
            byte[] flipped = (byte[])line.Clone();
            flipped[bit / 8] ^= (byte)(1 << (bit % 8));
            string text = Encoding.Latin1.GetString(flipped);
            if (IsSameLineWithOtherHexCase(line, flipped))
            {
                continue; // 'A' → 'a' in the check: the same value, the same line
            }

            Assert.False(BoardLine.TryParse(text, out _, out _), $"bit {bit} flipped was not noticed: {text}");
        }
    }

    [Fact]
    public void The_board_executes_no_command_with_any_single_bit_flipped()
    {
        var harness = new LinkHarness();
        byte[] line = CommandBytes(7, "TLM 250");
        Assert.Equal(LinkDictionary.Ok, harness.SendBytes(line).Single(l => l.IsReply).Type);
        Assert.Equal(250, harness.Link.TelemetryPeriodMs);
        harness.Command("TLM 1000");

        for (int bit = 0; bit < (line.Length - 2) * 8; bit++)
        {
            byte[] flipped = (byte[])line.Clone();
            flipped[bit / 8] ^= (byte)(1 << (bit % 8));
            List<BoardLine> replies = harness.SendBytes([.. flipped, (byte)'\r', (byte)'\n']).Where(l => l.IsReply).ToList();
            if (IsSameLineWithOtherHexCase(line, flipped))
            {
                Assert.Equal(LinkDictionary.Ok, Assert.Single(replies).Type);
                harness.Command("TLM 1000");
                continue;
            }

            Assert.NotEmpty(replies); // a flip to CR or LF splits the line: each part is refused
            Assert.All(replies, r => Assert.True(r.IsError, $"bit {bit}: {r}"));
            Assert.Equal(1000, harness.Link.TelemetryPeriodMs);
        }
    }

    private static string Framed(string content)
    {
        byte[] bytes = Ascii(content);
        return content + "*" + LineCrc.Compute(bytes, 0, bytes.Length).ToString("X4", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] CommandBytes(int sequence, string command) => Ascii(CommandFrame.Frame(sequence, command));

    /// <summary>True when the only change is the case of a hex letter in the "*XXXX" check.</summary>
    private static bool IsSameLineWithOtherHexCase(byte[] original, byte[] flipped)
    {
        int star = Array.LastIndexOf(original, (byte)'*');
        for (int i = 0; i < original.Length; i++)
        {
            if (original[i] == flipped[i])
            {
                continue;
            }

            bool inCheck = i > star && i <= star + 4;
            char a = (char)original[i];
            char b = (char)flipped[i];
            return inCheck && char.IsAsciiHexDigit(a) && char.IsAsciiHexDigit(b) && char.ToUpperInvariant(a) == char.ToUpperInvariant(b);
        }

        return true;
    }

    /// <summary>CRC-16/CCITT-FALSE the slow way: poly 0x1021, init 0xFFFF, MSB first, no final XOR.</summary>
    private static int ReferenceCrc(byte[] bytes)
    {
        int crc = 0xFFFF;
        foreach (byte b in bytes)
        {
            crc ^= b << 8;
            for (int bit = 0; bit < 8; bit++)
            {
                crc = (crc & 0x8000) != 0 ? ((crc << 1) ^ 0x1021) & 0xFFFF : (crc << 1) & 0xFFFF;
            }
        }

        return crc;
    }
}
