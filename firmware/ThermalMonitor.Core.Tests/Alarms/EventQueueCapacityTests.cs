using ThermalMonitor.Core.Acquisition;
using ThermalMonitor.Core.Alarms;
using ThermalMonitor.Core.Monitoring;

namespace ThermalMonitor.Core.Tests.Alarms;

/// <summary>
/// The queue only has to hold what arrives between two drains (the link drains after every step
/// and every command): the worst case is one Step's events plus one board event. This recomputes
/// that bound from the slot, channel and invariant counts, so adding an alarm slot, a channel or an
/// invariant that would outgrow the queue fails here rather than overflowing on a board.
/// </summary>
public class EventQueueCapacityTests
{
    [Fact]
    public void The_worst_case_between_two_drains_fits_without_touching_the_overflow_slot()
    {
        int gapOrTimeEvent = 1;                                // SAMPLE_GAP, or TIME_NOT_INCREASING (which ends the step)
        int perChannel = 2 * Channels.Count;                   // GLITCH_REJECTED and CHANNEL_RECOVERED
        int modelReady = 1;
        int alarmTransitions = AlarmSlots.Count;               // one raise or clear per slot and step
        int invariants = Enum.GetValues<InvariantId>().Length; // each reported once (latched)
        int stepWorstCase = gapOrTimeEvent + perChannel + modelReady + alarmTransitions + invariants;
        int boardEvents = 1;                                   // LOOP_OVERRUN between a step's drain and the next

        Assert.Equal(19, stepWorstCase);
        Assert.True(stepWorstCase + boardEvents <= EventQueue.Capacity - 1, $"{stepWorstCase + boardEvents} events between drains, {EventQueue.Capacity - 1} ordinary slots");
    }

    [Fact]
    public void Twenty_events_between_drains_arrive_intact_and_in_order()
    {
        var queue = new EventQueue();
        for (int i = 0; i < 20; i++)
        {
            queue.Enqueue(EventId.AlarmRaised, Severity.Warning, i, AlarmType.Depressurization, ChannelId.Pressure, i + 1, 0, i);
        }

        List<MonitorEvent> drained = EventDrain.All(queue.TryDequeue);
        Assert.Equal(Enumerable.Range(0, 20), drained.Select(e => e.Value));
        Assert.DoesNotContain(drained, e => e.Id == EventId.QueueOverflow);
        Assert.Equal(0, queue.DroppedTotal);
    }
}
