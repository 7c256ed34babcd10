using ThermalMonitor.Core;
using ThermalMonitor.Core.Alarms;
using ThermalMonitor.Core.Link;
using ThermalMonitor.Link;
using ThermalMonitor.Targets;

namespace ThermalMonitor.Hil.Tests;

/// <summary>
/// What a user or a broken cable can send: each bad line gets its specific error reply and leaves
/// the board as it was (configuration and alarm state compared before and after), and the board
/// keeps answering.
/// </summary>
public sealed class ProtocolRobustnessTests
{
    public static TheoryData<string> Targets() => HilTargets.All();

    [Theory]
    [MemberData(nameof(Targets))]
    public void Bad_lines_get_specific_errors_and_change_nothing(string target)
    {
        using var connection = TargetConnection.Open(target);
        BoardClient client = connection.Client;
        client.SendOk("MODE REPLAY");
        string configBefore = client.SendOk("CFG GET").Payload!;

        AssertRaw(client, "complete garbage without a check\r\n", "NO_CHECKSUM");
        AssertRaw(client, "12 STATUS*0000\r\n", "BAD_CHECKSUM");
        AssertRaw(client, new string('A', LineTransport.LineBytesMax + 100) + "\r\n", "OVERLONG");
        AssertRaw(client, CommandFrame.Frame(1, "STATUS").Replace("STATUS", "STATVS", StringComparison.Ordinal), "BAD_CHECKSUM");
        AssertCommand(client, "SELF-DESTRUCT", "UNKNOWN_COMMAND");
        AssertCommand(client, "TLM 99999999", "OUT_OF_RANGE");
        AssertCommand(client, "TLM fast", "BAD_ARGUMENT");
        AssertCommand(client, "ACK", "MISSING_ARGUMENT");
        AssertCommand(client, "ACK 424242", "NOT_FOUND");
        AssertCommand(client, "STATUS now", "TOO_MANY_ARGUMENTS");
        AssertCommand(client, "INJ 100 1234 - -", "BAD_ARGUMENT");
        AssertCommand(client, "INJ 100 123 456 789", "OUT_OF_RANGE");
        AssertCommand(client, "CFG SET {\"samplePeriodMs\":5}", "CONFIG_INVALID", "samplePeriodMs");
        AssertCommand(client, "CFG SET {\"redLowPa\":190000}", "CONFIG_INVALID", "redLowPa");
        AssertCommand(client, "CFG SET {\"samplePeriodMs\":100,", "BAD_JSON", "json");
        AssertCommand(client, "CFG SET {\"samplePeriodMs\" 100}", "BAD_JSON", "json");
        AssertCommand(client, "CFG SET {\"samplePeriodMs\":\"100\"}", "CONFIG_INVALID", "samplePeriodMs");
        AssertCommand(client, "CFG SET {\"noSuchParameter\":1}", "CONFIG_INVALID", "noSuchParameter");

        Assert.Equal(configBefore, client.SendOk("CFG GET").Payload);
        BoardLine status = client.SendOk(LinkDictionary.Status);
        Assert.Equal(0, status.IntField(WireField.AlarmsRaised));
        Assert.Equal(0, status.IntField(WireField.Samples));
        Assert.Equal(LinkDictionary.ModeName(LinkMode.Replay), status.Field(WireField.Mode));
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public void A_good_document_changes_the_configuration_and_is_reported_as_an_event(string target)
    {
        using var connection = TargetConnection.Open(target);
        BoardClient client = connection.Client;
        int after = client.LastBoardSequence;
        BoardLine ok = client.SendOk("CFG SET {\"rateLimitPaPerS\":250,\"residualSigmaPa\":500}");
        Assert.Equal(LinkDictionary.Ok, ok.Type);
        client.WaitFor(l => l.Type == LinkDictionary.Event && l.Fields[WireField.Id] == MonitorDictionary.EventName(EventId.ConfigChanged), 5000, after, "CONFIG_CHANGED event");
        string config = client.SendOk("CFG GET").Payload!;
        Assert.Contains("\"rateLimitPaPerS\":250", config, StringComparison.Ordinal);
        Assert.Contains("\"residualSigmaPa\":500", config, StringComparison.Ordinal);
        client.SendOk("CFG DEFAULTS");
        Assert.Contains("\"rateLimitPaPerS\":200", client.SendOk("CFG GET").Payload!, StringComparison.Ordinal);
    }

    private static void AssertCommand(BoardClient client, string command, string error, string? field = null)
    {
        BoardLine reply = client.Send(command);
        Assert.True(reply.IsError, $"'{command}' was accepted: {reply.Text}");
        Assert.Equal(error, reply.ErrorCode);
        if (field is not null)
        {
            Assert.Equal(field, reply.Field(WireField.Field));
        }
    }

    /// <summary>Raw bytes whose reply cannot carry a reference: the next ERR with no reference must have the code.</summary>
    private static void AssertRaw(BoardClient client, string raw, string error)
    {
        int after = client.LastBoardSequence;
        client.SendRaw(raw);
        BoardLine reply = client.WaitFor(l => l.IsError && l.Reference is null, 5000, after, $"ERR for {error}");
        Assert.Equal(error, reply.ErrorCode);
    }
}
