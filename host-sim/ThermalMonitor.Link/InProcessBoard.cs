using ThermalMonitor.Core.Board;
using ThermalMonitor.Core.Config;
using ThermalMonitor.Core.Link;
using ThermalMonitor.Core.Settings;
using ThermalMonitor.Serial;

namespace ThermalMonitor.Link;

/// <summary>
/// The "sil" target: the firmware's <see cref="BoardLoop"/> in this process, behind the same
/// <see cref="ISerialLink"/> the virtual and real boards sit behind, with a
/// <see cref="MemoryBytePort"/> of the ESP32 driver's receive buffer. Cycles run when the host
/// writes or reads (a board loop that never waits for its clock), so the HIL suite and replays
/// run unchanged and fast against it, through the same link code as on the board.
/// </summary>
public sealed class InProcessBoard : ISerialLink
{
    /// <summary>The ESP32 app's driver buffer, so the host's flow control meets the same limit here.</summary>
    public const int ReceiveBufferBytes = 2048;

    /// <summary>Output waits here until the host reads it; large, because the host reads after every cycle.</summary>
    public const int TransmitBufferBytes = 1 << 20;

    private readonly object gate = new();
    private readonly MemoryBytePort port = new(ReceiveBufferBytes, TransmitBufferBytes);
    private readonly BoardLoop loop;
    private readonly byte[] outgoing = new byte[64 * 1024];
    private bool disposed;

    /// <param name="config">A configuration to run instead of stored settings; null = the settings in <paramref name="settings"/>, or the defaults.</param>
    /// <param name="settings">Storage that outlives this board (a later board on the same medium finds its settings); null = a fresh one in memory.</param>
    /// <param name="clock">The board clock; null = real time.</param>
    public InProcessBoard(MonitorConfig? config = null, LinkMode mode = LinkMode.Replay, ISettingsMedium? settings = null, IBoardClock? clock = null)
    {
        var board = new BoardInfo("sil", LinkDictionary.FirmwareVersion, ResetCause.PowerOn);
        loop = new BoardLoop(board, clock ?? new StopwatchClock(), port, new JsonConfigReader(), null, null, new HostMemoryGauge(), settings ?? new MemorySettingsMedium(), config);
        lock (gate)
        {
            loop.Start(mode);
        }
    }

    public string Path => "sil";

    public bool IsOpen => !disposed;

    /// <summary>The firmware link itself, for tests that look behind the wire.</summary>
    public BoardLink Link => loop.Link;

    public BoardLoop Loop => loop;

    public MemoryBytePort Port => port;

    public int Read(Span<byte> buffer, int timeoutMs)
    {
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (port.TransmitPendingBytes == 0)
            {
                loop.RunCycle();
            }

            if (port.TransmitPendingBytes == 0 && timeoutMs != 0)
            {
                Monitor.Wait(gate, timeoutMs == Timeout.Infinite ? 50 : Math.Min(timeoutMs, 50));
                ObjectDisposedException.ThrowIf(disposed, this);
                loop.RunCycle();
            }

            int count = port.TakeTransmitted(outgoing, 0, Math.Min(buffer.Length, outgoing.Length));
            outgoing.AsSpan(0, count).CopyTo(buffer);
            return count;
        }
    }

    public void Write(ReadOnlySpan<byte> data)
    {
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            byte[] chunk = data.ToArray();
            int offset = 0;
            while (offset < chunk.Length)
            {
                // Never more than the driver buffer holds: this board's loop keeps up by running now.
                int room = ReceiveBufferBytes - port.ReceivePendingBytes;
                offset += port.Deliver(chunk, offset, Math.Min(room, chunk.Length - offset));
                RunUntilIdle();
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

    private void RunUntilIdle()
    {
        while (loop.RunCycle() > 0 || port.ReceivePendingBytes > 0)
        {
        }
    }
}
