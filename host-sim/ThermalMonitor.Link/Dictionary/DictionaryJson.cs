using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ThermalMonitor.Core;
using ThermalMonitor.Core.Config;
using ThermalMonitor.Core.Dictionary;
using ThermalMonitor.Core.Link;
using ThermalMonitor.Core.Validation;

namespace ThermalMonitor.Link.Dictionary;

/// <summary>
/// The whole dictionary as one JSON document (<c>thermal-monitor/dictionary@1</c>, like F Prime's
/// JSON dictionary): protocol and firmware version, events, commands with their arguments,
/// messages with their typed fields, every name table and the parameter table. Everything comes
/// from the firmware's tables (<see cref="MonitorDictionary"/>, <see cref="LinkDictionary"/>,
/// <see cref="CommandTable"/>, <see cref="MessageTable"/>, <see cref="ParameterTable"/>) in their
/// order, so the output is deterministic; docs/dictionary.json is a committed copy.
/// </summary>
public static class DictionaryJson
{
    public const string Schema = "thermal-monitor/dictionary@1";

    /// <summary>A file, not HTML: "&lt;alarm_seq&gt;" and "channel's" stay readable.</summary>
    private static readonly JavaScriptEncoder Relaxed = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    /// <summary>The document, indented, with LF line ends and a final LF.</summary>
    public static string Write()
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = Relaxed }))
        {
            w.WriteStartObject();
            w.WriteString("schema", Schema);
            w.WriteNumber("protocol_version", LinkDictionary.ProtocolVersion);
            w.WriteString("firmware_version", LinkDictionary.FirmwareVersion);
            w.WriteString("config_schema", LinkDictionary.ConfigSchema);
            w.WriteNumber("throttle_window_ms", MonitorDictionary.ThrottleWindowMs);
            WriteEvents(w);
            WriteCommands(w);
            WriteMessages(w);
            WriteTable(w, DictionaryTables.AlarmTypes, MonitorDictionary.AlarmTypes);
            WriteTable(w, DictionaryTables.Severities, MonitorDictionary.Severities);
            WriteTable(w, DictionaryTables.Channels, MonitorDictionary.Channels);
            WriteTable(w, DictionaryTables.DetectionCauses, MonitorDictionary.Causes);
            WriteTable(w, DictionaryTables.FaultReasons, MonitorDictionary.FaultReasons);
            WriteTable(w, DictionaryTables.AlarmStates, MonitorDictionary.AlarmStates);
            WriteTable(w, DictionaryTables.ErrorCodes, LinkDictionary.Errors);
            WriteTable(w, DictionaryTables.Modes, LinkDictionary.Modes);
            WriteTable(w, DictionaryTables.TelemetrySources, LinkDictionary.Sources);
            WriteTable(w, DictionaryTables.ResetCauses, LinkDictionary.ResetCauses);
            WriteAckResults(w);
            WriteChannelStates(w);
            WriteParameters(w);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void WriteEvents(Utf8JsonWriter w)
    {
        w.WriteStartArray(DictionaryTables.Events);
        for (int i = 0; i < MonitorDictionary.EventCount; i++)
        {
            EventDefinition e = MonitorDictionary.EventAt(i);
            w.WriteStartObject();
            w.WriteNumber("id", (int)e.Id);
            w.WriteString("name", e.Name);
            if (e.SeverityOfAlarm)
            {
                w.WriteNull("severity");
            }
            else
            {
                w.WriteString("severity", MonitorDictionary.SeverityName(e.Severity));
            }

            w.WriteBoolean("severity_of_alarm", e.SeverityOfAlarm);
            w.WriteString("travels_as", TravelsAs(e));
            w.WriteNumber("throttle_per_window", e.ThrottleCount);
            WriteMeaning(w, "code", e.CodeMeaning);
            WriteMeaning(w, "value", e.ValueMeaning);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static string TravelsAs(EventDefinition e) => e.Id switch
    {
        Core.Alarms.EventId.AlarmRaised => LinkDictionary.Alarm,
        Core.Alarms.EventId.AlarmCleared => LinkDictionary.Clear,
        _ => LinkDictionary.Event,
    };

    /// <summary>Null when the number is always 0.</summary>
    private static void WriteMeaning(Utf8JsonWriter w, string name, string meaning)
    {
        if (meaning.Length == 0)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, meaning);
        }
    }

    private static void WriteCommands(Utf8JsonWriter w)
    {
        w.WriteStartArray("commands");
        for (int i = 0; i < CommandTable.Count; i++)
        {
            CommandDefinition command = CommandTable.At(i);
            w.WriteStartObject();
            w.WriteString("name", command.Name);
            w.WriteString("syntax", command.Syntax);
            w.WriteString("meaning", command.Meaning);
            w.WriteString("reply", command.Reply);
            w.WriteString("unchecked", command.UncheckedForm);
            w.WriteStartArray("arguments");
            for (int k = 0; k < command.ArgumentCount; k++)
            {
                ArgumentDefinition argument = command.Argument(k);
                w.WriteStartObject();
                w.WriteString("name", argument.Name);
                w.WriteString("kind", KindName(argument.Kind));
                if (argument.Kind is ArgumentKind.Int or ArgumentKind.Long)
                {
                    w.WriteNumber("min", argument.Min);
                    w.WriteNumber("max", argument.Max);
                }

                w.WriteStartArray("choices");
                for (int c = 0; c < argument.ChoiceCount; c++)
                {
                    w.WriteStringValue(argument.Choice(c));
                }

                w.WriteEndArray();
                WriteMeaning(w, "condition", argument.Condition);
                w.WriteString("meaning", argument.Meaning);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteMessages(Utf8JsonWriter w)
    {
        w.WriteStartArray("messages");
        for (int i = 0; i < MessageTable.Count; i++)
        {
            MessageDefinition message = MessageTable.At(i);
            w.WriteStartObject();
            w.WriteString("type", message.Type);
            w.WriteBoolean("is_reply", message.IsReply);
            w.WriteString("meaning", message.Meaning);
            WriteMeaning(w, "payload", message.Payload);
            w.WriteStartArray("fields");
            for (int f = 0; f < message.FieldCount; f++)
            {
                FieldDefinition field = message.Field(f);
                w.WriteStartObject();
                w.WriteString("key", field.Key);
                w.WriteString("type", TypeName(field.Type));
                WriteMeaning(w, "unit", field.Unit);
                WriteMeaning(w, "enum", field.EnumTable);
                w.WriteBoolean("may_be_none", field.MayBeNone);
                w.WriteBoolean("optional", field.Optional);
                w.WriteString("meaning", field.Meaning);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteTable(Utf8JsonWriter w, string name, WireValueTable table)
    {
        w.WriteStartArray(name);
        for (int i = 0; i < table.Count; i++)
        {
            WireValue value = table.At(i);
            w.WriteStartObject();
            w.WriteNumber("value", value.Value);
            w.WriteString("name", value.Name);
            w.WriteString("meaning", value.Meaning);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteAckResults(Utf8JsonWriter w)
    {
        w.WriteStartArray(DictionaryTables.AckResults);
        foreach ((string name, string meaning) in (ReadOnlySpan<(string, string)>)[
            (LinkDictionary.AckResultAcked, "the alarm was latched and is acknowledged now (an ALARM_ACKED event comes first)"),
            (LinkDictionary.AckResultAlready, "it had been acknowledged before"),
            (LinkDictionary.AckResultDelivered, "its slot has been raised again since under a new number; the old occurrence is marked delivered in the journal"),
        ])
        {
            w.WriteStartObject();
            w.WriteString("name", name);
            w.WriteString("meaning", meaning);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    /// <summary>The letters of TLM st=, one per channel.</summary>
    private static void WriteChannelStates(Utf8JsonWriter w)
    {
        w.WriteStartArray("channel_states");
        foreach (ValidationOutcome outcome in Enum.GetValues<ValidationOutcome>())
        {
            w.WriteStartObject();
            w.WriteString("letter", LinkDictionary.OutcomeLetter(outcome).ToString());
            w.WriteString("name", outcome.ToString());
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteParameters(Utf8JsonWriter w)
    {
        w.WriteStartArray("parameters");
        for (int i = 0; i < ParameterTable.Count; i++)
        {
            ParameterInfo p = ParameterTable.At(i);
            w.WriteStartObject();
            w.WriteString("name", p.Name);
            w.WriteString("unit", p.Unit);
            w.WriteNumber("min", p.Min);
            w.WriteNumber("max", p.Max);
            w.WriteNumber("default", p.DefaultValue);
            w.WriteString("description", p.Description);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static string KindName(ArgumentKind kind) => kind switch
    {
        ArgumentKind.Int => "int",
        ArgumentKind.Long => "long",
        ArgumentKind.Keyword => "keyword",
        ArgumentKind.Json => "json",
        ArgumentKind.Reads => "reads",
        ArgumentKind.Reduced => "reduced",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static string TypeName(FieldType type) => type switch
    {
        FieldType.Int => "int",
        FieldType.Long => "long",
        FieldType.String => "string",
        FieldType.Enum => "enum",
        FieldType.Text => "text",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };
}
