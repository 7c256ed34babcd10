namespace ThermalMonitor.Cli.Tests;

/// <summary>TypedCommand: what board console sends for a typed line, and which lines it keeps back.</summary>
public sealed class TypedCommandTests
{
    [Theory]
    [InlineData("STATUS", "STATUS")]
    [InlineData("status", "STATUS")]
    [InlineData("tlm 250", "TLM 250")]
    [InlineData("ack all", "ACK ALL")]
    [InlineData("Ack 3", "ACK 3")]
    [InlineData("  mode live  ", "MODE LIVE")]
    [InlineData("reset detector", "RESET DETECTOR")]
    [InlineData("cfg get", "CFG GET")]
    [InlineData("ACK  all", "ACK  ALL")]
    [InlineData("cfg set {\"rateLimitPaPerS\":250}", "CFG SET {\"rateLimitPaPerS\":250}")]
    [InlineData("cfg stage {\"mode\": \"live\", \"all\": 1}", "CFG STAGE {\"mode\": \"live\", \"all\": 1}")]
    [InlineData("injr 0 56db500a00 !1 -", "INJR 0 56db500a00 !1 -")]
    [InlineData("tlm all", "TLM all")]
    [InlineData("mode all", "MODE all")]
    [InlineData("reboot now", "reboot now")]
    [InlineData("status*FDB6", "status*FDB6")]
    public void The_command_word_and_its_keywords_go_in_upper_case_everything_else_as_typed(string typed, string wire)
    {
        Assert.Null(TypedCommand.Refusal(typed));
        Assert.Equal(wire, TypedCommand.Wire(typed));
    }

    [Theory]
    [InlineData("STA\u0001TUS", "character 4 is U+0001 (a control character)")]
    [InlineData("\tSTATUS", "character 1 is U+0009 (a control character)")]
    [InlineData("TLM 25\u007F", "character 7 is U+007F (a control character)")]
    [InlineData("TLM 5\u00B0", "character 6 is U+00B0 ('\u00B0', not ASCII)")]
    [InlineData("CFG SET {\"x\":\"\u00E9\"}", "character 15 is U+00E9 ('\u00E9', not ASCII)")]
    public void A_character_outside_printable_ascii_is_refused_naming_its_position(string typed, string reason)
    {
        Assert.Equal(reason + "; the board takes printable ASCII only, so the line was not sent", TypedCommand.Refusal(typed));
    }
}
