using System.Text;
using ThermalMonitor.Core.Link;

namespace ThermalMonitor.Link;

/// <summary>Frames host commands: "&lt;seq&gt; &lt;command&gt;*CRC\r\n" (PROTOCOL.md).</summary>
public static class CommandFrame
{
    public static string Frame(int sequence, string command)
    {
        string body = $"{sequence} {command}";
        byte[] bytes = Encoding.ASCII.GetBytes(body);
        return $"{body}*{LineCrc.Compute(bytes, 0, bytes.Length):X4}\r\n";
    }

    /// <summary>Frames into a byte buffer without intermediate strings (the INJ hot path); returns the length.</summary>
    public static int Frame(int sequence, ReadOnlySpan<byte> command, byte[] into)
    {
        int length = 0;
        sequence.TryFormat(into.AsSpan(), out int digits, provider: System.Globalization.CultureInfo.InvariantCulture);
        length += digits;
        into[length++] = (byte)' ';
        command.CopyTo(into.AsSpan(length));
        length += command.Length;
        int crc = LineCrc.Compute(into, 0, length);
        into[length++] = (byte)'*';
        crc.TryFormat(into.AsSpan(length), out int hexDigits, "X4", System.Globalization.CultureInfo.InvariantCulture);
        length += hexDigits;
        into[length++] = (byte)'\r';
        into[length++] = (byte)'\n';
        return length;
    }
}
