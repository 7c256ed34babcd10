using ThermalMonitor.Core.Acquisition;
using ThermalMonitor.Core.Alarms;
using ThermalMonitor.Core.Config;
using ThermalMonitor.Core.Monitoring;
using ThermalMonitor.Core.Tests.Alarms;
using ThermalMonitor.Core.Tests.Synthetic;
using ThermalMonitor.Core.Validation;
using ThermalMonitor.Stimulus;
using ThermalMonitor.Sim;

namespace ThermalMonitor.Core.Tests.Monitoring;

/// <summary>The monitor's own duties around the pipeline: time, gaps, failed reads, commands, events.</summary>
public class LeakMonitorTests
{
    private readonly LeakMonitor monitor = new();
    private readonly RawSample sample = HealthySample();

    private static RawSample HealthySample()
    {
        var run = new SimulationRun(new Scenario { DurationS = 1 }, SyntheticCases.Seed);
        var burst = new AdcBurst(run.BurstLength);
        Assert.True(run.TryNext(out SimSample simulated, burst));
        var raw = new RawSample();
        RawSampleLoader.Load(raw, burst, simulated.TimeS);
        return raw;
    }

    private List<MonitorEvent> Drain() => EventDrain.All(monitor.TryDequeueEvent);

    private void StepAt(long timeMs)
    {
        sample.TimestampMs = timeMs;
        monitor.Step(sample);
    }

    [Fact]
    public void Converts_a_healthy_sample_to_the_simulated_pressure_and_temperature()
    {
        var run = new SimulationRun(new Scenario { DurationS = 1 }, SyntheticCases.Seed);
        var burst = new AdcBurst(run.BurstLength);
        run.TryNext(out SimSample truth, burst);

        StepAt(0);

        Assert.InRange(monitor.Telemetry.PressurePa, truth.PressureKpa * 1000 - 300, truth.PressureKpa * 1000 + 300);
        Assert.InRange(monitor.Telemetry.TempMilliC, truth.TempC * 1000 - 50, truth.TempC * 1000 + 50);
        Assert.True(monitor.Telemetry.IsAccepted(ChannelId.Pressure));
        Assert.True(monitor.Telemetry.IsAccepted(ChannelId.Temperature));
    }

    [Fact]
    public void A_timestamp_that_does_not_increase_discards_the_sample_and_says_so()
    {
        StepAt(1000);
        StepAt(1000);
        StepAt(900);

        Assert.Equal(1, monitor.Telemetry.SampleCount);
        Assert.Equal(2, monitor.Telemetry.DiscardedSamples);
        var events = Drain();
        Assert.Equal(2, events.Count(e => e.Id == EventId.TimeNotIncreasing));
        Assert.Equal(-100, events.Last().Value);
    }

    [Fact]
    public void A_gap_is_reported_and_restarts_the_rate_window()
    {
        var run = new SimulationRun(new Scenario { DurationS = 60 }, SyntheticCases.Seed);
        var burst = new AdcBurst(run.BurstLength);
        long lastMs = 0;
        for (int i = 0; i < 400 && run.TryNext(out SimSample simulated, burst); i++)
        {
            RawSampleLoader.Load(sample, burst, simulated.TimeS);
            lastMs = sample.TimestampMs;
            monitor.Step(sample);
        }

        Assert.NotEqual(0, monitor.Detector.RateOfDrop.DropPa); // window full, noise makes a drop
        Drain();
        run.TryNext(out _, burst);
        RawSampleLoader.Load(sample, burst, (lastMs + 5000) / 1000.0);
        monitor.Step(sample);

        var gap = Assert.Single(Drain());
        Assert.Equal(EventId.SampleGap, gap.Id);
        Assert.Equal(5000, gap.Value);
        Assert.Equal(0, monitor.Detector.RateOfDrop.DropPa);
    }

    [Fact]
    public void A_failed_read_faults_the_channel_with_its_reason_instead_of_reading_zero()
    {
        StepAt(0);
        for (int i = 1; i <= 3; i++)
        {
            sample.SetFailed(ChannelId.Pressure, ReadStatus.DriverError);
            StepAt(i * 100L);
        }

        Assert.Equal(FaultReason.ReadFailed, monitor.Telemetry.FaultReasons[(int)ChannelId.Pressure]);
        var raised = Drain().Single(e => e.Id == EventId.AlarmRaised);
        Assert.Equal(AlarmType.SensorFault, raised.AlarmType);
        Assert.Equal(ChannelId.Pressure, raised.Channel);
        Assert.Equal((int)FaultReason.ReadFailed, raised.Code);
        Assert.Equal(AlarmState.Normal, monitor.Alarms.State(AlarmSlot.DepressurizationWarning));
    }

    [Fact]
    public void A_burst_of_the_wrong_length_is_a_failed_read()
    {
        sample.SetReads(ChannelId.Temperature, 31);
        for (int i = 0; i < 3; i++)
        {
            StepAt(i * 100L);
        }

        Assert.Equal(FaultReason.ReadFailed, monitor.Telemetry.FaultReasons[(int)ChannelId.Temperature]);
    }

    [Fact]
    public void A_faulted_supply_falls_back_to_the_nominal_rail_and_pressure_stays_measured()
    {
        StepAt(0);
        int pressureBefore = monitor.Telemetry.PressurePa;
        Array.Fill(sample.ReadsCounts(ChannelId.Supply), 0, 0, 32);
        for (int i = 1; i <= 3; i++)
        {
            StepAt(i * 100L);
        }

        Assert.Equal(FaultReason.Open, monitor.Telemetry.FaultReasons[(int)ChannelId.Supply]);
        Assert.Equal(5000000, monitor.Telemetry.SupplyMicrovolts);
        Assert.True(monitor.Telemetry.IsAccepted(ChannelId.Pressure));
        Assert.InRange(monitor.Telemetry.PressurePa, pressureBefore - 1000, pressureBefore + 1000);
    }

    [Fact]
    public void Board_events_go_through_the_queue_and_are_throttled_with_a_count()
    {
        for (int i = 0; i < 15; i++)
        {
            monitor.ReportBoardEvent(EventId.LoopOverrun, i, 0, 130);
        }

        Assert.Equal(MonitorDictionary.EventThrottle(EventId.LoopOverrun), Drain().Count(e => e.Id == EventId.LoopOverrun));
        Assert.Equal(15 - MonitorDictionary.EventThrottle(EventId.LoopOverrun), monitor.Telemetry.SuppressedEvents);
    }

    [Fact]
    public void Reset_forgets_the_model_and_is_reported()
    {
        var config = new MonitorConfig();
        config.Set(ParamId.ModelWarmupS, 1);
        var quick = new LeakMonitor(config);
        for (int i = 0; i < 20; i++)
        {
            sample.TimestampMs = i * 100L;
            quick.Step(sample);
        }

        var ids = EventDrain.All(quick.TryDequeueEvent).Select(e => e.Id).ToList();
        Assert.Contains(EventId.ModelReady, ids);
        Assert.True(quick.Telemetry.ModelReady);
        quick.ResetDetector(2000);

        Assert.False(quick.Detector.Model.HasPrediction);
        Assert.Equal(EventId.DetectorReset, Assert.Single(EventDrain.All(quick.TryDequeueEvent)).Id);
    }

    [Fact]
    public void An_invalid_initial_configuration_is_a_programming_error()
    {
        var config = new MonitorConfig();
        config.Set(ParamId.BurstLength, 0);
        var error = Assert.Throws<ArgumentException>(() => new LeakMonitor(config));
        Assert.Contains("burstLength", error.Message);
    }
}
