namespace ThermalMonitor.Serial.Tests;

public sealed class FaultInjectingRelayTests
{
    private const int BlockBytes = 100_000;

    [Fact]
    public async Task Without_faults_a_100kB_block_crosses_unchanged_both_ways()
    {
        using var rig = new Rig(RelayFaults.None);
        var down = LinkIo.RandomBytes(BlockBytes, seed: 1);
        var up = LinkIo.RandomBytes(BlockBytes, seed: 2);

        var boardWriter = Task.Run(() => rig.Board.Write(down));
        var hostWriter = Task.Run(() => rig.Host.Write(up));
        var atBoard = Task.Run(() => LinkIo.ReadUpTo(rig.Board, BlockBytes));
        var atHost = LinkIo.ReadUpTo(rig.Host, BlockBytes);

        await Task.WhenAll(boardWriter, hostWriter, atBoard).WaitAsync(LinkIo.Patience);
        Assert.Equal(down, atHost);
        Assert.Equal(up, await atBoard);
        var counters = rig.Relay.Counters;
        Assert.Equal(new RelayDirectionCounters(BlockBytes, 0, 0, 0), counters.BoardToHost);
        Assert.Equal(new RelayDirectionCounters(BlockBytes, 0, 0, 0), counters.HostToBoard);
        Assert.Null(rig.Relay.Fault);
    }

    [Fact]
    public void Dropped_bytes_are_counted_and_the_rest_arrive_in_order()
    {
        using var rig = new Rig(new RelayFaults(DropProbability: 0.1, Seed: 42));
        var sent = LinkIo.RandomBytes(BlockBytes, seed: 3);

        var received = SendBoardToHostAndDrain(rig, sent);

        var counters = rig.Relay.Counters.BoardToHost;
        Assert.True(received.Length < sent.Length);
        Assert.Equal(sent.Length, counters.Dropped + received.Length);
        Assert.Equal(received.Length, counters.Forwarded);
        Assert.InRange(counters.Dropped, BlockBytes * 0.08, BlockBytes * 0.12);
        Assert.Equal(0, counters.Corrupted);
        Assert.True(IsSubsequence(received, sent), "the bytes that arrived are not the sent ones in order with some left out");
    }

    [Fact]
    public void The_same_seed_drops_the_same_bytes()
    {
        var sent = LinkIo.RandomBytes(BlockBytes, seed: 4);
        var faults = new RelayFaults(DropProbability: 0.1, CorruptProbability: 0.01, Seed: 1234);

        byte[] first;
        using (var rig = new Rig(faults))
        {
            first = SendBoardToHostAndDrain(rig, sent);
        }

        byte[] second;
        using (var rig = new Rig(faults))
        {
            second = SendBoardToHostAndDrain(rig, sent);
        }

        Assert.Equal(first, second);
        Assert.NotEqual(sent.Length, first.Length);
    }

    [Fact]
    public void Corrupted_bytes_differ_by_one_bit_and_are_all_counted()
    {
        using var rig = new Rig(new RelayFaults(CorruptProbability: 0.05, Seed: 7, AffectHostToBoard: false));
        var sent = LinkIo.RandomBytes(BlockBytes, seed: 5);

        var received = SendBoardToHostAndDrain(rig, sent);

        Assert.Equal(sent.Length, received.Length);
        int differing = 0;
        for (int i = 0; i < sent.Length; i++)
        {
            int flipped = sent[i] ^ received[i];
            if (flipped != 0)
            {
                differing++;
                Assert.Equal(1, System.Numerics.BitOperations.PopCount((uint)flipped));
            }
        }

        var counters = rig.Relay.Counters.BoardToHost;
        Assert.Equal(differing, counters.Corrupted);
        Assert.InRange(differing, BlockBytes * 0.04, BlockBytes * 0.06);

        // The other direction was exempt.
        var up = LinkIo.RandomBytes(10_000, seed: 6);
        rig.Host.Write(up);
        Assert.Equal(up, LinkIo.ReadUpTo(rig.Board, up.Length));
        Assert.Equal(0, rig.Relay.Counters.HostToBoard.Corrupted);
    }

    [Fact]
    public void Unplugging_the_host_side_hangs_up_the_host_and_loses_board_output_until_replug()
    {
        using var rig = new Rig(RelayFaults.None);

        rig.Relay.Unplug();
        Assert.NotNull(LinkIo.ReadUntilLost(rig.Host));
        rig.Board.Write("while unplugged\n"u8);
        Assert.True(WaitFor(() => rig.Relay.Counters.BoardToHost.LostWhileUnplugged == 16));

        rig.Relay.Replug();
        using var host = PosixSerialPort.Open(rig.Relay.HostDevicePath, 115200);
        rig.Board.Write("back\n"u8);

        Assert.Equal("back\n"u8.ToArray(), LinkIo.ReadUpTo(host, 5));
        Assert.Equal(5, rig.Relay.Counters.BoardToHost.Forwarded);
    }

    [Fact]
    public void Invalid_probabilities_are_rejected_before_anything_is_opened()
    {
        Assert.Throws<ArgumentOutOfRangeException>(
            () => FaultInjectingRelay.Start("/dev/unused", "/tmp/unused", new RelayFaults(DropProbability: 1.5)));
        Assert.Throws<ArgumentOutOfRangeException>(
            () => FaultInjectingRelay.Start("/dev/unused", "/tmp/unused", new RelayFaults(0.6, 0.6)));
    }

    /// <summary>
    /// Writes <paramref name="sent"/> from the board and reads on the host until the relay has
    /// handled every byte and the host has all it forwarded.
    /// </summary>
    private static byte[] SendBoardToHostAndDrain(Rig rig, byte[] sent)
    {
        var writer = Task.Run(() => rig.Board.Write(sent));
        var received = new List<byte>(sent.Length);
        var buffer = new byte[8192];
        long deadline = Environment.TickCount64 + (long)LinkIo.Patience.TotalMilliseconds;
        while (Environment.TickCount64 < deadline)
        {
            int n = rig.Host.Read(buffer, 50);
            received.AddRange(buffer.AsSpan(0, n));
            var counters = rig.Relay.Counters.BoardToHost;
            if (counters.Received == sent.Length && received.Count == counters.Forwarded)
            {
                break;
            }
        }

        Assert.True(writer.Wait(LinkIo.Patience));
        return [.. received];
    }

    private static bool IsSubsequence(byte[] part, byte[] whole)
    {
        int j = 0;
        foreach (byte b in whole)
        {
            if (j < part.Length && part[j] == b)
            {
                j++;
            }
        }

        return j == part.Length;
    }

    private static bool WaitFor(Func<bool> condition)
    {
        long deadline = Environment.TickCount64 + (long)LinkIo.Patience.TotalMilliseconds;
        while (!condition())
        {
            if (Environment.TickCount64 >= deadline)
            {
                return false;
            }

            Thread.Sleep(10);
        }

        return true;
    }

    /// <summary>Board pty ⇄ relay ⇄ host port, torn down in reverse order.</summary>
    private sealed class Rig : IDisposable
    {
        private readonly TempDir _dir = new();

        public Rig(RelayFaults faults)
        {
            Board = PseudoTerminal.Create();
            Relay = FaultInjectingRelay.Start(Board.DevicePath, _dir.File("host"), faults);
            // Open the host before anyone sends: opening flushes whatever was already waiting.
            Host = PosixSerialPort.Open(Relay.HostDevicePath, 921600);
        }

        public PseudoTerminal Board { get; }

        public FaultInjectingRelay Relay { get; }

        public PosixSerialPort Host { get; private set; }

        public void Dispose()
        {
            Host.Dispose();
            Relay.Dispose();
            Board.Dispose();
            _dir.Dispose();
        }
    }
}
