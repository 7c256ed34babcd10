using FsCheck;
using FsCheck.Fluent;
using ThermalMonitor.Core.Alarms;

namespace ThermalMonitor.Core.Tests.Alarms;

/// <summary>
/// The alarm latch under random sequences of conditions and acknowledgements: whatever happens,
/// sequence numbers are issued once and in order, every occurrence reads raised → (cleared, acked in
/// either order), a present condition is never hidden, and nothing stays unacknowledged after "ack all".
/// </summary>
public class AlarmTablePropertyTests
{
    /// <summary>One operation: 0..6 = update that slot, with the condition; 7 = ack one sequence; 8 = ack all.</summary>
    private sealed record Operation(int Kind, bool Condition, int AckSequence);

    private static Arbitrary<Operation[]> Operations() =>
        Gen.ArrayOf(
            from kind in Gen.Choose(0, 8)
            from condition in ArbMap.Default.GeneratorFor<bool>()
            from sequence in Gen.Choose(0, 40)
            select new Operation(kind, condition, sequence)).ToArbitrary();

    [Fact]
    public void The_latch_keeps_its_invariants_under_any_sequence() =>
        Prop.ForAll(Operations(), operations =>
        {
            var events = new EventQueue();
            var table = new AlarmTable(events);
            var present = new bool[AlarmSlots.Count];
            var history = new Dictionary<int, List<EventId>>();
            int lastRaised = 0;
            long timeMs = 0;
            foreach (var operation in operations)
            {
                timeMs++;
                if (operation.Kind < AlarmSlots.Count)
                {
                    present[operation.Kind] = operation.Condition;
                    table.Update((AlarmSlot)operation.Kind, operation.Condition, 0, 0, timeMs);
                }
                else if (operation.Kind == AlarmSlots.Count)
                {
                    table.Acknowledge(operation.AckSequence, timeMs);
                }
                else
                {
                    table.AcknowledgeAll(timeMs);
                    if (table.UnacknowledgedCount != 0)
                    {
                        return false;
                    }
                }

                foreach (var e in EventDrain.All(events.TryDequeue))
                {
                    if (e.Id == EventId.AlarmRaised)
                    {
                        if (e.AlarmSequence != lastRaised + 1)
                        {
                            return false; // issued once, in order
                        }

                        lastRaised = e.AlarmSequence;
                        history[e.AlarmSequence] = [];
                    }

                    if (!history.TryGetValue(e.AlarmSequence, out var occurrence))
                    {
                        return false; // clear or ack of something never raised
                    }

                    occurrence.Add(e.Id);
                }

                for (int slot = 0; slot < AlarmSlots.Count; slot++)
                {
                    if (present[slot] != table.IsConditionPresent((AlarmSlot)slot))
                    {
                        return false; // a present condition is never hidden, an absent one never shown
                    }
                }
            }

            return history.Values.All(ids =>
                ids[0] == EventId.AlarmRaised
                && ids.Count(id => id == EventId.AlarmRaised) == 1
                && ids.Count(id => id == EventId.AlarmCleared) <= 1
                && ids.Count(id => id == EventId.AlarmAcknowledged) <= 1);
        }).QuickCheckThrowOnFailure();

    /// <summary>
    /// Acknowledgement is kept once, in the journal: what a host learns on the wire (ALARM_ACKED
    /// events, the ACK results) always agrees with the journal's flags and with every slot's latch;
    /// each raised slot's latest occurrence is in the journal; an unacknowledged occurrence is
    /// either still there or counted as overwritten.
    /// </summary>
    [Fact]
    public void The_journal_and_the_latch_agree_on_every_acknowledgement() =>
        Prop.ForAll(Operations(), operations =>
        {
            var events = new EventQueue();
            var table = new AlarmTable(events);
            AlarmJournal journal = table.Journal;
            var acknowledged = new Dictionary<int, bool>(); // the host's view: occurrence -> acknowledged
            var latestOfSlot = new Dictionary<int, AlarmSlot>();
            long timeMs = 0;
            foreach (var operation in operations)
            {
                timeMs++;
                if (operation.Kind < AlarmSlots.Count)
                {
                    table.Update((AlarmSlot)operation.Kind, operation.Condition, 0, 0, timeMs);
                }
                else if (operation.Kind == AlarmSlots.Count)
                {
                    AckResult result = table.Acknowledge(operation.AckSequence, timeMs);
                    bool known = acknowledged.TryGetValue(operation.AckSequence, out bool wasAcknowledged);
                    bool inJournal = journal.IndexOf(operation.AckSequence) >= 0;
                    AckResult expected = !inJournal ? AckResult.NotFound
                        : wasAcknowledged ? AckResult.AlreadyAcknowledged
                        : latestOfSlot.ContainsKey(operation.AckSequence) ? AckResult.Acknowledged
                        : AckResult.Delivered;
                    if (result != expected || (inJournal && !known))
                    {
                        return false;
                    }

                    if (result == AckResult.Delivered)
                    {
                        acknowledged[operation.AckSequence] = true; // no event: the slot's latch is unchanged
                    }
                }
                else
                {
                    int count = table.AcknowledgeAll(timeMs);
                    int expected = 0;
                    foreach (int sequence in acknowledged.Keys.ToList())
                    {
                        if (!acknowledged[sequence] && journal.IndexOf(sequence) >= 0)
                        {
                            expected++;
                            acknowledged[sequence] = true;
                        }
                    }

                    if (count != expected)
                    {
                        return false;
                    }
                }

                foreach (var e in EventDrain.All(events.TryDequeue))
                {
                    if (e.Id == EventId.AlarmRaised)
                    {
                        acknowledged[e.AlarmSequence] = false;
                        foreach (var old in latestOfSlot.Where(p => p.Value == (AlarmSlot)SlotOf(e)).Select(p => p.Key).ToList())
                        {
                            latestOfSlot.Remove(old);
                        }

                        latestOfSlot[e.AlarmSequence] = (AlarmSlot)SlotOf(e);
                    }
                    else if (e.Id == EventId.AlarmAcknowledged)
                    {
                        acknowledged[e.AlarmSequence] = true;
                    }
                }

                int inJournalUnacknowledged = 0;
                for (int entry = 0; entry < AlarmJournal.Capacity; entry++)
                {
                    if (!journal.IsUsed(entry))
                    {
                        continue;
                    }

                    int sequence = journal.SequenceAt(entry);
                    if (journal.IsAcknowledged(entry) != acknowledged[sequence] || journal.IsLatestAt(entry) != latestOfSlot.ContainsKey(sequence))
                    {
                        return false;
                    }

                    inJournalUnacknowledged += journal.IsAcknowledged(entry) ? 0 : 1;
                }

                foreach ((int sequence, AlarmSlot slot) in latestOfSlot)
                {
                    int entry = journal.IndexOf(sequence);
                    if (entry < 0 || table.Sequence(slot) != sequence || table.IsUnacknowledged(slot) == acknowledged[sequence])
                    {
                        return false; // the latch follows its latest occurrence, which is never overwritten
                    }
                }

                if (inJournalUnacknowledged + journal.OverwrittenUnacknowledged != acknowledged.Values.Count(a => !a))
                {
                    return false; // an unacknowledged occurrence is kept or counted as lost
                }
            }

            return true;
        }).QuickCheckThrowOnFailure();

    /// <summary>The slot an alarm event came from (type, severity and channel name it uniquely).</summary>
    private static int SlotOf(MonitorEvent e)
    {
        for (int slot = 0; slot < AlarmSlots.Count; slot++)
        {
            if (AlarmSlots.TypeOf((AlarmSlot)slot) == e.AlarmType && AlarmSlots.SeverityOf((AlarmSlot)slot) == e.Severity && AlarmSlots.ChannelOf((AlarmSlot)slot) == e.Channel)
            {
                return slot;
            }
        }

        throw new InvalidOperationException("an alarm event of no slot");
    }
}
