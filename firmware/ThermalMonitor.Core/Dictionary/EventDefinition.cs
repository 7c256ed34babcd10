using ThermalMonitor.Core.Alarms;

namespace ThermalMonitor.Core.Dictionary
{
    /// <summary>
    /// One event of <see cref="EventId"/>: wire name, severity, throttle, and what its Code and Value
    /// carry (F Prime's event definition: id, severity, format, throttle).
    /// </summary>
    public sealed class EventDefinition
    {
        public EventDefinition(EventId id, string name, Severity severity, bool severityOfAlarm, int throttleCount, string codeMeaning, string valueMeaning)
        {
            Id = id;
            Name = name;
            Severity = severity;
            SeverityOfAlarm = severityOfAlarm;
            ThrottleCount = throttleCount;
            CodeMeaning = codeMeaning;
            ValueMeaning = valueMeaning;
        }

        public EventId Id { get; }

        public string Name { get; }

        /// <summary>The severity it is reported with, unless <see cref="SeverityOfAlarm"/>.</summary>
        public Severity Severity { get; }

        /// <summary>True for alarm events: they carry their alarm's severity instead of <see cref="Severity"/>.</summary>
        public bool SeverityOfAlarm { get; }

        /// <summary>At most this many per <see cref="MonitorDictionary.ThrottleWindowMs"/>; 0 = never throttled.</summary>
        public int ThrottleCount { get; }

        /// <summary>What Code carries, with its unit; empty when Code is always 0.</summary>
        public string CodeMeaning { get; }

        /// <summary>What Value carries, with its unit; empty when Value is always 0.</summary>
        public string ValueMeaning { get; }
    }
}
