using nanoFramework.TestFramework;
using ThermalMonitor.Core.Acquisition;
using ThermalMonitor.Core.Alarms;
using ThermalMonitor.Core.Detection;
using ThermalMonitor.Core.Monitoring;
using ThermalMonitor.Core.Validation;

namespace ThermalMonitor.Device.Tests
{
    /// <summary>
    /// The whole pipeline (<see cref="LeakMonitor.Step"/>) on raw counts of the bench hardware with
    /// the default configuration: a healthy loop raises nothing, a fast pressure drop raises
    /// DEPRESSURIZATION, and broken sensors raise SENSOR_FAULT — never a leak. One monitor is built
    /// in [Setup] (its NTC table is the costly part) and restarted to its power-on state by each test.
    /// </summary>
    [TestClass]
    public class DetectorTests
    {
        /// <summary>Default rate window (30 s) in samples: the fast path needs one full window of history.</summary>
        private const int RateWindowSamples = 300;

        private static LeakMonitor monitor;
        private static RawSample sample;
        private static MonitorEvent drained;

        [Setup]
        public void CreateMonitor()
        {
            monitor = new LeakMonitor();
            sample = new RawSample();
            drained = new MonitorEvent();
        }

        [Cleanup]
        public void ReleaseMonitor()
        {
            monitor = null;
            sample = null;
            drained = null;
        }

        [TestMethod]
        public void A_healthy_loop_raises_nothing()
        {
            monitor.Restart();
            for (int cycle = 0; cycle < RateWindowSamples + 100; cycle++)
            {
                BenchCounts.FillAll(sample, cycle, BenchCounts.Pressure250kPa, BenchCounts.Temp25C);
                monitor.Step(sample);
            }

            if (monitor.Events.Count != 0)
            {
                Assert.AreEqual(0, monitor.Events.Count, "events from a healthy loop; the first has id " + FirstEventId());
            }

            Assert.AreEqual(0, monitor.Alarms.UnacknowledgedCount);
            Assert.IsTrue(monitor.Telemetry.IsAccepted(ChannelId.Pressure), "pressure accepted");
            Assert.IsTrue(monitor.Telemetry.IsAccepted(ChannelId.Temperature), "temperature accepted");
            Assert.IsTrue(monitor.Telemetry.IsAccepted(ChannelId.Supply), "supply accepted");
            AssertBetween(249000, 251500, monitor.Telemetry.PressurePa, "pressure Pa");
            AssertBetween(24900, 25100, monitor.Telemetry.TempMilliC, "temperature mC");
            AssertBetween(4990000, 5010000, monitor.Telemetry.SupplyMicrovolts, "supply µV");
            Assert.IsFalse(monitor.HasInvariantFailure, "invariants hold");
        }

        [TestMethod]
        public void A_fast_pressure_drop_raises_a_depressurization_warning()
        {
            monitor.Restart();
            int cycle = 0;
            for (; cycle < RateWindowSamples + 20; cycle++)
            {
                BenchCounts.FillAll(sample, cycle, BenchCounts.Pressure250kPa, BenchCounts.Temp25C);
                monitor.Step(sample);
            }

            // One count (~211 Pa) per 100 ms: ~2.1 kPa/s, ten times the 200 Pa/s limit, still far above the low limits.
            int firstDropCycle = cycle;
            for (int step = 1; step <= 60; step++, cycle++)
            {
                BenchCounts.FillAll(sample, cycle, BenchCounts.Pressure250kPa - step, BenchCounts.Temp25C);
                monitor.Step(sample);
            }

            Assert.IsTrue(NextEvent(EventId.AlarmRaised), "an alarm was raised");
            Assert.AreEqual((int)AlarmType.Depressurization, (int)drained.AlarmType, "alarm type");
            Assert.AreEqual((int)Severity.Warning, (int)drained.Severity, "severity");
            Assert.AreEqual((int)DetectionCause.RateOfDrop, drained.Code, "cause");
            Assert.AreEqual((int)ChannelId.Pressure, (int)drained.Channel, "channel");

            // 6000 Pa over the window (29 steps) plus 1 s of persistence (10 samples).
            long raisedAfterMs = drained.TimeMs - ((long)firstDropCycle * BenchCounts.PeriodMs);
            AssertBetween(3000, 4500, (int)raisedAfterMs, "ms from the start of the drop to the alarm");
            Assert.AreEqual((int)AlarmState.Active, (int)monitor.Alarms.State(AlarmSlot.DepressurizationWarning));
            Assert.AreEqual((int)AlarmState.Normal, (int)monitor.Alarms.State(AlarmSlot.SensorFaultPressure), "a real drop is not a sensor fault");
            AssertBetween(236000, 240000, monitor.Telemetry.PressurePa, "pressure after the drop");
        }

        [TestMethod]
        public void An_open_pressure_wire_is_a_sensor_fault_not_a_leak()
        {
            monitor.Restart();
            int cycle = 0;
            for (; cycle < 20; cycle++)
            {
                BenchCounts.FillAll(sample, cycle, BenchCounts.Pressure250kPa, BenchCounts.Temp25C);
                monitor.Step(sample);
            }

            // Counts 0: the divider pulls the pin to ground. Converted, that is -62.5 kPa, far below the red low limit.
            for (int end = cycle + 50; cycle < end; cycle++)
            {
                BenchCounts.FillAll(sample, cycle, 0, BenchCounts.Temp25C);
                monitor.Step(sample);
            }

            Assert.IsTrue(NextEvent(EventId.AlarmRaised), "an alarm was raised");
            Assert.AreEqual((int)AlarmType.SensorFault, (int)drained.AlarmType, "alarm type");
            Assert.AreEqual((int)FaultReason.Open, drained.Code, "fault reason");
            Assert.AreEqual((int)Severity.Warning, (int)drained.Severity, "a blind leak detector is a warning");
            Assert.IsFalse(NextEvent(EventId.AlarmRaised), "exactly one alarm");
            Assert.AreEqual((int)AlarmState.Normal, (int)monitor.Alarms.State(AlarmSlot.DepressurizationWarning), "no DEPRESSURIZATION warning");
            Assert.AreEqual((int)AlarmState.Normal, (int)monitor.Alarms.State(AlarmSlot.DepressurizationCaution), "no DEPRESSURIZATION caution");
            Assert.IsFalse(monitor.Telemetry.IsAccepted(ChannelId.Pressure), "pressure not accepted");
        }

        [TestMethod]
        public void A_reconnected_pressure_wire_recovers_after_the_recovery_time()
        {
            monitor.Restart();
            int cycle = 0;
            for (; cycle < 10; cycle++)
            {
                BenchCounts.FillAll(sample, cycle, 0, BenchCounts.Temp25C);
                monitor.Step(sample);
            }

            Assert.IsTrue(monitor.Alarms.IsConditionPresent(AlarmSlot.SensorFaultPressure), "faulted while open");

            // recoverMs = 5000: fifty good samples, then the channel is trusted again and the alarm clears.
            for (int end = cycle + 60; cycle < end; cycle++)
            {
                BenchCounts.FillAll(sample, cycle, BenchCounts.Pressure250kPa, BenchCounts.Temp25C);
                monitor.Step(sample);
            }

            Assert.IsTrue(NextEvent(EventId.ChannelRecovered), "CHANNEL_RECOVERED reported");
            Assert.AreEqual((int)FaultReason.Open, drained.Code, "the old reason");
            Assert.AreEqual((int)AlarmState.ClearedUnacknowledged, (int)monitor.Alarms.State(AlarmSlot.SensorFaultPressure), "latched until acknowledged");
            Assert.IsTrue(monitor.Telemetry.IsAccepted(ChannelId.Pressure), "pressure accepted again");
        }

        [TestMethod]
        public void A_frozen_reading_is_a_stuck_sensor()
        {
            monitor.Restart();
            for (int cycle = 0; cycle < 40; cycle++)
            {
                // No dither at all: an ADC that returns exactly the same burst for 3 s is not measuring.
                sample.TimestampMs = (long)cycle * BenchCounts.PeriodMs;
                BenchCounts.Fill(sample, ChannelId.Pressure, BenchCounts.Pressure250kPa, cycle, false);
                BenchCounts.Fill(sample, ChannelId.Temperature, BenchCounts.Temp25C, cycle, true);
                BenchCounts.Fill(sample, ChannelId.Supply, BenchCounts.Supply5V, cycle, true);
                monitor.Step(sample);
            }

            Assert.IsTrue(NextEvent(EventId.AlarmRaised), "an alarm was raised");
            Assert.AreEqual((int)AlarmType.SensorFault, (int)drained.AlarmType, "alarm type");
            Assert.AreEqual((int)FaultReason.Stuck, drained.Code, "fault reason");
        }

        [TestMethod]
        public void A_failed_read_is_a_fault_with_its_reason_never_a_zero_reading()
        {
            monitor.Restart();
            for (int cycle = 0; cycle < 10; cycle++)
            {
                BenchCounts.FillAll(sample, cycle, BenchCounts.Pressure250kPa, BenchCounts.Temp25C);
                if (cycle >= 5)
                {
                    sample.SetFailed(ChannelId.Pressure, ReadStatus.DriverError);
                }

                monitor.Step(sample);
            }

            Assert.IsTrue(NextEvent(EventId.AlarmRaised), "an alarm was raised");
            Assert.AreEqual((int)AlarmType.SensorFault, (int)drained.AlarmType, "alarm type");
            Assert.AreEqual((int)FaultReason.ReadFailed, drained.Code, "fault reason");
            Assert.AreEqual((int)AlarmState.Normal, (int)monitor.Alarms.State(AlarmSlot.DepressurizationWarning), "no leak from a failed read");
        }

        [TestMethod]
        public void Coolant_above_the_yellow_limit_raises_overtemp_caution_only()
        {
            monitor.Restart();
            for (int cycle = 0; cycle < 20; cycle++)
            {
                BenchCounts.FillAll(sample, cycle, BenchCounts.Pressure250kPa, BenchCounts.Temp45C);
                monitor.Step(sample);
            }

            AssertBetween(44500, 45500, monitor.Telemetry.TempMilliC, "temperature mC");
            Assert.IsTrue(NextEvent(EventId.AlarmRaised), "an alarm was raised");
            Assert.AreEqual((int)AlarmType.Overtemp, (int)drained.AlarmType, "alarm type");
            Assert.AreEqual((int)Severity.Caution, (int)drained.Severity, "severity");
            Assert.AreEqual((int)DetectionCause.YellowHighLimit, drained.Code, "cause");
            Assert.AreEqual((int)AlarmState.Normal, (int)monitor.Alarms.State(AlarmSlot.OvertempWarning), "45 °C is below the red limit");
        }

        [TestMethod]
        public void Acknowledging_latches_and_unknown_numbers_are_not_found()
        {
            monitor.Restart();
            for (int cycle = 0; cycle < 10; cycle++)
            {
                BenchCounts.FillAll(sample, cycle, 0, BenchCounts.Temp25C);
                monitor.Step(sample);
            }

            int sequence = monitor.Alarms.Sequence(AlarmSlot.SensorFaultPressure);
            Assert.AreEqual(1, sequence, "first alarm of the session");
            Assert.AreEqual((int)AckResult.Acknowledged, (int)monitor.Acknowledge(sequence, 1000));
            Assert.AreEqual((int)AckResult.AlreadyAcknowledged, (int)monitor.Acknowledge(sequence, 1000));
            Assert.AreEqual((int)AckResult.NotFound, (int)monitor.Acknowledge(99, 1000));
            Assert.AreEqual((int)AlarmState.ActiveAcknowledged, (int)monitor.Alarms.State(AlarmSlot.SensorFaultPressure));
        }

        [TestMethod]
        public void A_timestamp_that_does_not_increase_discards_the_sample()
        {
            monitor.Restart();
            BenchCounts.FillAll(sample, 10, BenchCounts.Pressure250kPa, BenchCounts.Temp25C);
            monitor.Step(sample);
            monitor.Step(sample);
            sample.TimestampMs = 900;
            monitor.Step(sample);

            Assert.AreEqual(1, monitor.Telemetry.SampleCount, "samples processed");
            Assert.AreEqual(2, monitor.Telemetry.DiscardedSamples, "samples discarded");
            Assert.IsTrue(NextEvent(EventId.TimeNotIncreasing), "reported");
            Assert.AreEqual(0, drained.Value, "same time: step 0 ms");
            Assert.IsTrue(NextEvent(EventId.TimeNotIncreasing), "reported again");
            Assert.AreEqual(-100, drained.Value, "step back 100 ms");
        }

        /// <summary>Drains events up to and including the next one with <paramref name="id"/> (into <see cref="drained"/>).</summary>
        private static bool NextEvent(EventId id)
        {
            while (monitor.TryDequeueEvent(drained))
            {
                if (drained.Id == id)
                {
                    return true;
                }
            }

            return false;
        }

        private static string FirstEventId() => monitor.TryDequeueEvent(drained) ? ((int)drained.Id).ToString() : "-";

        private static void AssertBetween(int low, int high, int actual, string what)
        {
            if (actual < low || actual > high)
            {
                Assert.IsTrue(false, what + " = " + actual.ToString() + ", expected " + low.ToString() + ".." + high.ToString());
            }
        }
    }
}
