using ThermalMonitor.Core.Alarms;

namespace ThermalMonitor.Core.Tests.Alarms;

/// <summary>Copies every queued event out into a list (tests only; the firmware drains into one reused object).</summary>
public static class EventDrain
{
    public static List<MonitorEvent> All(Func<MonitorEvent, bool> tryDequeue)
    {
        var events = new List<MonitorEvent>();
        var item = new MonitorEvent();
        while (tryDequeue(item))
        {
            var copy = new MonitorEvent();
            copy.CopyFrom(item);
            events.Add(copy);
        }

        return events;
    }
}
