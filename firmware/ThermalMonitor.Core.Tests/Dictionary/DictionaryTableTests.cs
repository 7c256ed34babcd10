using ThermalMonitor.Core.Acquisition;
using ThermalMonitor.Core.Alarms;
using ThermalMonitor.Core.Detection;
using ThermalMonitor.Core.Dictionary;
using ThermalMonitor.Core.Link;
using ThermalMonitor.Core.Validation;

namespace ThermalMonitor.Core.Tests.Dictionary;

/// <summary>
/// The dictionary's tables hold to the enums they name: one entry per value, in the enum's order,
/// each with its own wire name. A value added to an enum without its entry (or an entry moved)
/// fails here instead of reading the wrong name off the wire.
/// </summary>
public class DictionaryTableTests
{
    public static TheoryData<string> Tables() => [.. NamedTables.Keys];

    private static readonly Dictionary<string, (WireValueTable Table, Type Enum)> NamedTables = new()
    {
        ["AlarmType"] = (MonitorDictionary.AlarmTypes, typeof(AlarmType)),
        ["Severity"] = (MonitorDictionary.Severities, typeof(Severity)),
        ["ChannelId"] = (MonitorDictionary.Channels, typeof(ChannelId)),
        ["FaultReason"] = (MonitorDictionary.FaultReasons, typeof(FaultReason)),
        ["DetectionCause"] = (MonitorDictionary.Causes, typeof(DetectionCause)),
        ["AlarmState"] = (MonitorDictionary.AlarmStates, typeof(AlarmState)),
        ["LinkError"] = (LinkDictionary.Errors, typeof(LinkError)),
        ["LinkMode"] = (LinkDictionary.Modes, typeof(LinkMode)),
        ["LinkMode (telemetry source)"] = (LinkDictionary.Sources, typeof(LinkMode)),
        ["ResetCause"] = (LinkDictionary.ResetCauses, typeof(ResetCause)),
    };

    [Fact]
    public void Every_EventId_has_exactly_one_definition_in_order_with_a_unique_name()
    {
        EventId[] ids = Enum.GetValues<EventId>().Order().ToArray();
        Assert.Equal(ids.Length, MonitorDictionary.EventCount);
        Assert.Equal(ids.Length, MonitorDictionary.EventIdMax);
        for (int i = 0; i < ids.Length; i++)
        {
            EventDefinition definition = MonitorDictionary.EventAt(i);
            Assert.Equal(ids[i], definition.Id);
            Assert.Same(definition, MonitorDictionary.Event(ids[i]));
            Assert.Matches("^[A-Z][A-Z_]*[A-Z]$", definition.Name);
            Assert.True(definition.ThrottleCount >= 0, definition.Name);
        }

        var names = Enumerable.Range(0, MonitorDictionary.EventCount).Select(i => MonitorDictionary.EventAt(i).Name).ToList();
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Alarm_events_and_only_they_take_their_alarm_s_severity()
    {
        for (int i = 0; i < MonitorDictionary.EventCount; i++)
        {
            EventDefinition definition = MonitorDictionary.EventAt(i);
            bool alarmEvent = definition.Id is EventId.AlarmRaised or EventId.AlarmCleared or EventId.AlarmAcknowledged;
            Assert.Equal(alarmEvent, definition.SeverityOfAlarm);
        }
    }

    [Theory]
    [MemberData(nameof(Tables))]
    public void Every_enum_value_has_exactly_one_wire_name_in_order(string name)
    {
        (WireValueTable table, Type enumType) = NamedTables[name];
        int[] values = Enum.GetValues(enumType).Cast<object>().Select(Convert.ToInt32).Order().ToArray();
        Assert.Equal(values.Length, table.Count);
        for (int i = 0; i < values.Length; i++)
        {
            Assert.Equal(values[i], table.At(i).Value);
            Assert.Equal(i, table.At(i).Value); // names are looked up by value as an index
            Assert.False(string.IsNullOrWhiteSpace(table.At(i).Name), $"{name} {values[i]} has no name");
            Assert.False(string.IsNullOrWhiteSpace(table.At(i).Meaning), $"{name} {table.At(i).Name} has no meaning");
            Assert.DoesNotContain(' ', table.At(i).Name);
        }

        var names = Enumerable.Range(0, table.Count).Select(i => table.At(i).Name).ToList();
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Outcome_letters_cover_every_validation_outcome()
    {
        Assert.Equal(Enum.GetValues<ValidationOutcome>().Length, LinkDictionary.OutcomeLetterCount);
        var letters = Enum.GetValues<ValidationOutcome>().Select(LinkDictionary.OutcomeLetter).ToList();
        Assert.Equal(letters.Count, letters.Distinct().Count());
    }

    /// <summary>The profile formats keep their own copy of the names (they do not depend on the firmware core): it must be the core's.</summary>
    [Fact]
    public void The_profile_formats_alarm_names_are_the_dictionary_s()
    {
        Assert.Equal(
            Enum.GetValues<AlarmType>().Where(t => t != AlarmType.None).Select(MonitorDictionary.AlarmTypeName),
            ThermalMonitor.Profiles.AlarmNames.AlarmTypes);
        Assert.Equal(Enum.GetValues<ChannelId>().Select(MonitorDictionary.ChannelName), ThermalMonitor.Profiles.AlarmNames.Channels);
        Assert.Equal(ThermalMonitor.Profiles.AlarmNames.Depressurization, MonitorDictionary.AlarmTypeName(AlarmType.Depressurization));
        Assert.Equal(ThermalMonitor.Profiles.AlarmNames.SensorFault, MonitorDictionary.AlarmTypeName(AlarmType.SensorFault));
        var reasons = Enum.GetValues<FaultReason>().Select(MonitorDictionary.FaultReasonName).ToList();
        Assert.All(ThermalMonitor.Profiles.AlarmNames.FaultReasons, reason => Assert.Contains(reason, reasons));
    }

    [Fact]
    public void Codes_outside_their_table_are_named_unknown()
    {
        Assert.Equal("SLEW", MonitorDictionary.AlarmCodeName(AlarmType.SensorFault, (int)FaultReason.Slew));
        Assert.Equal("CUSUM", MonitorDictionary.AlarmCodeName(AlarmType.Depressurization, (int)DetectionCause.Cusum));
        Assert.Equal(MonitorDictionary.UnknownName, MonitorDictionary.AlarmCodeName(AlarmType.SensorFault, MonitorDictionary.FaultReasons.Count));
        Assert.Equal(MonitorDictionary.UnknownName, MonitorDictionary.AlarmCodeName(AlarmType.Overtemp, -1));
    }
}
