namespace ThermalMonitor.Serial;

/// <summary>
/// Wraps a link so writes leave no faster than a UART at <see cref="BaudPacer.Baud"/> would send them
/// (the virtual board uses it to behave like a 115200 or 921600 baud board). Reads pass through.
/// Disposing disposes the inner link unless <c>leaveOpen</c> was set.
/// </summary>
public sealed class PacedSerialLink : ISerialLink
{
    private readonly bool _leaveOpen;

    /// <summary>Paces writes to <paramref name="inner"/> at <paramref name="baud"/> (0 = unpaced).</summary>
    public PacedSerialLink(ISerialLink inner, int baud, TimeProvider? time = null, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(inner);
        Inner = inner;
        Pacer = new BaudPacer(baud, time);
        _leaveOpen = leaveOpen;
    }

    /// <summary>The wrapped link.</summary>
    public ISerialLink Inner { get; }

    /// <summary>The pacer (shared by all writes on this link).</summary>
    public BaudPacer Pacer { get; }

    /// <inheritdoc />
    public string Path => Inner.Path;

    /// <inheritdoc />
    public bool IsOpen => Inner.IsOpen;

    /// <inheritdoc />
    public int Read(Span<byte> buffer, int timeoutMs) => Inner.Read(buffer, timeoutMs);

    /// <summary>Writes in chunks of at most the burst size, each after its pacing delay.</summary>
    public void Write(ReadOnlySpan<byte> data)
    {
        if (Pacer.Baud == 0)
        {
            Inner.Write(data);
            return;
        }

        while (!data.IsEmpty)
        {
            var chunk = data[..Math.Min(data.Length, Pacer.BurstBytes)];
            Pacer.Pace(chunk.Length);
            Inner.Write(chunk);
            data = data[chunk.Length..];
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!_leaveOpen)
        {
            Inner.Dispose();
        }
    }
}
