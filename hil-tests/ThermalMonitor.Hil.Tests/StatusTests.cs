using ThermalMonitor.Core.Link;
using ThermalMonitor.Link;
using ThermalMonitor.Targets;

namespace ThermalMonitor.Hil.Tests;

/// <summary>STATUS reports the sampling loop's timing, memory and uptime from the board's own measurements.</summary>
public sealed class StatusTests
{
    public static TheoryData<string> Targets() => HilTargets.All();

    [Theory]
    [MemberData(nameof(Targets))]
    public void Status_reports_loop_timing_memory_and_uptime(string target)
    {
        using var connection = TargetConnection.Open(target);
        BoardClient client = connection.Client;
        BoardLine first = client.SendOk(LinkDictionary.Status);
        Thread.Sleep(300);
        BoardLine status = client.SendOk(LinkDictionary.Status);

        int cycles = status.IntField(WireField.Cycles);
        int min = status.IntField(WireField.LoopMinMicroseconds);
        int average = status.IntField(WireField.LoopAverageMicroseconds);
        int max = status.IntField(WireField.LoopMaxMicroseconds);
        Assert.True(cycles > first.IntField(WireField.Cycles), $"the loop did not run between two STATUS: {status.Text}");
        Assert.True(min <= average && average <= max, $"loop timing out of order: {status.Text}");
        Assert.InRange(status.IntField(WireField.Overruns), 0, cycles); // counted among the cycles measured
        Assert.True(status.LongField(WireField.UptimeMs) > first.LongField(WireField.UptimeMs), status.Text);
        Assert.True(status.OptionalLongField(WireField.FreeBytes) is null or > 0, status.Text);
        Assert.Equal(LinkDictionary.ProtocolVersion, client.Hello!.IntField(WireField.Protocol));
    }
}
