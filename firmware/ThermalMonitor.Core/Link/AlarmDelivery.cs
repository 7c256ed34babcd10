using ThermalMonitor.Core.Alarms;

namespace ThermalMonitor.Core.Link
{
    /// <summary>
    /// Getting alarms to the host (PROTOCOL.md §8): each raise becomes an ALARM line and a journal
    /// entry, each clear a CLEAR line; unacknowledged entries are sent again every
    /// <see cref="BoardLink.AlarmResendIntervalMs"/> until the host acknowledges them, so an alarm
    /// survives lost lines and a host that reconnects.
    /// </summary>
    public sealed class AlarmDelivery
    {
        private readonly AlarmJournal journal = new AlarmJournal();
        private readonly LineTransport transport;
        private long lastResendMs;

        public AlarmDelivery(LineTransport transport)
        {
            this.transport = transport;
        }

        public AlarmJournal Journal => journal;

        public void Start(long nowMs) => lastResendMs = nowMs;

        /// <summary>Takes the alarm events (raise, clear, acknowledge); false for every other event.</summary>
        public bool TryDeliver(MonitorEvent e, int session)
        {
            if (e.Id == EventId.AlarmRaised)
            {
                AlarmLines.WriteAlarm(transport, journal, journal.Record(e), session, false);
                return true;
            }

            if (e.Id == EventId.AlarmCleared)
            {
                journal.RecordCleared(e.AlarmSequence, e.TimeMs);
                AlarmLines.WriteClear(transport, e.AlarmSequence, e.TimeMs);
                return true;
            }

            if (e.Id == EventId.AlarmAcknowledged)
            {
                // Still reported as an EVT line: the caller writes it.
                journal.Acknowledge(e.AlarmSequence);
            }

            return false;
        }

        /// <summary>Re-sends unacknowledged alarms when the interval has passed on the board clock.</summary>
        public void ResendIfDue(long nowMs, int session)
        {
            if (nowMs - lastResendMs < BoardLink.AlarmResendIntervalMs)
            {
                return;
            }

            lastResendMs = nowMs;
            for (int i = 0; i < AlarmJournal.Capacity; i++)
            {
                if (journal.IsUsed(i) && !journal.IsAcknowledged(i))
                {
                    AlarmLines.WriteAlarm(transport, journal, i, session, true);
                }
            }
        }

        /// <summary>Sends journal entries (all, or only unacknowledged ones) oldest first; returns how many.</summary>
        public int ResendAll(int session, bool includeAcknowledged)
        {
            int sent = 0;
            int previous = 0;
            for (int round = 0; round < AlarmJournal.Capacity; round++)
            {
                int next = -1;
                for (int i = 0; i < AlarmJournal.Capacity; i++)
                {
                    bool wanted = journal.IsUsed(i) && (includeAcknowledged || !journal.IsAcknowledged(i));
                    if (wanted && journal.SequenceAt(i) > previous && (next < 0 || journal.SequenceAt(i) < journal.SequenceAt(next)))
                    {
                        next = i;
                    }
                }

                if (next < 0)
                {
                    break;
                }

                AlarmLines.WriteAlarm(transport, journal, next, session, true);
                previous = journal.SequenceAt(next);
                sent++;
            }

            return sent;
        }
    }
}
