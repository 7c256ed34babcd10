using System.Text.Json;
using ThermalMonitor.Core.Config;
using ThermalMonitor.Core.Link;
using ThermalMonitor.Core.Tests.Support;
using ThermalMonitor.Link.Dictionary;

namespace ThermalMonitor.Link.Tests;

/// <summary>
/// docs/dictionary.json is what the code exports, byte for byte, so tools that read the committed
/// copy read the firmware's contract; and the export holds every table whole.
/// </summary>
public class DictionaryJsonTests
{
    public const string Regenerate = "dotnet run --project host-sim/ThermalMonitor.Cli -- dictionary --out docs/dictionary.json";

    [Fact]
    public void The_committed_copy_is_what_the_code_exports()
    {
        string committed = File.ReadAllText(RepositoryFiles.PathOf("docs/dictionary.json"));
        string exported = DictionaryJson.Write();
        if (committed != exported)
        {
            string[] a = committed.Split('\n');
            string[] b = exported.Split('\n');
            int line = Enumerable.Range(0, Math.Min(a.Length, b.Length)).FirstOrDefault(i => a[i] != b[i], Math.Min(a.Length, b.Length));
            Assert.Fail($"docs/dictionary.json differs from the dictionary the code exports (first at line {line + 1}: "
                + $"committed '{(line < a.Length ? a[line].Trim() : "<end>")}', code '{(line < b.Length ? b[line].Trim() : "<end>")}'). "
                + $"Regenerate it from the repository root with: {Regenerate}");
        }
    }

    [Fact]
    public void The_export_holds_every_table_whole_and_in_order()
    {
        using JsonDocument document = JsonDocument.Parse(DictionaryJson.Write());
        JsonElement root = document.RootElement;
        Assert.Equal(DictionaryJson.Schema, root.GetProperty("schema").GetString());
        Assert.Equal(LinkDictionary.ProtocolVersion, root.GetProperty("protocol_version").GetInt32());
        Assert.Equal(LinkDictionary.FirmwareVersion, root.GetProperty("firmware_version").GetString());

        Assert.Equal(
            Enumerable.Range(0, MonitorDictionary.EventCount).Select(i => ((int)MonitorDictionary.EventAt(i).Id, MonitorDictionary.EventAt(i).Name)),
            root.GetProperty("events").EnumerateArray().Select(e => (e.GetProperty("id").GetInt32(), e.GetProperty("name").GetString()!)));
        JsonElement overrun = root.GetProperty("events").EnumerateArray().Single(e => e.GetProperty("name").GetString() == "LOOP_OVERRUN");
        Assert.Equal("CAUTION", overrun.GetProperty("severity").GetString());
        Assert.Equal(10, overrun.GetProperty("throttle_per_window").GetInt32());
        Assert.Contains("us", overrun.GetProperty("code").GetString(), StringComparison.Ordinal);

        Assert.Equal(Enumerable.Range(0, CommandTable.Count).Select(i => CommandTable.At(i).Name),
            root.GetProperty("commands").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        JsonElement tlm = root.GetProperty("commands").EnumerateArray().Single(c => c.GetProperty("name").GetString() == LinkDictionary.Telemetry);
        JsonElement period = Assert.Single(tlm.GetProperty("arguments").EnumerateArray());
        Assert.Equal(BoardLink.TelemetryPeriodMaxMs, period.GetProperty("max").GetInt64());

        JsonElement status = root.GetProperty("messages").EnumerateArray().Single(m => m.GetProperty("type").GetString() == LinkDictionary.Status);
        Assert.Equal(MessageTable.Find(LinkDictionary.Status)!.FieldCount, status.GetProperty("fields").GetArrayLength());
        Assert.Equal(LinkDictionary.ErrorCount, root.GetProperty("error_codes").GetArrayLength());

        Assert.Equal(Enumerable.Range(0, ParameterTable.Count).Select(i => ParameterTable.At(i).Name),
            root.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        JsonElement first = root.GetProperty("parameters")[0];
        Assert.Equal(ParameterTable.At(0).DefaultValue, first.GetProperty("default").GetInt32());
        Assert.Equal(ParameterTable.At(0).Unit, first.GetProperty("unit").GetString());
    }
}
