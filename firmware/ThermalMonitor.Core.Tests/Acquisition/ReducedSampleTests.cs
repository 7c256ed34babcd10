using ThermalMonitor.Core.Acquisition;
using ThermalMonitor.Core.Alarms;
using ThermalMonitor.Core.Monitoring;
using ThermalMonitor.Core.Tests.Alarms;
using ThermalMonitor.Core.Tests.Support;

namespace ThermalMonitor.Core.Tests.Acquisition;

/// <summary>
/// A channel carried as a reduced burst (<see cref="RawSample.SetReduced"/>, what INJR delivers):
/// the monitor steps it exactly as the reads it was reduced from, and the marker cannot outlive the
/// next fill of the channel (a board shares one sample buffer between LIVE, INJ and INJR).
/// </summary>
public class ReducedSampleTests
{
    [Fact]
    public void SetReads_and_SetFailed_clear_a_reduced_channel_and_CopyFrom_copies_it()
    {
        var sample = new RawSample();
        Assert.False(sample.IsReduced(ChannelId.Pressure));
        sample.SetReduced(ChannelId.Pressure, 0x56C00, 4, 1);
        Assert.True(sample.IsReduced(ChannelId.Pressure));
        Assert.False(sample.IsReduced(ChannelId.Temperature));
        Assert.Equal(ReadStatus.Ok, sample.Status(ChannelId.Pressure));
        Assert.Equal((0x56C00, 4, 1), (sample.ReducedCountsQ8(ChannelId.Pressure), sample.ReducedSpreadCounts(ChannelId.Pressure), sample.ReducedRejectedCount(ChannelId.Pressure)));

        var copy = new RawSample();
        copy.CopyFrom(sample);
        Assert.True(copy.IsReduced(ChannelId.Pressure));
        Assert.Equal(0x56C00, copy.ReducedCountsQ8(ChannelId.Pressure));

        sample.SetReads(ChannelId.Pressure, 32);
        Assert.False(sample.IsReduced(ChannelId.Pressure));
        copy.SetFailed(ChannelId.Pressure, ReadStatus.DriverError);
        Assert.False(copy.IsReduced(ChannelId.Pressure));
        copy.CopyFrom(sample);
        Assert.False(copy.IsReduced(ChannelId.Pressure));
        Assert.Throws<ArgumentOutOfRangeException>(() => sample.SetReduced(ChannelId.Supply, -1, 0, 0));
    }

    [Fact]
    public void A_monitor_steps_reduced_channels_exactly_as_the_reads_they_were_reduced_from()
    {
        var bursts = new LeakMonitor();
        var reduced = new LeakMonitor();
        var reducer = new BurstReducer();
        var asReduced = new RawSample();
        int steps = 0;
        foreach (RawSample sample in SimulatedSamples.Leak(120, 40, 12.0))
        {
            asReduced.CopyFrom(sample);
            for (int channel = 0; channel < Channels.Count; channel++)
            {
                var id = (ChannelId)channel;
                if (sample.Status(id) == ReadStatus.Ok
                    && reducer.Reduce(sample.ReadsCounts(id), sample.ReadCount(id), reduced.Derived.BurstTrimEachSide, reduced.Derived.BurstOutlierBandCounts))
                {
                    asReduced.SetReduced(id, reducer.CountsQ8, reducer.SpreadCounts, reducer.RejectedCount);
                    asReduced.ReadsCounts(id).AsSpan().Fill(-1); // the reads must not matter any more
                }
            }

            bursts.Step(sample);
            reduced.Step(asReduced);
            steps++;
            Assert.Equal(bursts.Telemetry.CountsQ8, reduced.Telemetry.CountsQ8);
            Assert.Equal(bursts.Telemetry.SpreadCounts, reduced.Telemetry.SpreadCounts);
            Assert.Equal(bursts.Telemetry.RejectedReads, reduced.Telemetry.RejectedReads);
            Assert.Equal(bursts.Telemetry.PinMicrovolts, reduced.Telemetry.PinMicrovolts);
            Assert.Equal(bursts.Telemetry.PressurePa, reduced.Telemetry.PressurePa);
            Assert.Equal(bursts.Telemetry.Outcomes, reduced.Telemetry.Outcomes);
            Assert.Equal(EventDrain.All(bursts.TryDequeueEvent).Select(Describe), EventDrain.All(reduced.TryDequeueEvent).Select(Describe));
        }

        Assert.True(steps > 1000);
        Assert.True(bursts.Alarms.Journal.RaisedTotal > 0, "the leak raised no alarm");
    }

    private static string Describe(MonitorEvent e) => $"{e.Id} {e.Severity} {e.Channel} t={e.TimeMs} n={e.Sequence} alarm={e.AlarmSequence} {e.AlarmType} code={e.Code} value={e.Value}";
}
