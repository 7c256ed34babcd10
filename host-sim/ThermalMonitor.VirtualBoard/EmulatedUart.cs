using System.Collections.Concurrent;
using ThermalMonitor.Core.Board;
using ThermalMonitor.Serial;

namespace ThermalMonitor.VirtualBoard;

/// <summary>
/// The ESP32's UART as a byte port over a pseudo-terminal. A receive thread plays the driver's
/// interrupt: bytes leave the pty at the baud rate (when one is set) and go into a receive buffer
/// of the ESP32 driver's size; when that buffer is full they are lost and counted, exactly what
/// happens on the board when the host sends faster than the loop's one service point per cycle
/// drains it. A transmit thread sends at the baud rate, as a UART sends while the CPU works.
/// </summary>
public sealed class EmulatedUart : IBytePort, IDisposable
{
    /// <summary>The ESP32 app's driver buffer (firmware/ThermalMonitor.Device/Board/SerialLinkPort.cs).</summary>
    public const int Esp32ReceiveBufferBytes = 2048;

    private const int PtyReadBytes = 256;
    private const int IdleReadTimeoutMs = 20;
    private const int TransmitQueueChunks = 256;
    private const int TransmitStallMs = 50;

    private readonly PseudoTerminal pty;
    private readonly object gate = new();
    private readonly ManualResetEventSlim received = new(false);
    private readonly byte[] ring;
    private readonly BaudPacer? rxPacer;
    private readonly BaudPacer? txPacer;
    private readonly BlockingCollection<byte[]> txQueue = new(boundedCapacity: TransmitQueueChunks);
    private readonly Thread rxThread;
    private readonly Thread txThread;
    private int head;
    private int count;
    private long lost;
    private volatile bool disposed;

    public EmulatedUart(PseudoTerminal pty, int baud, int receiveBufferBytes = Esp32ReceiveBufferBytes)
    {
        ArgumentNullException.ThrowIfNull(pty);
        ArgumentOutOfRangeException.ThrowIfLessThan(receiveBufferBytes, 64);
        this.pty = pty;
        ring = new byte[receiveBufferBytes];
        if (baud > 0)
        {
            rxPacer = new BaudPacer(baud);
            txPacer = new BaudPacer(baud);
        }

        rxThread = new Thread(ReceiveLoop) { IsBackground = true, Name = "vboard-uart-rx" };
        txThread = new Thread(TransmitLoop) { IsBackground = true, Name = "vboard-uart-tx" };
        rxThread.Start();
        txThread.Start();
    }

    public int ReceiveBufferBytes => ring.Length;

    public long ReceiveLostBytes => Interlocked.Read(ref lost);

    /// <summary>Bytes waiting in the driver buffer (for tests and the status view).</summary>
    public int ReceivePendingBytes
    {
        get
        {
            lock (gate)
            {
                return count;
            }
        }
    }

    /// <summary>Bytes the board wrote that the host never got because it was not reading.</summary>
    public long TransmitDroppedBytes => Interlocked.Read(ref txDropped);

    private long txDropped;

    public int Read(byte[] buffer, int offset, int wanted)
    {
        lock (gate)
        {
            int taken = Math.Min(wanted, count);
            for (int i = 0; i < taken; i++)
            {
                buffer[offset + i] = ring[head];
                head = (head + 1) % ring.Length;
            }

            count -= taken;
            if (count == 0)
            {
                received.Reset();
            }

            return taken;
        }
    }

    /// <summary>The receive interrupt wakes an idle board, as a UART event would.</summary>
    public void WaitForInput(int milliseconds) => received.Wait(Math.Max(0, milliseconds));

    public bool Write(byte[] buffer, int offset, int length)
    {
        if (disposed)
        {
            return false;
        }

        byte[] copy = buffer.AsSpan(offset, length).ToArray();
        try
        {
            if (txQueue.TryAdd(copy, TransmitStallMs))
            {
                return true;
            }
        }
        catch (InvalidOperationException)
        {
            // Completed for adding: shutting down.
        }

        Interlocked.Add(ref txDropped, length);
        return false;
    }

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        txQueue.CompleteAdding();
        txThread.Join(2000);
        rxThread.Join(2000);
        txQueue.Dispose();
        received.Dispose();
    }

    private void ReceiveLoop()
    {
        var chunk = new byte[PtyReadBytes];
        try
        {
            while (!disposed)
            {
                int n = pty.Read(chunk, IdleReadTimeoutMs);
                if (n <= 0)
                {
                    continue;
                }

                rxPacer?.Pace(n);
                lock (gate)
                {
                    int fits = Math.Min(n, ring.Length - count);
                    for (int i = 0; i < fits; i++)
                    {
                        ring[(head + count) % ring.Length] = chunk[i];
                        count++;
                    }

                    lost += n - fits;
                    received.Set();
                }
            }
        }
        catch (Exception e) when (e is ObjectDisposedException or SerialLinkLostException or InvalidOperationException or IOException)
        {
            // The pty closed: shutting down.
        }
    }

    private void TransmitLoop()
    {
        try
        {
            foreach (byte[] bytes in txQueue.GetConsumingEnumerable())
            {
                for (int offset = 0; offset < bytes.Length; offset += BaudPacer.DefaultBurstBytes)
                {
                    int n = Math.Min(BaudPacer.DefaultBurstBytes, bytes.Length - offset);
                    txPacer?.Pace(n);
                    pty.Write(bytes.AsSpan(offset, n));
                }
            }
        }
        catch (Exception e) when (e is ObjectDisposedException or SerialLinkLostException or InvalidOperationException or IOException)
        {
            // Shutting down.
        }
    }
}
