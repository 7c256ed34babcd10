using ThermalMonitor.Core.Acquisition;
using ThermalMonitor.Core.Link;
using ThermalMonitor.Link;
using ThermalMonitor.Serial;
using ThermalMonitor.Targets;

namespace ThermalMonitor.Hil.Tests;

/// <summary>
/// No alarm is lost or shown twice when the cable is bad: a relay between host and board drops and
/// corrupts bytes both ways and is unplugged and replugged in the middle, while injected counts make
/// the board raise and clear sensor-fault alarms over and over. At the end the number of alarms the
/// board raised (STATUS alarms_raised) must equal the number the host recorded, each exactly once.
/// </summary>
public sealed class AlarmDeliveryTests(ITestOutputHelper output)
{
    private const int Cycles = 24;

    public static TheoryData<string> Targets() => HilTargets.WithDevicePath();

    [Theory]
    [MemberData(nameof(Targets))]
    public void Every_alarm_arrives_exactly_once_through_a_lossy_link_and_a_reconnection(string target)
    {
        var faults = new RelayFaults { DropProbability = 2e-4, CorruptProbability = 2e-4, Seed = 20230211 };
        using var connection = TargetConnection.Open(target, faults);
        BoardClient client = connection.Client;
        FaultInjectingRelay relay = connection.Relay!;
        Reliably(client, "TLM 0");
        BoardLine started = Reliably(client, "MODE REPLAY");
        int session = started.IntField(WireField.Session);

        var raw = new RawSample();
        var body = new byte[InjectCommand.BytesMax];
        long timeMs = 0;
        for (int cycle = 0; cycle < Cycles; cycle++)
        {
            if (cycle == Cycles / 2)
            {
                // Send the samples that raise an alarm without waiting, then pull the cable: the
                // alarm lines are lost on the wire and must come back by re-sending after replug.
                InjectSeconds(client, raw, body, ref timeMs, seconds: 2, openWire: true);
                relay.Unplug();
                Thread.Sleep(1500);
                relay.Replug();
                InjectSeconds(client, raw, body, ref timeMs, seconds: 7, openWire: false);
                continue;
            }

            InjectSeconds(client, raw, body, ref timeMs, seconds: 2, openWire: true);
            InjectSeconds(client, raw, body, ref timeMs, seconds: 7, openWire: false);
        }

        client.DrainInjects();
        BoardLine status = WaitUntilAllAcknowledged(client);
        int sent = status.IntField(WireField.AlarmsRaised);
        var received = client.Alarms.Where(a => a.Session == session).ToList();
        int reconnects = ((ReconnectingSerialLink)client.SerialLink).Reconnects;
        RelayCounters counters = relay.Counters;
        output.WriteLine($"{target}: board raised {sent} alarms, host recorded {received.Count}; copies ignored {client.AlarmCopiesIgnored}; reconnects {reconnects}; " +
            $"corrupted lines {client.LinesCorrupted}, missing lines {client.LinesMissing}, unanswered INJ {client.InjectsUnanswered}; relay {counters}");

        Assert.True(sent >= Cycles / 2, $"the injected faults raised only {sent} alarms");
        Assert.Equal(sent, received.Count);
        Assert.Equal(Enumerable.Range(1, sent), received.Select(a => a.Seq).Order());
        Assert.True(client.LinesCorrupted + client.LinesMissing > 0, "the relay damaged nothing: the test proved nothing");
        Assert.Equal(0, status.IntField(WireField.JournalLost));
        Assert.Equal(1, reconnects);
    }

    private static void InjectSeconds(BoardClient client, RawSample raw, byte[] body, ref long timeMs, int seconds, bool openWire)
    {
        for (int i = 0; i < seconds * 10; i++)
        {
            timeMs += 100;
            raw.TimestampMs = timeMs;
            Fill(raw, ChannelId.Pressure, openWire ? 0 : 1400 + (i % 3));
            Fill(raw, ChannelId.Temperature, 1800 + (i % 2));
            Fill(raw, ChannelId.Supply, 1972 + (i % 2));
            int length = InjectCommand.Write(raw, body);
            client.Inject(body.AsSpan(0, length), replyTimeoutMs: 2000);
        }
    }

    private static void Fill(RawSample raw, ChannelId channel, int counts)
    {
        Array.Fill(raw.ReadsCounts(channel), counts, 0, 32);
        raw.SetReads(channel, 32);
    }

    /// <summary>Commands over a lossy link: retried until a reply gets through both ways.</summary>
    private static BoardLine Reliably(BoardClient client, string command)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                BoardLine reply = client.Send(command, 1500);
                if (!reply.IsError || attempt >= 20)
                {
                    return reply.IsError ? throw new BoardProtocolException(reply.Text) : reply;
                }
            }
            catch (TimeoutException) when (attempt < 20)
            {
            }
        }
    }

    /// <summary>The board re-sends every 2 s and the host acknowledges each copy it sees; wait until none is owed.</summary>
    private static BoardLine WaitUntilAllAcknowledged(BoardClient client)
    {
        DateTime deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            BoardLine status = Reliably(client, LinkDictionary.Status);
            if (status.IntField(WireField.Unacked) == 0 || DateTime.UtcNow > deadline)
            {
                return status;
            }

            Thread.Sleep(500);
        }
    }
}
