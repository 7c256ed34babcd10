namespace ThermalMonitor.Serial.Tests;

/// <summary>Bounded reads, so a broken link fails a test instead of hanging it.</summary>
internal static class LinkIo
{
    /// <summary>Generous: only reached when something is broken; no test asserts on speed.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>Reads until <paramref name="count"/> bytes arrived or <see cref="Patience"/> ran out; returns what arrived.</summary>
    public static byte[] ReadUpTo(ISerialLink link, int count)
    {
        var received = new byte[count];
        int total = 0;
        long deadline = Environment.TickCount64 + (long)Patience.TotalMilliseconds;
        while (total < count && Environment.TickCount64 < deadline)
        {
            total += link.Read(received.AsSpan(total), 50);
        }

        return received[..total];
    }

    /// <summary>Reads whatever arrives within <paramref name="timeoutMs"/> (for "nothing more came" checks).</summary>
    public static int ReadAny(ISerialLink link, int timeoutMs) => link.Read(new byte[4096], timeoutMs);

    /// <summary>Reads until the link throws <see cref="SerialLinkLostException"/>; null if it never did within <see cref="Patience"/>.</summary>
    public static SerialLinkLostException? ReadUntilLost(ISerialLink link)
    {
        var buffer = new byte[256];
        long deadline = Environment.TickCount64 + (long)Patience.TotalMilliseconds;
        while (Environment.TickCount64 < deadline)
        {
            try
            {
                link.Read(buffer, 50);
            }
            catch (SerialLinkLostException ex)
            {
                return ex;
            }
        }

        return null;
    }

    public static byte[] RandomBytes(int count, int seed)
    {
        var bytes = new byte[count];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
