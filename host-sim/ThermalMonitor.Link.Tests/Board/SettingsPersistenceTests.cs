using ThermalMonitor.Core.Config;
using ThermalMonitor.Core.Link;
using ThermalMonitor.Core.Settings;
using ThermalMonitor.Link;

namespace ThermalMonitor.Link.Tests;

/// <summary>
/// A board keeps its configuration and calibration across resets (CFG SAVE, two slots, CRC-32),
/// and boots the defaults with an event that says why when what it finds is missing or damaged.
/// A "reset" here is a new board on the same medium.
/// </summary>
public class SettingsPersistenceTests
{
    private const string Custom = "{\"limitPersistMs\":800,\"redLowPa\":35000,\"adcCalCounts\":[170,2910,4095],\"adcCalMicrovolts\":[151000,2449000,3150000]}";

    [Fact]
    public void Saved_settings_survive_a_reset_and_the_boot_says_so()
    {
        var medium = new MemorySettingsMedium();
        var board = new BoardHarness(LinkMode.Live, medium);
        Assert.Equal("SETTINGS_DEFAULTED", BootEvent(board).Field("id"));
        Assert.Equal((int)SettingsLoadResult.Missing, BootEvent(board).IntField("code"));

        Assert.Equal(LinkDictionary.Ok, board.Command("CFG SET " + Custom).Type);
        List<BoardLine> lines = board.Command("CFG SAVE", out BoardLine saved);
        Assert.Equal(LinkDictionary.Ok, saved.Type);
        Assert.Equal(1, saved.IntField("generation"));
        Assert.Equal(SettingsStore.ImageBytes, saved.IntField("bytes"));
        Assert.Contains(lines, l => l.Fields.GetValueOrDefault("id") == "SETTINGS_SAVED" && l.IntField("code") == 1);
        string document = board.Command("CFG GET").Payload!;

        var afterReset = new BoardHarness(LinkMode.Live, medium);
        Assert.Equal("SETTINGS_LOADED", BootEvent(afterReset).Field("id"));
        Assert.Equal(1, BootEvent(afterReset).IntField("code"));
        Assert.Equal(document, afterReset.Command("CFG GET").Payload);
        Assert.True(board.Config().ContentEquals(afterReset.Config()));
        Assert.Equal(800, afterReset.Config().Get(ParamId.LimitPersistMs));
        Assert.Equal(151000, afterReset.Config().AdcCalMicrovolts[0]);
        Assert.Equal(1, afterReset.Command("STATUS").IntField("settings_gen"));
    }

    [Fact]
    public void A_CFG_SET_that_was_not_saved_is_gone_after_a_reset()
    {
        var medium = new MemorySettingsMedium();
        var board = new BoardHarness(LinkMode.Live, medium);
        board.Command("CFG SET " + Custom);
        board.Command("CFG SAVE");
        board.Command("CFG SET {\"limitPersistMs\":900}");

        var afterReset = new BoardHarness(LinkMode.Live, medium);
        Assert.Equal(800, afterReset.Config().Get(ParamId.LimitPersistMs));
    }

    [Fact]
    public void A_corrupt_settings_file_boots_the_defaults_with_its_event()
    {
        var medium = new MemorySettingsMedium();
        var board = new BoardHarness(LinkMode.Live, medium);
        board.Command("CFG SET " + Custom);
        board.Command("CFG SAVE");
        int slot = medium.Contents(0) is null ? 1 : 0;
        medium.Corrupt(slot, byteIndex: 40);

        var afterReset = new BoardHarness(LinkMode.Live, medium);
        BoardLine boot = BootEvent(afterReset);
        Assert.Equal("SETTINGS_DEFAULTED", boot.Field("id"));
        Assert.Equal("CAUTION", boot.Field("sev"));
        Assert.Equal((int)SettingsLoadResult.Corrupt, boot.IntField("code"));
        Assert.True(new MonitorConfig().ContentEquals(afterReset.Config()));
        Assert.Equal(SettingsLoadResult.Corrupt, afterReset.Loop.SettingsAtBoot);
    }

    [Fact]
    public void A_save_torn_by_a_reset_leaves_the_previous_copy_in_force()
    {
        var medium = new MemorySettingsMedium();
        var board = new BoardHarness(LinkMode.Live, medium);
        board.Command("CFG SET " + Custom);
        board.Command("CFG SAVE");
        board.Command("CFG SET {\"limitPersistMs\":900}");
        medium.TearNextWrite(bytesKept: 100); // power lost mid-write: the second slot holds a fragment
        Assert.Equal("STORAGE_FAILED", board.Command("CFG SAVE").ErrorCode);

        var afterReset = new BoardHarness(LinkMode.Live, medium);
        Assert.Equal("SETTINGS_LOADED", BootEvent(afterReset).Field("id"));
        Assert.Equal(1, BootEvent(afterReset).IntField("code"));
        Assert.Equal(800, afterReset.Config().Get(ParamId.LimitPersistMs));

        // The next save goes to the slot that does not hold the good copy, and wins by generation.
        afterReset.Command("CFG SET {\"limitPersistMs\":700}");
        Assert.Equal(2, afterReset.Command("CFG SAVE").IntField("generation"));
        Assert.Equal(700, new BoardHarness(LinkMode.Live, medium).Config().Get(ParamId.LimitPersistMs));
    }

    [Fact]
    public void A_failed_write_or_no_storage_is_STORAGE_FAILED_and_changes_nothing()
    {
        var medium = new MemorySettingsMedium();
        var board = new BoardHarness(LinkMode.Live, medium);
        medium.FailNextWrite();
        BoardLine failed = board.Command("CFG SAVE");
        Assert.Equal("STORAGE_FAILED", failed.ErrorCode);
        Assert.Equal("write_failed", failed.Field("storage"));
        Assert.Equal(0, board.Command("STATUS").IntField("settings_gen"));

        var without = new BoardHarness(LinkMode.Live, medium: null);
        Assert.DoesNotContain(without.Boot, l => l.Fields.GetValueOrDefault("id") is "SETTINGS_LOADED" or "SETTINGS_DEFAULTED");
        Assert.Equal("none", without.Command("CFG SAVE").Field("storage"));
    }

    [Fact]
    public void Settings_the_validator_refuses_boot_the_defaults_as_INVALID()
    {
        var medium = new MemorySettingsMedium();
        var config = new MonitorConfig();
        config.Set(ParamId.RedLowPa, 90000); // above the yellow limit: never valid
        Assert.True(new SettingsStore(medium).Save(config));

        var board = new BoardHarness(LinkMode.Live, medium);
        Assert.Equal((int)SettingsLoadResult.Invalid, BootEvent(board).IntField("code"));
        Assert.True(new MonitorConfig().ContentEquals(board.Config()));
    }

    [Fact]
    public void A_fixed_configuration_runs_instead_of_the_stored_one()
    {
        var medium = new MemorySettingsMedium();
        var stored = new MonitorConfig();
        stored.Set(ParamId.LimitPersistMs, 800);
        new SettingsStore(medium).Save(stored);
        var given = new MonitorConfig();
        given.Set(ParamId.LimitPersistMs, 600);

        var board = new BoardHarness(LinkMode.Replay, medium, given);
        Assert.Equal(600, board.Config().Get(ParamId.LimitPersistMs));
        Assert.DoesNotContain(board.Boot, l => l.Fields.GetValueOrDefault("id") is "SETTINGS_LOADED" or "SETTINGS_DEFAULTED");
    }

    private static BoardLine BootEvent(BoardHarness board) => board.Boot.Single(l => l.Fields.GetValueOrDefault("id") is "SETTINGS_LOADED" or "SETTINGS_DEFAULTED");
}
