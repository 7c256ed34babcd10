using System.Globalization;
using ThermalMonitor.Core.Acquisition;
using ThermalMonitor.Core.Board;
using ThermalMonitor.Core.Link;
using ThermalMonitor.Core.Monitoring;
using ThermalMonitor.Core.Settings;
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

    /// <summary>The monitor (LeakMonitor with everything it owns, the alarm journal included): 25 KB, leaving 7 KB of the 32 KB for the link.</summary>
    public const int MonitorBudgetBytes = 25600;

    private const int TopConsumersShown = 25;

    [Fact]
    public void The_monitor_side_fits_its_share_of_the_budget()
    {
        AssertUnderBudget(new LeakMonitor(), MonitorBudgetBytes, "LeakMonitor (default configuration)");
    }

    /// <summary>The whole board as it starts (<see cref="StartupGraph.Build"/>).</summary>
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
/// The object graph the ESP32 app builds at start-up and keeps for its lifetime
/// (firmware/ThermalMonitor.Device/Program.cs): the portable <see cref="BoardLoop"/> — monitor,
/// link, settings store — started in LIVE. The device's seams wrap native drivers (the UART's
/// buffers, the ADC channels, the flash files live outside the managed heap), so they stand in
/// here as objects without state.
/// </summary>
public static class StartupGraph
{
    public static object Build()
    {
        var board = new BoardInfo("esp32", LinkDictionary.FirmwareVersion, ResetCause.Unknown);
        var loop = new BoardLoop(board, new NativeClock(), new NativePort(), new StatelessConfigReader(), new NativeAdc(), null, null, new EmptyMedium(), null);
        loop.Start(LinkMode.Live);
        return loop;
    }

    /// <summary>Stands in for the board's JSON reader, which keeps no state between documents.</summary>
    private sealed class StatelessConfigReader : IConfigDocumentReader
    {
        public void Read(ConfigJsonChecker checkedDocument, ConfigDocumentBuilder builder)
        {
        }
    }

    private sealed class NativeClock : IBoardClock
    {
        public long Microseconds => 0;

        public void Sleep(int milliseconds)
        {
        }
    }

    /// <summary>The UART: its 2048-byte receive buffer is the driver's, in native memory.</summary>
    private sealed class NativePort : IBytePort
    {
        public int ReceiveBufferBytes => 2048;

        public long ReceiveLostBytes => 0;

        public int Read(byte[] buffer, int offset, int count) => 0;

        public bool Write(byte[] buffer, int offset, int count) => true;

        public void WaitForInput(int milliseconds)
        {
        }
    }

    private sealed class NativeAdc : ISampleSource
    {
        public bool TrySample(RawSample into, int burstLength, long nowMs) => false;
    }

    private sealed class EmptyMedium : ISettingsMedium
    {
        public int SlotBytesMax => 1024;

        public int Read(int slot, byte[] buffer) => 0;

        public bool Write(int slot, byte[] buffer, int count) => true;
    }
}
