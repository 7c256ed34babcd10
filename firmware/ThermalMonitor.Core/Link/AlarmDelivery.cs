using ThermalMonitor.Core.Alarms;

namespace ThermalMonitor.Core.Link
{
    /// <summary>
    /// Getting alarms to the host (PROTOCOL.md §8): each raise becomes an ALARM line, each clear a
    /// CLEAR line; the monitor's <see cref="AlarmJournal"/> keeps every occurrence and its
    /// acknowledgement, and its unacknowledged entries are sent again every
    /// <see cref="BoardLink.AlarmResendIntervalMs"/> until the host acknowledges them, so an alarm
    /// survives lost lines and a host that reconnects.
    /// </summary>
    public sealed class AlarmDelivery
    {
        private readonly AlarmJournal journal;
        private readonly LineTransport transport;
        private long lastResendMs;

        public AlarmDelivery(LineTransport transport, AlarmJournal journal)
        {
            this.transport = transport;
            this.journal = journal;
        }

        public void Start(long nowMs) => lastResendMs = nowMs;

        /// <summary>Writes the lines of raise and clear events; false for every other event (an EVT line).</summary>
        public bool TryDeliver(MonitorEvent e, int session)
        {
            if (e.Id == EventId.AlarmRaised)
            {
                int entry = journal.IndexOf(e.AlarmSequence);
                if (entry >= 0)
                {
                    AlarmLines.WriteAlarm(transport, journal, entry, session, false);
                }

                return true;
            }

            if (e.Id == EventId.AlarmCleared)
            {
                AlarmLines.WriteClear(transport, e.AlarmSequence, e.TimeMs);
                return true;
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
