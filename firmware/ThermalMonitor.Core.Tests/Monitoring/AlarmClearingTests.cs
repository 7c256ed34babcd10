using ThermalMonitor.Core.Acquisition;
using ThermalMonitor.Core.Alarms;
using ThermalMonitor.Core.Config;
using ThermalMonitor.Core.Detection;
using ThermalMonitor.Core.Monitoring;
using ThermalMonitor.Core.Tests.Alarms;
using ThermalMonitor.Core.Tests.Support;
using ThermalMonitor.Core.Validation;

namespace ThermalMonitor.Core.Tests.Monitoring;

/// <summary>
/// Leak-then-recover at the monitor level: not only when the limit, rate-of-drop and sensor-fault
/// alarms are raised but when they clear. Raw counts are simulated healthy samples whose pressure
/// reads get an offset that we script; the expected sample of each transition is worked out here
/// from the converted pressure the monitor reports and the configured persistence counts
/// (<see cref="DerivedSettings"/>), never from the detector's own state.
/// </summary>
public class AlarmClearingTests
{
    /// <summary>What each step of a run produced.</summary>
    private sealed class Run
    {
        public List<long> TimesMs { get; } = [];
        public List<int> PressuresPa { get; } = [];
        public List<bool> PressureAccepted { get; } = [];
        public List<int> RateDropsPa { get; } = [];
        public List<AlarmState> Warning { get; } = [];
        public List<(int Index, MonitorEvent Event)> Events { get; } = [];

        public (int Index, MonitorEvent Event) Single(EventId id, AlarmSlot slot) =>
            Assert.Single(Events, e => e.Event.Id == id && Matches(e.Event, slot));

        public IEnumerable<MonitorEvent> Of(AlarmSlot slot) => Events.Select(e => e.Event).Where(e => e.AlarmType != AlarmType.None && Matches(e, slot));

        private static bool Matches(MonitorEvent e, AlarmSlot slot) =>
            e.AlarmType == AlarmSlots.TypeOf(slot) && e.Severity == AlarmSlots.SeverityOf(slot) && e.Channel == AlarmSlots.ChannelOf(slot);
    }

    private static Run Replay(LeakMonitor monitor, RawSample[] samples)
    {
        var run = new Run();
        for (int i = 0; i < samples.Length; i++)
        {
            monitor.Step(samples[i]);
            run.TimesMs.Add(samples[i].TimestampMs);
            run.PressuresPa.Add(monitor.Telemetry.PressurePa);
            run.PressureAccepted.Add(monitor.Telemetry.IsAccepted(ChannelId.Pressure));
            run.RateDropsPa.Add(monitor.Telemetry.RateDropPa);
            run.Warning.Add(monitor.Alarms.State(AlarmSlot.DepressurizationWarning));
            run.Events.AddRange(EventDrain.All(monitor.TryDequeueEvent).Select(e => (i, e)));
        }

        return run;
    }

    /// <summary>Healthy samples with <paramref name="offsetCounts"/>(i) added to every pressure read of sample i.</summary>
    private static RawSample[] WithPressureOffset(double durationS, Func<int, int> offsetCounts)
    {
        RawSample[] samples = SimulatedSamples.Healthy(durationS);
        for (int i = 0; i < samples.Length; i++)
        {
            int[] reads = samples[i].ReadsCounts(ChannelId.Pressure);
            int offset = offsetCounts(i);
            for (int r = 0; r < samples[i].ReadCount(ChannelId.Pressure); r++)
            {
                reads[r] = Math.Clamp(reads[r] + offset, 0, 4095);
            }
        }

        return samples;
    }

    /// <summary>
    /// The index at which <paramref name="holds"/> has been true for <paramref name="length"/>
    /// consecutive samples counted from <paramref name="from"/> on (what a persistence count means).
    /// </summary>
    private static int RunEnd(IReadOnlyList<bool> holds, int from, int length)
    {
        int run = 0;
        for (int i = from; i < holds.Count; i++)
        {
            run = holds[i] ? run + 1 : 0;
            if (run == length)
            {
                return i;
            }
        }

        throw new InvalidOperationException($"no run of {length} samples after sample {from}");
    }

    /// <summary>Pa per ADC count of the pressure channel around the nominal pressure, measured through the monitor.</summary>
    private static double PaPerCount(MonitorConfig config)
    {
        RawSample at(int offset) => WithPressureOffset(0.1, _ => offset)[0];
        var probe = new LeakMonitor(config);
        probe.Step(at(0));
        int nominal = probe.Telemetry.PressurePa;
        probe = new LeakMonitor(config);
        probe.Step(at(-400));
        return (nominal - probe.Telemetry.PressurePa) / 400.0;
    }

    [Fact]
    public void The_red_low_limit_raises_after_its_persistence_holds_in_the_hysteresis_band_and_clears_after_the_clear_persistence()
    {
        var config = new MonitorConfig();
        config.Set(ParamId.LowLimitHysteresisPa, 40_000); // a band wide enough to park the pressure in
        config.Set(ParamId.RateLimitPaPerS, ParameterTable.Info(ParamId.RateLimitPaPerS).Max); // rate of drop out of the way
        var monitor = new LeakMonitor(config);
        DerivedSettings derived = monitor.Derived;
        int red = derived.RedLowPa;
        int clearLevel = red + derived.LowLimitHysteresisPa;

        int nominal = PaPerCountBaseline(config, out double paPerCount);
        int Offset(int targetPa) => (int)Math.Round((targetPa - nominal) / paPerCount);
        int below = Offset(red - 20_000);
        int inBand = Offset((red + clearLevel) / 2);
        int hold = derived.ClearPersistSamples + 20;

        // 5 s healthy, ramp down to 20 kPa below red, hold, ramp up into the hysteresis band and
        // stay there longer than the clear persistence, then back to nominal.
        int[] script = [.. Ramp(50, 0, 0), .. Ramp(20, 0, below), .. Ramp(30, below, below), .. Ramp(10, below, inBand), .. Ramp(hold, inBand, inBand),
            .. Ramp(10, inBand, 0), .. Ramp(hold, 0, 0)];
        var run = Replay(monitor, WithPressureOffset(script.Length / 10.0, i => script[i]));

        Assert.All(run.PressureAccepted, Assert.True);
        int bandStart = 50 + 20 + 30 + 10;
        Assert.All(run.PressuresPa.Skip(bandStart).Take(hold), p => Assert.InRange(p, red, clearLevel - 1)); // the script did what it says

        int raise = RunEnd(run.PressuresPa.Select(p => p < red).ToList(), 0, derived.LimitPersistSamples);
        int clear = RunEnd(run.PressuresPa.Select(p => p >= clearLevel).ToList(), raise + 1, derived.ClearPersistSamples);
        var raised = run.Single(EventId.AlarmRaised, AlarmSlot.DepressurizationWarning);
        var cleared = run.Single(EventId.AlarmCleared, AlarmSlot.DepressurizationWarning);

        Assert.Equal(raise, raised.Index);
        Assert.Equal((int)DetectionCause.RedLowLimit, raised.Event.Code);
        Assert.Equal(run.PressuresPa[raise], raised.Event.Value);
        Assert.Equal(clear, cleared.Index);
        Assert.Equal(run.TimesMs[clear], cleared.Event.TimeMs);
        Assert.True(clear > bandStart + hold, "the hysteresis band held the alarm");
        Assert.All(run.Warning.Skip(raise).Take(clear - raise), s => Assert.Equal(AlarmState.Active, s));
        Assert.All(run.Warning.Skip(clear), s => Assert.Equal(AlarmState.ClearedUnacknowledged, s));
    }

    [Fact]
    public void Rate_of_drop_raises_after_the_fast_persistence_and_clears_once_the_window_has_seen_the_loop_steady()
    {
        var monitor = new LeakMonitor();
        DerivedSettings derived = monitor.Derived;
        int window = derived.RateWindowSamples;
        int dropLimit = derived.RateDropLimitPa;
        PaPerCountBaseline(new MonitorConfig(), out double paPerCount);
        int step = -(int)Math.Round(3.0 * dropLimit / paPerCount); // three times the limit, well above the yellow limit

        // A full window of healthy samples, a 2 s drop, then steady long enough to clear.
        int[] script = [.. Ramp(window + 50, 0, 0), .. Ramp(20, 0, step), .. Ramp(window + derived.ClearPersistSamples + 50, step, step)];
        var run = Replay(monitor, WithPressureOffset(script.Length / 10.0, i => script[i]));

        Assert.All(run.PressureAccepted, Assert.True);
        Assert.All(run.PressuresPa, p => Assert.True(p > derived.YellowLowPa));
        // The drop over the window, from the converted pressures: W samples back.
        var drops = run.PressuresPa.Select((p, i) => i >= window ? run.PressuresPa[i - window] - p : 0).ToList();
        Assert.Equal(drops, run.RateDropsPa);

        int raise = RunEnd(drops.Select(d => d > dropLimit).ToList(), 0, derived.FastPersistSamples);
        int clear = RunEnd(drops.Select(d => d <= dropLimit).ToList(), raise + 1, derived.ClearPersistSamples);
        var raised = run.Single(EventId.AlarmRaised, AlarmSlot.DepressurizationWarning);
        var cleared = run.Single(EventId.AlarmCleared, AlarmSlot.DepressurizationWarning);

        Assert.Equal(raise, raised.Index);
        Assert.Equal((int)DetectionCause.RateOfDrop, raised.Event.Code);
        Assert.Equal(clear, cleared.Index);
        Assert.InRange(clear, window + 50 + 20 + window, script.Length - 1); // not before the window held only steady samples
    }

    public static TheoryData<ChannelId, int, AlarmSlot, FaultReason> OpenWires() => new()
    {
        // Open pressure and supply wires pull their pins to 0 V; an open NTC pulls its pin to the
        // 3.3 V divider supply, past the ADC's top (hardware/README.md, ChannelValidatorTests).
        { ChannelId.Pressure, 0, AlarmSlot.SensorFaultPressure, FaultReason.Open },
        { ChannelId.Supply, 0, AlarmSlot.SensorFaultSupply, FaultReason.Open },
        { ChannelId.Temperature, 4095, AlarmSlot.SensorFaultTemperature, FaultReason.Open },
    };

    [Theory]
    [MemberData(nameof(OpenWires))]
    public void An_open_wire_faults_after_the_fault_persistence_and_clears_after_the_recovery_time(ChannelId channel, int openCounts, AlarmSlot slot, FaultReason reason)
    {
        var monitor = new LeakMonitor();
        ChannelLimits limits = channel switch
        {
            ChannelId.Pressure => monitor.Derived.PressureLimits,
            ChannelId.Temperature => monitor.Derived.TempLimits,
            _ => monitor.Derived.SupplyLimits,
        };
        const int openStart = 100;
        const int openSamples = 40;
        const int restored = openStart + openSamples;
        RawSample[] samples = SimulatedSamples.Healthy((restored + limits.RecoverSamples + 50) / 10.0);
        for (int i = openStart; i < restored; i++)
        {
            Array.Fill(samples[i].ReadsCounts(channel), openCounts);
        }

        var run = Replay(monitor, samples);

        var raised = run.Single(EventId.AlarmRaised, slot);
        var cleared = run.Single(EventId.AlarmCleared, slot);
        Assert.Equal(openStart + limits.FaultPersistSamples - 1, raised.Index);
        Assert.Equal((int)reason, raised.Event.Code);
        Assert.Equal(restored + limits.RecoverSamples - 1, cleared.Index);
        var recovered = Assert.Single(run.Events, e => e.Event.Id == EventId.ChannelRecovered && e.Event.Channel == channel);
        Assert.Equal((cleared.Index, (int)reason), (recovered.Index, recovered.Event.Code));
        Assert.Equal(AlarmState.ClearedUnacknowledged, monitor.Alarms.State(slot));
        // The fault inhibits leak decisions instead of raising them (an open wire is never a leak).
        Assert.DoesNotContain(run.Events, e => e.Event.AlarmType == AlarmType.Depressurization || e.Event.AlarmType == AlarmType.Overtemp);
    }

    [Fact]
    public void A_pressure_fault_while_a_red_limit_alarm_is_active_holds_it_and_it_clears_after_recovery()
    {
        var config = new MonitorConfig();
        config.Set(ParamId.RateLimitPaPerS, ParameterTable.Info(ParamId.RateLimitPaPerS).Max);
        var monitor = new LeakMonitor(config);
        DerivedSettings derived = monitor.Derived;
        int nominal = PaPerCountBaseline(config, out double paPerCount);
        int below = (int)Math.Round((derived.RedLowPa - 20_000 - nominal) / paPerCount);
        const int openStart = 150;
        int openEnd = openStart + (2 * derived.ClearPersistSamples); // longer than the clear persistence
        int recovered = openEnd + derived.PressureLimits.RecoverSamples - 1;

        // Below red, then the wire opens for longer than the clear persistence, then it comes back
        // with the pressure back at nominal.
        int[] script = [.. Ramp(30, 0, 0), .. Ramp(20, 0, below), .. Ramp(openEnd - 50, below, below), .. Ramp(derived.PressureLimits.RecoverSamples + derived.ClearPersistSamples + 30, 0, 0)];
        RawSample[] samples = WithPressureOffset(script.Length / 10.0, i => script[i]);
        for (int i = openStart; i < openEnd; i++)
        {
            Array.Fill(samples[i].ReadsCounts(ChannelId.Pressure), 0);
        }

        var run = Replay(monitor, samples);

        var raised = run.Single(EventId.AlarmRaised, AlarmSlot.DepressurizationWarning);
        Assert.True(raised.Index < openStart);
        // Held through the whole fault: a blind detector neither raises nor clears.
        Assert.All(run.Warning.Skip(raised.Index).Take(recovered - raised.Index + 1), s => Assert.Equal(AlarmState.Active, s));
        var cleared = run.Single(EventId.AlarmCleared, AlarmSlot.DepressurizationWarning);
        Assert.False(run.PressureAccepted[recovered - 1]);
        Assert.True(run.PressureAccepted[recovered]);
        // The clear count starts with the first accepted sample after the fault.
        var backAboveClearLevel = run.PressuresPa.Select((p, i) => run.PressureAccepted[i] && p >= derived.RedLowPa + derived.LowLimitHysteresisPa).ToList();
        Assert.Equal(RunEnd(backAboveClearLevel, recovered, derived.ClearPersistSamples), cleared.Index);
        Assert.Equal(recovered + derived.ClearPersistSamples - 1, cleared.Index);
    }

    private static int PaPerCountBaseline(MonitorConfig config, out double paPerCount)
    {
        paPerCount = PaPerCount(config);
        var probe = new LeakMonitor(config);
        probe.Step(WithPressureOffset(0.1, _ => 0)[0]);
        return probe.Telemetry.PressurePa;
    }

    /// <summary><paramref name="count"/> offsets going linearly from <paramref name="from"/> to <paramref name="to"/> (inclusive).</summary>
    private static int[] Ramp(int count, int from, int to) =>
        Enumerable.Range(1, count).Select(k => from + (int)Math.Round((to - from) * (double)k / count)).ToArray();
}
