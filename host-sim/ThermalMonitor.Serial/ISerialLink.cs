namespace ThermalMonitor.Serial;

/// <summary>
/// A byte pipe to a board: a real serial port, the board side of a pseudo-terminal, or a wrapper
/// adding reconnection or pacing. One reader thread and one writer thread may use a link at the
/// same time; <see cref="IDisposable.Dispose"/> may be called from any thread and makes pending
/// calls return within about 50 ms.
/// </summary>
public interface ISerialLink : IDisposable
{
    /// <summary>The device path this link was opened on (for messages and logs).</summary>
    string Path { get; }

    /// <summary>False once the link was disposed or found lost.</summary>
    bool IsOpen { get; }

    /// <summary>
    /// Waits up to <paramref name="timeoutMs"/> (<see cref="Timeout.Infinite"/> = forever) for at
    /// least one byte and copies what is available into <paramref name="buffer"/>.
    /// </summary>
    /// <returns>The number of bytes read; 0 when the timeout passed with nothing to read.</returns>
    /// <exception cref="SerialLinkLostException">The device went away (unplugged, hung up, closed).</exception>
    /// <exception cref="ObjectDisposedException">The link was disposed.</exception>
    int Read(Span<byte> buffer, int timeoutMs);

    /// <summary>Writes all of <paramref name="data"/>, waiting while the output buffer is full.</summary>
    /// <exception cref="SerialLinkLostException">The device went away (unplugged, hung up, closed).</exception>
    /// <exception cref="ObjectDisposedException">The link was disposed.</exception>
    void Write(ReadOnlySpan<byte> data);
}
