using System.Text;
using ThermalMonitor.Core.Acquisition;
using ThermalMonitor.Core.Board;
using ThermalMonitor.Core.Config;
using ThermalMonitor.Core.Link;
using ThermalMonitor.Core.Settings;
using ThermalMonitor.Core.Tests.Support;
using ThermalMonitor.Link;

namespace ThermalMonitor.Link.Tests;

/// <summary>
/// A whole board in memory — the firmware's <see cref="BoardLoop"/> with a
/// <see cref="MemoryBytePort"/> of the ESP32's driver buffer, a <see cref="ManualClock"/>, a
/// sample source that counts its calls, and a settings medium that can outlive the board (a new
/// harness on the same medium is the same board after a reset).
/// </summary>
public sealed class BoardHarness
{
    public const int RxBufferBytes = 2048;

    private readonly byte[] tx = new byte[1 << 20];
    private readonly List<byte> partial = [];
    private int sequence;

    public BoardHarness(LinkMode mode, ISettingsMedium? medium = null, MonitorConfig? fixedConfig = null, ManualClock? clock = null)
    {
        Clock = clock ?? new ManualClock();
        Medium = medium;
        Port = new MemoryBytePort(RxBufferBytes, tx.Length);
        Source = new CountingSource();
        Loop = new BoardLoop(new BoardInfo("test", LinkDictionary.FirmwareVersion, ResetCause.PowerOn), Clock, Port, new JsonConfigReader(), Source, null, null, medium, fixedConfig);
        Loop.Start(mode);
        Boot = Take();
    }

    public ManualClock Clock { get; }

    public ISettingsMedium? Medium { get; }

    public MemoryBytePort Port { get; }

    public CountingSource Source { get; }

    public BoardLoop Loop { get; }

    public IReadOnlyList<BoardLine> Boot { get; }

    /// <summary>Frames and delivers commands (no cycle runs).</summary>
    public int Deliver(params string[] commands)
    {
        byte[] bytes = Encoding.ASCII.GetBytes(string.Concat(commands.Select(c => CommandFrame.Frame(++sequence, c))));
        return Port.Deliver(bytes, 0, bytes.Length);
    }

    public int DeliverRaw(string text)
    {
        byte[] bytes = Encoding.ASCII.GetBytes(text);
        return Port.Deliver(bytes, 0, bytes.Length);
    }

    /// <summary>Sends one command, runs cycles until the board is idle, returns every line it wrote.</summary>
    public List<BoardLine> Command(string command, out BoardLine reply)
    {
        Deliver(command);
        int mine = sequence;
        List<BoardLine> lines = RunUntilIdle();
        reply = lines.Single(l => l.Reference == mine);
        return lines;
    }

    public BoardLine Command(string command)
    {
        Command(command, out BoardLine reply);
        return reply;
    }

    public List<BoardLine> RunUntilIdle()
    {
        var lines = new List<BoardLine>();
        while (Loop.RunCycle() > 0 || Port.ReceivePendingBytes > 0)
        {
            lines.AddRange(Take());
        }

        lines.AddRange(Take());
        return lines;
    }

    public List<BoardLine> Take()
    {
        var lines = new List<BoardLine>();
        int count = Port.TakeTransmitted(tx, 0, tx.Length);
        for (int i = 0; i < count; i++)
        {
            partial.Add(tx[i]);
            int n = partial.Count;
            if (n >= 2 && partial[n - 2] == '\r' && partial[n - 1] == '\n')
            {
                lines.Add(LinkHarness.ParseBoardLine([.. partial.GetRange(0, n - 2)]));
                partial.Clear();
            }
        }

        return lines;
    }

    public MonitorConfig Config()
    {
        var config = new MonitorConfig();
        Loop.Monitor.CopyConfigTo(config);
        return config;
    }

    /// <summary>A sample source with steady healthy counts, stamped with the board clock.</summary>
    public sealed class CountingSource : ISampleSource
    {
        public int Calls { get; private set; }

        public bool TrySample(RawSample into, int burstLength, long nowMs)
        {
            Calls++;
            into.TimestampMs = nowMs;
            for (int channel = 0; channel < Channels.Count; channel++)
            {
                int[] reads = into.ReadsCounts((ChannelId)channel);
                for (int i = 0; i < burstLength; i++)
                {
                    reads[i] = channel == (int)ChannelId.Pressure ? 1400 + (i % 3) : channel == (int)ChannelId.Temperature ? 1800 + (i % 2) : 1972 + (i % 2);
                }

                into.SetReads((ChannelId)channel, burstLength);
            }

            return true;
        }
    }
}
