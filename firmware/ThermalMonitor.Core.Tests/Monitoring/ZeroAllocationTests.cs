using ThermalMonitor.Core.Acquisition;
using ThermalMonitor.Core.Alarms;
using ThermalMonitor.Core.Config;
using ThermalMonitor.Core.Monitoring;
using ThermalMonitor.Core.Tests.Synthetic;
using ThermalMonitor.Stimulus;
using ThermalMonitor.Sim;

namespace ThermalMonitor.Core.Tests.Monitoring;

/// <summary>
/// docs/design.md §3: nothing is allocated per sample once running. More than 100 000 steps after
/// warm-up — with alarms raising, clearing and being acknowledged, sensor faults, glitches and
/// event drains — must allocate exactly 0 bytes on the sampling thread.
/// </summary>
public class ZeroAllocationTests
{
    private const int MeasuredCycles = 12;

    [Fact]
    public void Steps_allocate_nothing_while_alarms_raise_and_clear()
    {
        RawSample[] cycle = OneCycle();
        var config = new MonitorConfig();
        config.Set(ParamId.ModelWarmupS, 60); // arm the slow path within the cycle too
        var monitor = new LeakMonitor(config);
        var drained = new MonitorEvent();
        var counts = new int[MonitorDictionary.EventIdMax + 1];
        long timeMs = 0;

        timeMs = Run(monitor, cycle, 1, timeMs, drained, counts); // warm-up: JIT, first faults
        Array.Clear(counts);
        int stepsMeasured = cycle.Length * MeasuredCycles;

        long before = GC.GetAllocatedBytesForCurrentThread();
        Run(monitor, cycle, MeasuredCycles, timeMs, drained, counts);
        long allocatedBytes = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(stepsMeasured >= 100000, $"only {stepsMeasured} steps");
        Assert.Equal(0, allocatedBytes);

        // The loop really went through the alarm life cycle, not a quiet stretch.
        Assert.True(counts[(int)EventId.AlarmRaised] >= 2 * MeasuredCycles, $"raised {counts[(int)EventId.AlarmRaised]}");
        Assert.True(counts[(int)EventId.AlarmCleared] >= 2 * MeasuredCycles, $"cleared {counts[(int)EventId.AlarmCleared]}");
        Assert.True(counts[(int)EventId.AlarmAcknowledged] >= 2 * MeasuredCycles, $"acked {counts[(int)EventId.AlarmAcknowledged]}");
        Assert.Equal(0, monitor.Telemetry.InvariantFailures);
    }

    /// <summary>Steps through the cycle <paramref name="repeats"/> times with ever-increasing timestamps.</summary>
    private static long Run(LeakMonitor monitor, RawSample[] cycle, int repeats, long timeMs, MonitorEvent drained, int[] counts)
    {
        for (int repeat = 0; repeat < repeats; repeat++)
        {
            for (int i = 0; i < cycle.Length; i++)
            {
                timeMs += 100;
                cycle[i].TimestampMs = timeMs;
                monitor.Step(cycle[i]);
                while (monitor.TryDequeueEvent(drained))
                {
                    counts[(int)drained.Id]++;
                }

                if (i % 1000 == 999)
                {
                    monitor.AcknowledgeAll(timeMs);
                }
            }
        }

        return timeMs;
    }

    /// <summary>
    /// 15 simulated minutes: healthy loop, a pressure open-wire fault (30 s), a noise burst on the
    /// temperature channel, a glitch, then a 12 mm leak that empties the loop. Repeating the cycle
    /// jumps back to full pressure, so every repeat raises and clears again.
    /// </summary>
    private static RawSample[] OneCycle()
    {
        var scenario = new Scenario
        {
            DurationS = 900,
            Leak = new LeakSettings { Steps = [new LeakStep(700, 12.0)] },
            Faults =
            [
                SensorFault.Open(SensorChannel.Pressure, 300, 330),
                SensorFault.NoiseBurst(SensorChannel.Temperature, 400, 410),
                SensorFault.Glitch(SensorChannel.Pressure, 500),
            ],
        };
        var run = new SimulationRun(scenario, SyntheticCases.Seed);
        var burst = new AdcBurst(run.BurstLength);
        var samples = new List<RawSample>();
        while (run.TryNext(out SimSample sample, burst))
        {
            var raw = new RawSample();
            RawSampleLoader.Load(raw, burst, sample.TimeS);
            samples.Add(raw);
        }

        return [.. samples];
    }
}
