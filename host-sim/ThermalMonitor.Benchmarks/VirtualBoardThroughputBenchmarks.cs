using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using ThermalMonitor.Core.Acquisition;
using ThermalMonitor.Link;
using ThermalMonitor.Sim;
using ThermalMonitor.Targets;

namespace ThermalMonitor.Benchmarks;

/// <summary>
/// Replay throughput over the wire: samples per second injected into a virtual board whose link is
/// paced like a UART at the given baud (10 bits per byte, both directions), with the INJ flow
/// control the HIL suite uses. One operation = one sample (32 reads × 3 channels per INJ line).
/// Baud 0 = the pseudo-terminal unpaced (what CI's HIL suite uses).
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class VirtualBoardThroughputBenchmarks
{
    private const int Samples = 400;

    private RawSample[] rawSamples = [];
    private TargetConnection connection = null!;
    private long timeMs;
    private readonly byte[] body = new byte[InjectCommand.BytesMax];

    [Params(115200, 921600, 0)]
    public int Baud { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        rawSamples = SimulatedCounts.Generate(new Scenario { DurationS = Samples / 10.0 }, 7);
        connection = TargetConnection.Open(Baud > 0 ? $"virtual@{Baud}" : "virtual");
        connection.Client.SendOk("TLM 0");
        connection.Client.SendOk("MODE REPLAY");
    }

    [GlobalCleanup]
    public void Cleanup() => connection.Dispose();

    [Benchmark(OperationsPerInvoke = Samples, Description = "INJ replay over a virtual board")]
    public void ReplayOverVirtualBoard()
    {
        foreach (RawSample sample in rawSamples)
        {
            // Time keeps increasing across iterations, so no sample is discarded as out of order.
            timeMs += 100;
            sample.TimestampMs = timeMs;
            int length = InjectCommand.Write(sample, body);
            connection.Client.Inject(body.AsSpan(0, length)); // flow control: bytes in flight within HELLO rx_buffer
        }

        connection.Client.DrainInjects();
    }
}
