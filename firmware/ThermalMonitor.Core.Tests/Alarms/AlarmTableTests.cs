using ThermalMonitor.Core.Alarms;

namespace ThermalMonitor.Core.Tests.Alarms;

public class AlarmTableTests
{
    private readonly EventQueue events = new();
    private readonly AlarmTable table;

    public AlarmTableTests() => table = new AlarmTable(events);

    private List<MonitorEvent> Drain() => EventDrain.All(events.TryDequeue);

    [Fact]
    public void Raise_latches_until_cleared_and_acknowledged()
    {
        table.Update(AlarmSlot.DepressurizationWarning, true, 1, 9000, 100);
        int sequence = table.Sequence(AlarmSlot.DepressurizationWarning);
        Assert.Equal(1, sequence);
        table.Update(AlarmSlot.DepressurizationWarning, false, 0, 0, 200);
        Assert.Equal(AlarmState.ClearedUnacknowledged, table.State(AlarmSlot.DepressurizationWarning));
        Assert.True(table.IsUnacknowledged(AlarmSlot.DepressurizationWarning));
        Assert.Equal(AckResult.Acknowledged, table.Acknowledge(sequence, 300));
        Assert.Equal(AlarmState.Normal, table.State(AlarmSlot.DepressurizationWarning));
        Assert.Equal(AckResult.AlreadyAcknowledged, table.Acknowledge(sequence, 400));

        var drained = Drain();
        Assert.Equal([EventId.AlarmRaised, EventId.AlarmCleared, EventId.AlarmAcknowledged], drained.Select(e => e.Id));
        Assert.All(drained, e => Assert.Equal(sequence, e.AlarmSequence));
        Assert.All(drained, e => Assert.Equal(Severity.Warning, e.Severity));
        Assert.Equal(9000, drained[0].Value);
        Assert.Equal(200, table.ClearedTimeMs(AlarmSlot.DepressurizationWarning));
    }

    [Fact]
    public void Acknowledged_while_active_returns_to_normal_when_cleared()
    {
        table.Update(AlarmSlot.OvertempCaution, true, 5, 41000, 1);
        Assert.Equal(1, table.AcknowledgeAll(2));
        Assert.Equal(AlarmState.ActiveAcknowledged, table.State(AlarmSlot.OvertempCaution));
        table.Update(AlarmSlot.OvertempCaution, true, 5, 41000, 3); // no new event while it persists
        table.Update(AlarmSlot.OvertempCaution, false, 0, 0, 4);
        Assert.Equal(AlarmState.Normal, table.State(AlarmSlot.OvertempCaution));
        Assert.Equal([EventId.AlarmRaised, EventId.AlarmAcknowledged, EventId.AlarmCleared], Drain().Select(e => e.Id));
    }

    [Fact]
    public void Returning_before_acknowledgement_is_a_new_occurrence_with_a_new_sequence()
    {
        table.Update(AlarmSlot.SensorFaultTemperature, true, 1, 0, 1);
        table.Update(AlarmSlot.SensorFaultTemperature, false, 0, 0, 2);
        table.Update(AlarmSlot.SensorFaultTemperature, true, 1, 0, 3);
        Assert.Equal(2, table.Sequence(AlarmSlot.SensorFaultTemperature));
        Assert.Equal(AckResult.Delivered, table.Acknowledge(1, 4));
        Assert.Equal(AlarmState.Active, table.State(AlarmSlot.SensorFaultTemperature));
        Assert.Equal(AckResult.AlreadyAcknowledged, table.Acknowledge(1, 4));
        Assert.Equal(AckResult.Acknowledged, table.Acknowledge(2, 4));
        Assert.Equal(AlarmState.ActiveAcknowledged, table.State(AlarmSlot.SensorFaultTemperature));
        Assert.Equal(0, table.Journal.UnacknowledgedCount);
    }

    [Fact]
    public void Unknown_sequence_is_not_found() => Assert.Equal(AckResult.NotFound, table.Acknowledge(42, 0));

    [Fact]
    public void Sequences_increase_across_slots()
    {
        table.Update(AlarmSlot.DepressurizationCaution, true, 4, 0, 1);
        table.Update(AlarmSlot.DepressurizationWarning, true, 1, 0, 1);
        Assert.Equal(1, table.Sequence(AlarmSlot.DepressurizationCaution));
        Assert.Equal(2, table.Sequence(AlarmSlot.DepressurizationWarning));
        Assert.Equal(2, table.UnacknowledgedCount);
    }
}

public class EventQueueTests
{
    [Fact]
    public void Overflow_is_counted_in_one_reserved_event_and_never_silent()
    {
        var queue = new EventQueue();
        for (int i = 0; i < EventQueue.Capacity + 10; i++)
        {
            queue.Enqueue(EventId.GlitchRejected, Severity.Advisory, i, AlarmType.None, 0, 0, 0, i);
        }

        Assert.Equal(EventQueue.Capacity, queue.Count);
        Assert.Equal(11, queue.DroppedTotal);
        var item = new MonitorEvent();
        var drained = new List<(EventId Id, int Value, int Sequence)>();
        while (queue.TryDequeue(item))
        {
            drained.Add((item.Id, item.Value, item.Sequence));
        }

        Assert.Equal(EventQueue.Capacity - 1, drained.Count(e => e.Id == EventId.GlitchRejected));
        Assert.Equal((EventId.QueueOverflow, 11), (drained[^1].Id, drained[^1].Value));
        Assert.Equal(Enumerable.Range(1, EventQueue.Capacity), drained.Select(e => e.Sequence));
    }

    [Fact]
    public void After_draining_the_queue_accepts_events_again()
    {
        var queue = new EventQueue();
        for (int i = 0; i < EventQueue.Capacity + 1; i++)
        {
            queue.Enqueue(EventId.SampleGap, Severity.Advisory, i, AlarmType.None, 0, 0, 0, 0);
        }

        var item = new MonitorEvent();
        while (queue.TryDequeue(item))
        {
        }

        queue.Enqueue(EventId.ModelReady, Severity.Advisory, 99, AlarmType.None, 0, 0, 0, 0);
        Assert.True(queue.TryDequeue(item));
        Assert.Equal(EventId.ModelReady, item.Id);
        Assert.Equal(EventQueue.Capacity + 1, item.Sequence);
    }
}
