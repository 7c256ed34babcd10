using ThermalMonitor.Core.Link;
using ThermalMonitor.Link;
using ThermalMonitor.Targets;

namespace ThermalMonitor.Hil.Tests;

/// <summary>
/// A virtual board keeps what `board config save` stored in real slot files (--settings-dir), boots
/// with it after a restart, and boots the defaults when a file is damaged. (The boot events that
/// say so go out before a host can open the pty; the core's tests check them on a fake board.)
/// </summary>
public sealed class SettingsPersistenceTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("thermal-settings-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    /// <summary>On its own virtual board whatever THERMAL_TARGET selects (it needs the board's files).</summary>
    [Fact]
    public void Saved_settings_survive_a_restart_and_a_damaged_file_boots_the_defaults()
    {
        const string target = HilTargets.VirtualBoard;
        string defaults;
        string saved;
        using (TargetConnection first = Open(target))
        {
            defaults = first.Client.SendOk($"{LinkDictionary.Config} {LinkDictionary.Get}").Payload!;
            Assert.Equal(0, first.Client.SendOk(LinkDictionary.Status).IntField(WireField.SettingsGeneration));
            first.Client.SetConfigOk("""{"limitPersistMs":800,"adcCalCounts":[170,2910,4095],"adcCalMicrovolts":[151000,2449000,3150000]}""");
            BoardLine reply = first.Client.SendOk($"{LinkDictionary.Config} {LinkDictionary.Save}");
            Assert.Equal(1, reply.IntField(WireField.Generation));
            saved = first.Client.SendOk($"{LinkDictionary.Config} {LinkDictionary.Get}").Payload!;
            Assert.NotEqual(defaults, saved);
        }

        using (TargetConnection second = Open(target))
        {
            Assert.Equal(saved, second.Client.SendOk($"{LinkDictionary.Config} {LinkDictionary.Get}").Payload);
            Assert.Equal(1, second.Client.SendOk(LinkDictionary.Status).IntField(WireField.SettingsGeneration));
        }

        string slot = Directory.GetFiles(directory, "thermal-settings-*.bin").Single();
        byte[] bytes = File.ReadAllBytes(slot);
        bytes[bytes.Length / 2] ^= 0x40;
        File.WriteAllBytes(slot, bytes);

        using TargetConnection third = Open(target);
        Assert.Equal(defaults, third.Client.SendOk($"{LinkDictionary.Config} {LinkDictionary.Get}").Payload);
        Assert.Equal(0, third.Client.SendOk(LinkDictionary.Status).IntField(WireField.SettingsGeneration));
    }

    private TargetConnection Open(string target) => TargetConnection.Open(target, virtualBoardArguments: ["--settings-dir", directory]);
}
