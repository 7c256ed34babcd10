using System.Globalization;
using ThermalMonitor.Core.Link;
using ThermalMonitor.Core.Monitoring;
using Xunit.Abstractions;

namespace ThermalMonitor.Core.Tests.Memory;

/// <summary>
/// What the firmware allocates at start-up, sized as nanoCLR would on the ESP32
/// (<see cref="NanoClrHeapModel"/>), against the documented budget in
/// firmware/ThermalMonitor.Core/README.md ("Memory"): 32 KB for the whole board's long-lived graph,
/// of which the monitor side may take <see cref="MonitorBudgetBytes"/>, leaving the rest for the link.
/// </summary>
public class StartupMemoryBudgetTests(ITestOutputHelper output)
{
    /// <summary>Everything the board builds at start-up and keeps.</summary>
    public const int BoardBudgetBytes = 32768;

    /// <summary>The monitor (LeakMonitor with everything it owns): 24 KB, leaving 8 KB of the 32 KB for the link.</summary>
    public const int MonitorBudgetBytes = 24576;

    private const int TopConsumersShown = 25;

    [Fact]
    public void The_monitor_side_fits_its_share_of_the_budget()
    {
        AssertUnderBudget(new LeakMonitor(), MonitorBudgetBytes, "LeakMonitor (default configuration)");
    }

    /// <summary>
    /// The whole board as it starts today (<see cref="StartupGraph.Build"/>). Fails until the link's
    /// buffers are shrunk: BoardLink alone holds an 8 KB receive ring, a 16 KB transmit ring and two
    /// 4 KB line buffers.
    /// </summary>
    [Fact]
    public void The_whole_board_startup_graph_fits_32_KB()
    {
        AssertUnderBudget(StartupGraph.Build(), BoardBudgetBytes, "board start-up graph (StartupGraph.Build)");
    }

    /// <summary>Sizes the graph under <paramref name="root"/>, prints where the bytes go, and holds it to the budget.</summary>
    private HeapEstimate AssertUnderBudget(object root, int budgetBytes, string what)
    {
        HeapEstimate estimate = NanoClrHeapModel.Measure(root);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what}: {estimate.TotalBytes} B in {estimate.ObjectCount} objects (budget {budgetBytes} B)"));
        foreach ((string type, int objects, int bytes) in estimate.TopConsumers().Take(TopConsumersShown))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {bytes,7} B  {objects,4} × {type}"));
        }

        Assert.True(
            estimate.TotalBytes <= budgetBytes,
            string.Create(CultureInfo.InvariantCulture, $"{what} needs {estimate.TotalBytes} B on nanoCLR, over its budget of {budgetBytes} B by {estimate.TotalBytes - budgetBytes} B"));
        return estimate;
    }
}

/// <summary>
/// The object graph a board builds at start-up and keeps for its lifetime, as the boards construct
/// it today (host-sim/ThermalMonitor.Link/InProcessBoard.cs): a monitor with the default
/// configuration behind a <see cref="BoardLink"/>. Change this when the board loop changes.
/// </summary>
public static class StartupGraph
{
    public static object Build()
    {
        var monitor = new LeakMonitor();
        var board = new BoardInfo("esp32", LinkDictionary.FirmwareVersion, ResetCause.PowerOn);
        return new BoardLink(monitor, new StatelessConfigReader(), board);
    }

    /// <summary>Stands in for the board's JSON reader, which keeps no state between documents.</summary>
    private sealed class StatelessConfigReader : IConfigDocumentReader
    {
        public void Read(byte[] bytes, int start, int length, ConfigDocumentBuilder builder)
        {
        }
    }
}
