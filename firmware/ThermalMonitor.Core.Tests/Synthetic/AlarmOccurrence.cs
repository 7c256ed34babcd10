using ThermalMonitor.Core.Alarms;

namespace ThermalMonitor.Core.Tests.Synthetic;

/// <summary>One raise of one alarm slot, with when it cleared (sample indices; -1 = never).</summary>
public sealed record AlarmOccurrence(AlarmSlot Slot, int Sequence, long RaisedSample, int Code)
{
    public long ClearedSample { get; set; } = -1;

    public override string ToString() => $"{Slot}#{Sequence} raised@{RaisedSample} cleared@{ClearedSample} code={Code}";
}
