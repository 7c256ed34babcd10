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
        BoardLine first = client.SendOk("STATUS");
        Thread.Sleep(300);
        BoardLine status = client.SendOk("STATUS");

        int cycles = status.IntField("cycles");
        int min = status.IntField("loop_min_us");
        int average = status.IntField("loop_avg_us");
        int max = status.IntField("loop_max_us");
        Assert.True(cycles > first.IntField("cycles"), $"the loop did not run between two STATUS: {status.Text}");
        Assert.True(min <= average && average <= max, $"loop timing out of order: {status.Text}");
        Assert.True(status.IntField("overruns") >= 0);
        Assert.True(status.LongField("uptime_ms") > first.LongField("uptime_ms"), status.Text);
        Assert.True(status.OptionalLongField("free_bytes") is null or > 0, status.Text);
        Assert.Equal(1, client.Hello!.IntField("proto"));
    }
}
