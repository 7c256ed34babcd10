using ThermalMonitor.Core.Acquisition;
using ThermalMonitor.Core.Alarms;

namespace ThermalMonitor.Core.Tests.Alarms;

/// <summary>The alarm latch at its edges: sequence numbers, ack before/after clear, re-raise, payloads, reset.</summary>
public class AlarmLatchEdgeTests
{
    private readonly EventQueue events = new();
    private readonly AlarmTable table;

    public AlarmLatchEdgeTests() => table = new AlarmTable(events);

    private List<MonitorEvent> Drain() => EventDrain.All(events.TryDequeue);

    public static TheoryData<AlarmSlot, AlarmType, Severity, ChannelId> Slots() => new()
    {
        // README.md of the core, "Alarms": type, severity and channel of each alarm.
        { AlarmSlot.DepressurizationCaution, AlarmType.Depressurization, Severity.Caution, ChannelId.Pressure },
        { AlarmSlot.DepressurizationWarning, AlarmType.Depressurization, Severity.Warning, ChannelId.Pressure },
        { AlarmSlot.OvertempCaution, AlarmType.Overtemp, Severity.Caution, ChannelId.Temperature },
        { AlarmSlot.OvertempWarning, AlarmType.Overtemp, Severity.Warning, ChannelId.Temperature },
        { AlarmSlot.SensorFaultPressure, AlarmType.SensorFault, Severity.Warning, ChannelId.Pressure },
        { AlarmSlot.SensorFaultTemperature, AlarmType.SensorFault, Severity.Caution, ChannelId.Temperature },
        { AlarmSlot.SensorFaultSupply, AlarmType.SensorFault, Severity.Caution, ChannelId.Supply },
    };

    [Theory]
    [MemberData(nameof(Slots))]
    public void Every_event_of_an_occurrence_carries_the_slot_identity_and_the_raise_payload(AlarmSlot slot, AlarmType type, Severity severity, ChannelId channel)
    {
        table.Update(slot, true, 4, 117_000, 1_000);
        table.Update(slot, true, 9, 1, 1_100); // still present: no event, payload kept
        table.Update(slot, false, 7, 2, 1_200);
        Assert.Equal(AckResult.Acknowledged, table.Acknowledge(1, 1_300));

        var drained = Drain();
        Assert.Equal([EventId.AlarmRaised, EventId.AlarmCleared, EventId.AlarmAcknowledged], drained.Select(e => e.Id));
        Assert.Equal([1_000L, 1_200L, 1_300L], drained.Select(e => e.TimeMs));
        Assert.All(drained, e =>
        {
            Assert.Equal(type, e.AlarmType);
            Assert.Equal(severity, e.Severity);
            Assert.Equal(channel, e.Channel);
            Assert.Equal(1, e.AlarmSequence);
            Assert.Equal(4, e.Code);
            Assert.Equal(117_000, e.Value);
        });
        Assert.Equal(4, table.Code(slot));
        Assert.Equal(117_000, table.Value(slot));
        Assert.Equal(1_000, table.RaisedTimeMs(slot));
        Assert.Equal(1_200, table.ClearedTimeMs(slot));
    }

    [Fact]
    public void Nothing_is_emitted_for_an_absent_condition_on_a_normal_slot()
    {
        table.Update(AlarmSlot.OvertempWarning, false, 1, 1, 10);

        Assert.Empty(Drain());
        Assert.Equal(AlarmState.Normal, table.State(AlarmSlot.OvertempWarning));
        Assert.Equal(0, table.Sequence(AlarmSlot.OvertempWarning));
    }

    [Fact]
    public void A_cleared_unacknowledged_alarm_stays_cleared_while_the_condition_stays_absent()
    {
        table.Update(AlarmSlot.DepressurizationWarning, true, 1, 0, 1);
        table.Update(AlarmSlot.DepressurizationWarning, false, 0, 0, 2);
        table.Update(AlarmSlot.DepressurizationWarning, false, 0, 0, 3);

        Assert.Equal([EventId.AlarmRaised, EventId.AlarmCleared], Drain().Select(e => e.Id));
        Assert.Equal(AlarmState.ClearedUnacknowledged, table.State(AlarmSlot.DepressurizationWarning));
        Assert.Equal(2, table.ClearedTimeMs(AlarmSlot.DepressurizationWarning));
    }

    [Fact]
    public void Acknowledged_before_the_clear_the_clear_ends_the_occurrence()
    {
        table.Update(AlarmSlot.SensorFaultPressure, true, 3, 0, 10);
        Assert.Equal(AckResult.Acknowledged, table.Acknowledge(1, 20));
        Assert.Equal(AckResult.AlreadyAcknowledged, table.Acknowledge(1, 25));
        Assert.Equal(AlarmState.ActiveAcknowledged, table.State(AlarmSlot.SensorFaultPressure));
        Assert.True(table.IsConditionPresent(AlarmSlot.SensorFaultPressure));
        Assert.False(table.IsUnacknowledged(AlarmSlot.SensorFaultPressure));

        table.Update(AlarmSlot.SensorFaultPressure, false, 0, 0, 30);

        Assert.Equal(AlarmState.Normal, table.State(AlarmSlot.SensorFaultPressure));
        Assert.Equal(30, table.ClearedTimeMs(AlarmSlot.SensorFaultPressure));
        Assert.Equal(AckResult.AlreadyAcknowledged, table.Acknowledge(1, 40));
        var drained = Drain();
        Assert.Equal([EventId.AlarmRaised, EventId.AlarmAcknowledged, EventId.AlarmCleared], drained.Select(e => e.Id));
        Assert.Equal([10L, 20L, 30L], drained.Select(e => e.TimeMs));
    }

    [Fact]
    public void Acknowledged_after_the_clear_the_ack_ends_the_occurrence()
    {
        table.Update(AlarmSlot.OvertempCaution, true, 5, 41_000, 10);
        table.Update(AlarmSlot.OvertempCaution, false, 0, 0, 20);
        Assert.False(table.IsConditionPresent(AlarmSlot.OvertempCaution));
        Assert.True(table.IsUnacknowledged(AlarmSlot.OvertempCaution));

        Assert.Equal(AckResult.Acknowledged, table.Acknowledge(1, 30));

        Assert.Equal(AlarmState.Normal, table.State(AlarmSlot.OvertempCaution));
        Assert.False(table.IsUnacknowledged(AlarmSlot.OvertempCaution));
        Assert.Equal(0, table.UnacknowledgedCount);
    }

    [Fact]
    public void A_condition_that_returns_after_the_ack_and_clear_is_a_new_occurrence()
    {
        table.Update(AlarmSlot.DepressurizationCaution, true, 4, 100, 1);
        table.Acknowledge(1, 2);
        table.Update(AlarmSlot.DepressurizationCaution, false, 0, 0, 3);
        Drain();

        table.Update(AlarmSlot.DepressurizationCaution, true, 6, 200, 4);

        var raised = Assert.Single(Drain());
        Assert.Equal((EventId.AlarmRaised, 2, 6, 200), (raised.Id, raised.AlarmSequence, raised.Code, raised.Value));
        Assert.Equal(AlarmState.Active, table.State(AlarmSlot.DepressurizationCaution));
        Assert.Equal(4, table.RaisedTimeMs(AlarmSlot.DepressurizationCaution));
        Assert.Equal(0, table.ClearedTimeMs(AlarmSlot.DepressurizationCaution));
    }

    [Fact]
    public void A_re_raise_before_the_ack_replaces_payload_and_times()
    {
        table.Update(AlarmSlot.SensorFaultSupply, true, 1, 10, 100);
        table.Update(AlarmSlot.SensorFaultSupply, false, 0, 0, 200);
        table.Update(AlarmSlot.SensorFaultSupply, true, 4, 20, 300);

        Assert.Equal(AlarmState.Active, table.State(AlarmSlot.SensorFaultSupply));
        Assert.Equal((2, 4, 20), (table.Sequence(AlarmSlot.SensorFaultSupply), table.Code(AlarmSlot.SensorFaultSupply), table.Value(AlarmSlot.SensorFaultSupply)));
        Assert.Equal(300, table.RaisedTimeMs(AlarmSlot.SensorFaultSupply));
        Assert.Equal(0, table.ClearedTimeMs(AlarmSlot.SensorFaultSupply));
        Assert.Equal(1, table.UnacknowledgedCount);
    }

    [Fact]
    public void Sequence_zero_is_never_acknowledged_even_though_unraised_slots_hold_it()
    {
        Assert.Equal(AckResult.NotFound, table.Acknowledge(0, 1));
        table.Update(AlarmSlot.OvertempWarning, true, 1, 0, 1);
        Assert.Equal(AckResult.NotFound, table.Acknowledge(0, 2));
        Assert.Equal(AlarmState.Active, table.State(AlarmSlot.OvertempWarning));
        Assert.Single(Drain());
    }

    [Fact]
    public void An_ack_acknowledges_only_the_slot_with_that_sequence()
    {
        table.Update(AlarmSlot.DepressurizationCaution, true, 4, 0, 1);
        table.Update(AlarmSlot.DepressurizationWarning, true, 1, 0, 1);
        table.Update(AlarmSlot.OvertempWarning, true, 3, 0, 1);

        Assert.Equal(AckResult.Acknowledged, table.Acknowledge(2, 5));

        Assert.Equal(AlarmState.Active, table.State(AlarmSlot.DepressurizationCaution));
        Assert.Equal(AlarmState.ActiveAcknowledged, table.State(AlarmSlot.DepressurizationWarning));
        Assert.Equal(AlarmState.Active, table.State(AlarmSlot.OvertempWarning));
        Assert.Equal(2, table.UnacknowledgedCount);
        var ack = Drain().Last();
        Assert.Equal((EventId.AlarmAcknowledged, 2, AlarmType.Depressurization, Severity.Warning), (ack.Id, ack.AlarmSequence, ack.AlarmType, ack.Severity));
    }

    [Fact]
    public void Ack_all_acknowledges_only_the_unacknowledged_and_counts_them()
    {
        table.Update(AlarmSlot.DepressurizationWarning, true, 1, 0, 1); // 1: active
        table.Update(AlarmSlot.OvertempCaution, true, 5, 0, 1);         // 2: acked below
        table.Update(AlarmSlot.SensorFaultTemperature, true, 1, 0, 1);  // 3: cleared, unacked
        table.Update(AlarmSlot.SensorFaultTemperature, false, 0, 0, 2);
        table.Acknowledge(2, 3);
        Drain();

        Assert.Equal(2, table.AcknowledgeAll(4));

        var acks = Drain();
        Assert.All(acks, e => Assert.Equal(EventId.AlarmAcknowledged, e.Id));
        Assert.Equal([1, 3], acks.Select(e => e.AlarmSequence));
        Assert.Equal(AlarmState.ActiveAcknowledged, table.State(AlarmSlot.DepressurizationWarning));
        Assert.Equal(AlarmState.ActiveAcknowledged, table.State(AlarmSlot.OvertempCaution));
        Assert.Equal(AlarmState.Normal, table.State(AlarmSlot.SensorFaultTemperature));
        Assert.Equal(0, table.UnacknowledgedCount);
        Assert.Equal(0, table.AcknowledgeAll(5));
        Assert.Empty(Drain());
    }

    [Fact]
    public void Condition_present_and_unacknowledged_follow_the_four_states()
    {
        const AlarmSlot slot = AlarmSlot.OvertempWarning;
        Assert.False(table.IsConditionPresent(slot));
        Assert.False(table.IsUnacknowledged(slot));

        table.Update(slot, true, 3, 0, 1); // Active
        Assert.True(table.IsConditionPresent(slot));
        Assert.True(table.IsUnacknowledged(slot));

        table.Update(slot, false, 0, 0, 2); // ClearedUnacknowledged
        Assert.False(table.IsConditionPresent(slot));
        Assert.True(table.IsUnacknowledged(slot));

        table.Update(slot, true, 3, 0, 3); // Active again (seq 2)
        table.Acknowledge(2, 4); // ActiveAcknowledged
        Assert.True(table.IsConditionPresent(slot));
        Assert.False(table.IsUnacknowledged(slot));
    }

    [Fact]
    public void Clear_forgets_the_slots_but_keeps_numbering()
    {
        table.Update(AlarmSlot.OvertempCaution, true, 5, 41_000, 10);
        table.Update(AlarmSlot.OvertempCaution, false, 0, 0, 20);

        table.Clear();

        Assert.Equal(AlarmState.Normal, table.State(AlarmSlot.OvertempCaution));
        Assert.Equal((0, 0, 0), (table.Sequence(AlarmSlot.OvertempCaution), table.Code(AlarmSlot.OvertempCaution), table.Value(AlarmSlot.OvertempCaution)));
        Assert.Equal((0L, 0L), (table.RaisedTimeMs(AlarmSlot.OvertempCaution), table.ClearedTimeMs(AlarmSlot.OvertempCaution)));
        Assert.Equal(0, table.UnacknowledgedCount);
        Assert.Equal(AckResult.NotFound, table.Acknowledge(1, 30));
        table.Update(AlarmSlot.OvertempWarning, true, 3, 0, 40);
        Assert.Equal(2, table.Sequence(AlarmSlot.OvertempWarning));
    }

    [Fact]
    public void Reset_forgets_the_slots_and_numbers_from_one_again()
    {
        table.Update(AlarmSlot.OvertempCaution, true, 5, 41_000, 10);
        table.Update(AlarmSlot.DepressurizationWarning, true, 1, 0, 10);

        table.Reset();

        Assert.Equal(AlarmState.Normal, table.State(AlarmSlot.OvertempCaution));
        Assert.Equal(0, table.Sequence(AlarmSlot.DepressurizationWarning));
        table.Update(AlarmSlot.SensorFaultSupply, true, 1, 0, 20);
        Assert.Equal(1, table.Sequence(AlarmSlot.SensorFaultSupply));
    }
}

/// <summary>The event queue at its edges: capacity, the reserved overflow slot, ring wrap-around, reset.</summary>
public class EventQueueEdgeTests
{
    private static void Fill(EventQueue queue, int count, long timeMs = 0)
    {
        for (int i = 0; i < count; i++)
        {
            queue.Enqueue(EventId.SampleGap, Severity.Advisory, timeMs + i, AlarmType.None, ChannelId.Pressure, 0, 0, i);
        }
    }

    private static List<MonitorEvent> Drain(EventQueue queue) => EventDrain.All(queue.TryDequeue);

    [Fact]
    public void Every_field_of_an_enqueued_event_comes_out()
    {
        var queue = new EventQueue();

        queue.Enqueue(EventId.AlarmRaised, Severity.Warning, 123_456_789_012, AlarmType.Overtemp, ChannelId.Temperature, 17, 5, -42);

        var item = new MonitorEvent();
        Assert.True(queue.TryDequeue(item));
        Assert.Equal(
            (1, 123_456_789_012L, EventId.AlarmRaised, Severity.Warning, AlarmType.Overtemp, ChannelId.Temperature, 17, 5, -42),
            (item.Sequence, item.TimeMs, item.Id, item.Severity, item.AlarmType, item.Channel, item.AlarmSequence, item.Code, item.Value));
    }

    [Fact]
    public void An_empty_queue_returns_false_and_leaves_the_receiver_alone()
    {
        var queue = new EventQueue();
        var item = new MonitorEvent { Id = EventId.Boot, Value = 7 };

        Assert.False(queue.TryDequeue(item));

        Assert.Equal((EventId.Boot, 7), (item.Id, item.Value));
        Assert.Equal(0, queue.Count);
    }

    [Fact]
    public void Capacity_minus_one_events_fit_and_the_next_one_becomes_the_overflow_event()
    {
        var queue = new EventQueue();
        Fill(queue, EventQueue.Capacity - 1);
        Assert.Equal(EventQueue.Capacity - 1, queue.Count);
        Assert.Equal(0, queue.DroppedTotal);

        queue.Enqueue(EventId.ModelReady, Severity.Advisory, 5_000, AlarmType.Depressurization, ChannelId.Supply, 3, 4, 5);

        Assert.Equal(EventQueue.Capacity, queue.Count);
        Assert.Equal(1, queue.DroppedTotal);
        var last = Drain(queue).Last();
        Assert.Equal(
            (EventQueue.Capacity, 5_000L, EventId.QueueOverflow, Severity.Caution, AlarmType.None, ChannelId.Pressure, 0, 0, 1),
            (last.Sequence, last.TimeMs, last.Id, last.Severity, last.AlarmType, last.Channel, last.AlarmSequence, last.Code, last.Value));
    }

    [Fact]
    public void Drops_while_the_overflow_event_waits_are_added_to_it_even_after_room_is_made()
    {
        var queue = new EventQueue();
        Fill(queue, EventQueue.Capacity); // the last one is the overflow event
        var item = new MonitorEvent();
        Assert.True(queue.TryDequeue(item)); // one slot free again, the overflow event is still queued

        queue.Enqueue(EventId.ModelReady, Severity.Advisory, 9_000, AlarmType.None, ChannelId.Pressure, 0, 0, 0);

        Assert.Equal(2, queue.DroppedTotal);
        Assert.Equal(EventQueue.Capacity - 1, queue.Count);
        var drained = Drain(queue);
        Assert.Single(drained, e => e.Id == EventId.QueueOverflow);
        Assert.Equal(2, drained.Last().Value);
        Assert.DoesNotContain(drained, e => e.Id == EventId.ModelReady);
        Assert.Equal(EventQueue.Capacity + 1, queue.NextSequence); // drops take no sequence number
    }

    [Fact]
    public void Once_the_overflow_event_is_read_a_new_overflow_gets_its_own_event()
    {
        var queue = new EventQueue();
        Fill(queue, EventQueue.Capacity + 2);
        var first = Drain(queue);
        Assert.Equal((EventId.QueueOverflow, 3), (first[^1].Id, first[^1].Value));

        Fill(queue, EventQueue.Capacity, timeMs: 1_000);

        var second = Drain(queue);
        Assert.Equal(EventQueue.Capacity, second.Count);
        Assert.Equal((EventId.QueueOverflow, 1, 1_000L + EventQueue.Capacity - 1), (second[^1].Id, second[^1].Value, second[^1].TimeMs));
        Assert.Equal(4, queue.DroppedTotal);
        // Sequence numbers stay consecutive across the two overflows.
        Assert.Equal(Enumerable.Range(1, 2 * EventQueue.Capacity), first.Concat(second).Select(e => e.Sequence));
    }

    [Fact]
    public void The_ring_wraps_around_in_order()
    {
        var queue = new EventQueue();
        var seen = new List<int>();
        int next = 0;
        var item = new MonitorEvent();

        // Keep between a quarter of the ring and every ordinary slot full over several laps of the ring.
        int kept = EventQueue.Capacity / 4;
        for (int lap = 0; lap < 8; lap++)
        {
            for (int i = queue.Count; i < EventQueue.Capacity - 1; i++)
            {
                queue.Enqueue(EventId.SampleGap, Severity.Advisory, 0, AlarmType.None, ChannelId.Pressure, 0, 0, next++);
            }

            while (queue.Count > kept && queue.TryDequeue(item))
            {
                seen.Add(item.Value);
            }
        }

        seen.AddRange(Drain(queue).Select(e => e.Value));
        Assert.Equal(Enumerable.Range(0, next), seen);
        Assert.Equal(0, queue.DroppedTotal);
    }

    [Fact]
    public void An_overflow_after_the_ring_wrapped_is_the_newest_event()
    {
        var queue = new EventQueue();
        Fill(queue, 1);
        Drain(queue); // head at 1: the reserved slot is the ring's slot 0, reached by wrapping

        Fill(queue, EventQueue.Capacity + 5, timeMs: 100);

        var drained = Drain(queue);
        Assert.Equal(EventQueue.Capacity, drained.Count);
        Assert.Equal(Enumerable.Range(0, EventQueue.Capacity - 1), drained.Take(EventQueue.Capacity - 1).Select(e => e.Value));
        Assert.Equal((EventId.QueueOverflow, 6), (drained[^1].Id, drained[^1].Value));
    }

    [Fact]
    public void Clear_empties_but_keeps_numbering_and_the_drop_count()
    {
        var queue = new EventQueue();
        Fill(queue, EventQueue.Capacity + 1);

        queue.Clear();

        Assert.Equal(0, queue.Count);
        Assert.Equal(2, queue.DroppedTotal);
        Assert.Equal(EventQueue.Capacity + 1, queue.NextSequence);
        Fill(queue, EventQueue.Capacity);
        var drained = Drain(queue);
        Assert.Equal((EventId.QueueOverflow, 1), (drained[^1].Id, drained[^1].Value)); // a fresh overflow event
    }

    [Fact]
    public void Reset_empties_and_numbers_from_one_again()
    {
        var queue = new EventQueue();
        Fill(queue, EventQueue.Capacity + 3);

        queue.Reset();

        Assert.Equal((0, 0, 1), (queue.Count, queue.DroppedTotal, queue.NextSequence));
        Fill(queue, 1);
        Assert.Equal(1, Assert.Single(Drain(queue)).Sequence);
    }
}
