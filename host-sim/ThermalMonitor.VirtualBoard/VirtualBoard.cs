using System.Collections.Concurrent;
using System.Diagnostics;
using ThermalMonitor.Core.Acquisition;
using ThermalMonitor.Core.Config;
using ThermalMonitor.Core.Link;
using ThermalMonitor.Core.Monitoring;
using ThermalMonitor.Link;
using ThermalMonitor.Serial;

namespace ThermalMonitor.VirtualBoard;

/// <summary>
/// The firmware behind a pseudo-terminal. The loop is the ESP32 app's loop with the hardware
/// swapped for host twins: bytes from the pty master are buffered into <see cref="BoardLink"/>,
/// serviced at one point per cycle, and written back; in live mode a <see cref="LiveSampler"/>
/// stands in for the ADC. At a configured baud both directions are paced like a UART (a separate
/// transmit thread, as a UART sends while the CPU works).
/// </summary>
public sealed class VirtualBoard : IDisposable
{
    private const int ReadChunkBytes = 4096;
    private const int IdleReadTimeoutMs = 20;
    private const int FreeMemoryEveryCycles = 1024;

    private readonly PseudoTerminal pty;
    private readonly BoardLink link;
    private readonly BoardInfo board;
    private readonly LiveSampler? live;
    private readonly BaudPacer? rxPacer;
    private readonly BaudPacer? txPacer;
    private readonly BlockingCollection<byte[]> txQueue = new(boundedCapacity: 64);
    private readonly Thread txThread;
    private readonly Stopwatch uptime = Stopwatch.StartNew();
    private readonly RawSample liveSample = new();
    private readonly int baud;
    private bool disposed;

    public VirtualBoard(VirtualBoardOptions options)
    {
        baud = options.Baud;
        pty = PseudoTerminal.Create(options.LinkPath);
        // With no host reading, a full pty must not stall the board: output is dropped after a while.
        pty.WriteStallTimeoutMs = 50;
        board = new BoardInfo("virtual", LinkDictionary.FirmwareVersion, ResetCause.PowerOn);
        var monitor = new LeakMonitor(options.Config ?? new MonitorConfig());
        link = new BoardLink(monitor, new JsonConfigReader(), board);
        if (options.LiveProfile is not null)
        {
            live = new LiveSampler(options.LiveProfile, monitor.Derived.SamplePeriodMs, monitor.Derived.BurstLength, options.SensorSeed, options.Speed);
        }

        if (options.Baud > 0)
        {
            rxPacer = new BaudPacer(options.Baud);
            txPacer = new BaudPacer(options.Baud);
        }

        txThread = new Thread(TransmitLoop) { IsBackground = true, Name = "vboard-tx" };
        txThread.Start();
        link.Start(UptimeMs, live is null ? LinkMode.Replay : LinkMode.Live);
        Flush();
    }

    /// <summary>Where a host opens the board: the stable link if one was asked for, else /dev/pts/N.</summary>
    public string DevicePath => pty.DevicePath;

    public string SlavePath => pty.SlavePath;

    public LinkMode Mode => link.Mode;

    public int Baud => baud;

    public bool LiveFinished => live?.Finished ?? false;

    private long UptimeMs => uptime.ElapsedMilliseconds;

    /// <summary>Runs the board loop until cancelled.</summary>
    public void Run(CancellationToken cancellation)
    {
        var chunk = new byte[ReadChunkBytes];
        long cycles = 0;
        while (!cancellation.IsCancellationRequested && !disposed)
        {
            int waitMs = IdleReadTimeoutMs;
            if (live is not null && link.Mode == LinkMode.Live && !live.Finished)
            {
                waitMs = Math.Min(waitMs, Math.Max(0, live.MillisecondsUntilDue()));
            }

            int count = link.RxPendingBytes < BoardLink.RxBufferBytes - ReadChunkBytes ? pty.Read(chunk, waitMs) : 0;
            rxPacer?.Pace(count);
            long startTicks = Stopwatch.GetTimestamp();
            if (count > 0)
            {
                link.Receive(chunk, 0, count);
            }

            link.Service(UptimeMs);
            if (live is not null && live.TryTake(liveSample))
            {
                link.StepLive(liveSample);
            }

            Flush();
            RecordCycle(startTicks, ++cycles);
        }
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
        pty.Dispose();
        txQueue.Dispose();
    }

    private void RecordCycle(long startTicks, long cycles)
    {
        link.RecordCycle((int)Math.Min(int.MaxValue, Stopwatch.GetElapsedTime(startTicks).Ticks / 10));

        if (cycles % FreeMemoryEveryCycles == 1)
        {
            board.FreeMemoryBytes = HostMemory.FreeBytes();
        }
    }

    private void Flush()
    {
        int pending = link.TxPendingBytes;
        if (pending == 0)
        {
            return;
        }

        var bytes = new byte[pending];
        link.TakeTx(bytes, 0, pending);
        txQueue.Add(bytes);
    }

    private void TransmitLoop()
    {
        try
        {
            foreach (byte[] bytes in txQueue.GetConsumingEnumerable())
            {
                for (int offset = 0; offset < bytes.Length; offset += BaudPacer.DefaultBurstBytes)
                {
                    int count = Math.Min(BaudPacer.DefaultBurstBytes, bytes.Length - offset);
                    txPacer?.Pace(count);
                    pty.Write(bytes.AsSpan(offset, count));
                }
            }
        }
        catch (Exception e) when (e is ObjectDisposedException or SerialLinkLostException or InvalidOperationException)
        {
            // Shutting down.
        }
    }
}
