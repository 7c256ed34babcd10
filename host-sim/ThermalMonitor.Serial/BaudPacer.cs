namespace ThermalMonitor.Serial;

/// <summary>
/// Paces a byte stream to what a UART at a given baud could carry: 10 bits per byte on the wire
/// (8N1: start bit, 8 data bits, stop bit), so baud / 10 bytes per second in the long run. A token
/// bucket: up to <c>burstBytes</c> may go at once after a pause (the UART's FIFO), and bytes sent
/// beyond the allowance become a debt that delays the next ones. Thread-safe.
/// </summary>
public sealed class BaudPacer
{
    /// <summary>Bits per byte on the wire for 8N1.</summary>
    public const int BitsPerByte = 10;

    /// <summary>Default burst allowance, about a UART hardware FIFO.</summary>
    public const int DefaultBurstBytes = 64;

    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly double _bytesPerSecond;
    private double _tokens;
    private long _lastTimestamp;

    /// <summary>Creates a pacer; it starts with a full burst allowance.</summary>
    /// <param name="baud">Line rate in bit/s; 0 = unpaced.</param>
    /// <param name="time">Clock to pace against; <see cref="TimeProvider.System"/> if null.</param>
    /// <param name="burstBytes">Bytes that may go at once after a pause.</param>
    public BaudPacer(int baud, TimeProvider? time = null, int burstBytes = DefaultBurstBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(baud);
        ArgumentOutOfRangeException.ThrowIfLessThan(burstBytes, 1);
        Baud = baud;
        BurstBytes = burstBytes;
        _time = time ?? TimeProvider.System;
        _bytesPerSecond = baud / (double)BitsPerByte;
        _tokens = burstBytes;
        _lastTimestamp = _time.GetTimestamp();
    }

    /// <summary>The line rate in bit/s; 0 = unpaced.</summary>
    public int Baud { get; }

    /// <summary>The burst allowance in bytes.</summary>
    public int BurstBytes { get; }

    /// <summary>
    /// Books <paramref name="byteCount"/> bytes and returns how long to wait before sending them.
    /// Callers that send without waiting carry the debt into later calls.
    /// </summary>
    public TimeSpan DelayBefore(int byteCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(byteCount);
        if (Baud == 0)
        {
            return TimeSpan.Zero;
        }

        lock (_gate)
        {
            long now = _time.GetTimestamp();
            double elapsedS = _time.GetElapsedTime(_lastTimestamp, now).TotalSeconds;
            _lastTimestamp = now;
            _tokens = Math.Min(BurstBytes, _tokens + (elapsedS * _bytesPerSecond)) - byteCount;
            return _tokens >= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(-_tokens / _bytesPerSecond);
        }
    }

    /// <summary>
    /// Waits as long as <see cref="DelayBefore"/> says. Waits under a millisecond are skipped (the
    /// debt is kept, so the long-run rate stays exact) because sleeps that short are not honoured.
    /// </summary>
    public void Pace(int byteCount)
    {
        var delay = DelayBefore(byteCount);
        if (delay < TimeSpan.FromMilliseconds(1))
        {
            return;
        }

        if (ReferenceEquals(_time, TimeProvider.System))
        {
            Thread.Sleep(delay);
        }
        else
        {
            Task.Delay(delay, _time).GetAwaiter().GetResult();
        }
    }
}
