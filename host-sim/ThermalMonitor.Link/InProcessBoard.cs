using System.Diagnostics;
using ThermalMonitor.Core.Config;
using ThermalMonitor.Core.Link;
using ThermalMonitor.Core.Monitoring;
using ThermalMonitor.Serial;

namespace ThermalMonitor.Link;

/// <summary>
/// The "sil" target seen through the wire protocol: the firmware's <see cref="BoardLink"/> and
/// <see cref="LeakMonitor"/> in this process, behind the same <see cref="ISerialLink"/> the virtual
/// and real boards sit behind. Bytes written are serviced at once (a board loop that never waits
/// for the clock), so the HIL suite can run unchanged and fast against it.
/// </summary>
public sealed class InProcessBoard : ISerialLink
{
    private readonly object gate = new();
    private readonly BoardLink link;
    private readonly BoardInfo board;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly byte[] chunk = new byte[BoardLink.RxBufferBytes / 2];
    private readonly byte[] outgoing = new byte[BoardLink.TxBufferBytes];
    private bool disposed;
    private long services;

    public InProcessBoard(MonitorConfig? config = null, LinkMode mode = LinkMode.Replay)
    {
        board = new BoardInfo("sil", LinkDictionary.FirmwareVersion, ResetCause.PowerOn);
        link = new BoardLink(new LeakMonitor(config ?? new MonitorConfig()), new JsonConfigReader(), board);
        lock (gate)
        {
            link.Start(NowMs, mode);
        }
    }

    public string Path => "sil";

    public bool IsOpen => !disposed;

    /// <summary>The firmware link itself, for tests that look behind the wire.</summary>
    public BoardLink Link => link;

    private long NowMs => clock.ElapsedMilliseconds;

    public int Read(Span<byte> buffer, int timeoutMs)
    {
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (link.TxPendingBytes == 0)
            {
                ServiceOnce();
            }

            if (link.TxPendingBytes == 0 && timeoutMs != 0)
            {
                Monitor.Wait(gate, timeoutMs == Timeout.Infinite ? Timeout.Infinite : Math.Min(timeoutMs, 50));
                ServiceOnce();
            }

            ObjectDisposedException.ThrowIf(disposed, this);
            int count = link.TakeTx(outgoing, 0, Math.Min(buffer.Length, outgoing.Length));
            outgoing.AsSpan(0, count).CopyTo(buffer);
            return count;
        }
    }

    public void Write(ReadOnlySpan<byte> data)
    {
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            while (data.Length > 0)
            {
                int count = Math.Min(chunk.Length, data.Length);
                data[..count].CopyTo(chunk);
                int accepted = link.Receive(chunk, 0, count);
                data = data[accepted..];
                ServiceOnce();
                while (link.RxPendingBytes > 0)
                {
                    ServiceOnce();
                }
            }

            Monitor.PulseAll(gate);
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            disposed = true;
            Monitor.PulseAll(gate);
        }
    }

    private void ServiceOnce()
    {
        long startTicks = Stopwatch.GetTimestamp();
        link.Service(NowMs);
        link.RecordCycle((int)Math.Min(int.MaxValue, Stopwatch.GetElapsedTime(startTicks).Ticks / 10));
        if (services++ % 1024 == 0)
        {
            board.FreeMemoryBytes = HostMemory.FreeBytes();
        }
    }
}
