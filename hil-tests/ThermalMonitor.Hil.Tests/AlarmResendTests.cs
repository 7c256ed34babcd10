using ThermalMonitor.Core.Acquisition;
using ThermalMonitor.Link;
using ThermalMonitor.Targets;

namespace ThermalMonitor.Hil.Tests;

/// <summary>
/// An alarm nobody acknowledged comes back every 2 s; the host shows it once; acknowledging stops it.
/// The alarm is produced with injected counts: an open pressure wire (reads at 0) is a SENSOR_FAULT.
/// </summary>
public sealed class AlarmResendTests
{
    public static TheoryData<string> Targets() => HilTargets.All();

    [Theory]
    [MemberData(nameof(Targets))]
    public void Unacknowledged_alarm_is_resent_until_acknowledged_and_counted_once(string target)
    {
        using var connection = TargetConnection.Open(target, acknowledgeAlarms: false);
        BoardClient client = connection.Client;
        client.SendOk("TLM 0");
        client.SendOk("MODE REPLAY");
        int after = client.LastBoardSequence;
        InjectOpenPressureWire(client, seconds: 5);
        BoardLine alarm = client.WaitFor(l => l.Type == "ALARM" && l.Fields["re"] == "0" && l.Fields["ch"] == "pressure", 10000, after, "pressure ALARM");
        Assert.Equal("SENSOR_FAULT", alarm.Field("type"));
        Assert.Equal("OPEN", alarm.Field("cause"));

        BoardLine resent = client.WaitFor(l => l.Type == "ALARM" && l.Fields["re"] == "1" && l.Fields["seq"] == alarm.Field("seq"), 10000, alarm.Sequence, "re-sent ALARM");
        Assert.Equal(alarm.Field("t"), resent.Field("t"));
        Assert.Single(client.Alarms, a => a.Seq == alarm.IntField("seq"));

        BoardLine ack = client.SendOk($"ACK {alarm.Field("seq")}");
        Assert.Equal("ACKED", ack.Field("result"));
        Assert.Equal(0, client.SendOk("STATUS").IntField("unacked"));
        int afterAck = client.LastBoardSequence;
        Thread.Sleep(2600);
        Assert.Throws<TimeoutException>(() => client.WaitFor(l => l.Type == "ALARM", 100, afterAck));
    }

    /// <summary>Pressure reads at 0 counts (open wire), temperature and supply normal.</summary>
    private static void InjectOpenPressureWire(BoardClient client, int seconds)
    {
        var raw = new RawSample();
        var body = new byte[InjectCommand.BytesMax];
        for (int i = 1; i <= seconds * 10; i++)
        {
            raw.TimestampMs = i * 100L;
            Fill(raw, ChannelId.Pressure, 0);
            // Small changes keep the live channels from looking stuck.
            Fill(raw, ChannelId.Temperature, 1800 + (i % 3));
            Fill(raw, ChannelId.Supply, 1972 + (i % 2));
            int length = InjectCommand.Write(raw, body);
            client.Inject(body.AsSpan(0, length), window: 4);
        }

        client.DrainInjects();
    }

    private static void Fill(RawSample raw, ChannelId channel, int counts)
    {
        Array.Fill(raw.ReadsCounts(channel), counts, 0, 32);
        raw.SetReads(channel, 32);
    }
}
