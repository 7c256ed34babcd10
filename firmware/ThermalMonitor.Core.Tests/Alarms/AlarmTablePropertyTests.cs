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
}
