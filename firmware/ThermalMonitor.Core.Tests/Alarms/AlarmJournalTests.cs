using ThermalMonitor.Core.Alarms;

namespace ThermalMonitor.Core.Tests.Alarms;

/// <summary>
/// The journal is the one store of acknowledgement, bounded at 16 occurrences: a slot's latest
/// occurrence (whose latch state it holds) is never overwritten, however many older ones churn.
/// </summary>
public class AlarmJournalTests
{
    private readonly EventQueue events = new();
    private readonly AlarmTable table;

    public AlarmJournalTests() => table = new AlarmTable(events);

    [Fact]
    public void An_acknowledged_latched_alarm_keeps_its_state_while_another_slot_churns_through_the_journal()
    {
        long t = 0;
        table.Update(AlarmSlot.DepressurizationWarning, true, 1, 5000, ++t);
        int warning = table.Sequence(AlarmSlot.DepressurizationWarning);
        Assert.Equal(AckResult.Acknowledged, table.Acknowledge(warning, ++t));

        for (int flap = 0; flap < 3 * AlarmJournal.Capacity; flap++)
        {
            table.Update(AlarmSlot.SensorFaultSupply, true, 2, 0, ++t);
            table.Update(AlarmSlot.SensorFaultSupply, false, 0, 0, ++t);
            table.AcknowledgeAll(++t);
            Drain();
        }

        // The oldest acknowledged entry was the warning's; it is its slot's latest, so it stayed.
        Assert.Equal(AlarmState.ActiveAcknowledged, table.State(AlarmSlot.DepressurizationWarning));
        int entry = table.Journal.IndexOf(warning);
        Assert.True(entry >= 0, "the latched warning's occurrence is still in the journal");
        Assert.Equal(5000, table.Journal.ValueAt(entry));
        Assert.Equal(AckResult.AlreadyAcknowledged, table.Acknowledge(warning, ++t));
        Assert.Equal(0, table.Journal.OverwrittenUnacknowledged);
    }

    [Fact]
    public void A_full_journal_overwrites_the_oldest_closed_occurrence_counts_it_and_keeps_every_latch()
    {
        long t = 0;
        table.Update(AlarmSlot.OvertempCaution, true, 3, 0, ++t);
        int caution = table.Sequence(AlarmSlot.OvertempCaution);

        // Each flap of the supply fault clears and raises again before any ACK: a new occurrence each time.
        int raises = AlarmJournal.Capacity + 4;
        for (int flap = 0; flap < raises; flap++)
        {
            table.Update(AlarmSlot.SensorFaultSupply, true, 2, 0, ++t);
            table.Update(AlarmSlot.SensorFaultSupply, false, 0, 0, ++t);
            Drain();
        }

        // 1 caution + 20 supply occurrences, all unacknowledged, in 16 entries: the 5 oldest supply ones went.
        Assert.Equal(raises + 1 - AlarmJournal.Capacity, table.Journal.OverwrittenUnacknowledged);
        Assert.Equal(AlarmJournal.Capacity, table.Journal.UnacknowledgedCount);
        Assert.Equal(AlarmState.Active, table.State(AlarmSlot.OvertempCaution));
        Assert.Equal(AckResult.NotFound, table.Acknowledge(caution + 1, ++t)); // the first supply occurrence, overwritten
        Assert.Equal(AckResult.Delivered, table.Acknowledge(caution + 1 + raises - AlarmJournal.Capacity + 1, ++t)); // the oldest kept one
        Assert.Equal(AlarmState.ClearedUnacknowledged, table.State(AlarmSlot.SensorFaultSupply));
        Assert.Equal(AckResult.Acknowledged, table.Acknowledge(caution, ++t));
        Assert.Equal(AlarmState.ActiveAcknowledged, table.State(AlarmSlot.OvertempCaution));
    }

    [Fact]
    public void Acknowledge_all_counts_closed_occurrences_but_reports_only_latched_ones_as_events()
    {
        long t = 0;
        table.Update(AlarmSlot.SensorFaultTemperature, true, 1, 0, ++t);
        table.Update(AlarmSlot.SensorFaultTemperature, false, 0, 0, ++t);
        table.Update(AlarmSlot.SensorFaultTemperature, true, 1, 0, ++t); // occurrence 1 closed, 2 latched
        table.Update(AlarmSlot.DepressurizationCaution, true, 4, 0, ++t); // 3 latched
        Drain();

        Assert.Equal(3, table.AcknowledgeAll(++t));
        List<MonitorEvent> acked = Drain();
        Assert.Equal([2, 3], acked.Where(e => e.Id == EventId.AlarmAcknowledged).Select(e => e.AlarmSequence).Order());
        Assert.Equal(0, table.Journal.UnacknowledgedCount);
        Assert.Equal(0, table.UnacknowledgedCount);
    }

    private List<MonitorEvent> Drain() => EventDrain.All(events.TryDequeue).ToList();
}
