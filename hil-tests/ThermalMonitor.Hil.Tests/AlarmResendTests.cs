using ThermalMonitor.Core;
using ThermalMonitor.Core.Acquisition;
using ThermalMonitor.Core.Alarms;
using ThermalMonitor.Core.Link;
using ThermalMonitor.Core.Validation;
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
        BoardLine alarm = client.WaitFor(l => l.Type == LinkDictionary.Alarm && l.Fields[WireField.Resent] == "0" && l.Fields[WireField.Channel] == MonitorDictionary.ChannelName(ChannelId.Pressure), 10000, after, "pressure ALARM");
        Assert.Equal(MonitorDictionary.AlarmTypeName(AlarmType.SensorFault), alarm.Field(WireField.Type));
        Assert.Equal(MonitorDictionary.FaultReasonName(FaultReason.Open), alarm.Field(WireField.Cause));

        BoardLine resent = client.WaitFor(l => l.Type == LinkDictionary.Alarm && l.Fields[WireField.Resent] == "1" && l.Fields[WireField.Seq] == alarm.Field(WireField.Seq), 10000, alarm.Sequence, "re-sent ALARM");
        Assert.Equal(alarm.Field(WireField.TimeMs), resent.Field(WireField.TimeMs));
        Assert.Single(client.Alarms, a => a.Seq == alarm.IntField(WireField.Seq));

        BoardLine ack = client.SendOk($"{LinkDictionary.Ack} {alarm.Field(WireField.Seq)}");
        Assert.Equal(LinkDictionary.AckResultAcked, ack.Field(WireField.Result));
        Assert.Equal(0, client.SendOk(LinkDictionary.Status).IntField(WireField.Unacked));
        int afterAck = client.LastBoardSequence;
        Thread.Sleep(2600);
        Assert.Throws<TimeoutException>(() => client.WaitFor(l => l.Type == LinkDictionary.Alarm, 100, afterAck));
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
            client.Inject(body.AsSpan(0, length));
        }

        client.DrainInjects();
    }

    private static void Fill(RawSample raw, ChannelId channel, int counts)
    {
        Array.Fill(raw.ReadsCounts(channel), counts, 0, 32);
        raw.SetReads(channel, 32);
    }
}
