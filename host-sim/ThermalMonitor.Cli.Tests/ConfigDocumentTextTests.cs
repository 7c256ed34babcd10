namespace ThermalMonitor.Cli.Tests;

/// <summary>ConfigDocumentText: a configuration document, however laid out, becomes the one line CFG SET carries.</summary>
public sealed class ConfigDocumentTextTests
{
    [Theory]
    [InlineData("{\n  \"a\": 1,\n  \"b\": [1, 2]\n}\n", """{"a":1,"b":[1,2]}""")]
    [InlineData("\t{ \"a\" :\r\n 1 }  ", """{"a":1}""")]
    [InlineData("""{"a b":  "x  y"}""", """{"a b":"x  y"}""")]
    [InlineData("{\"q\\\"\": \"\\\\\", \"z\":1}", "{\"q\\\"\":\"\\\\\",\"z\":1}")]
    [InlineData("[1 2]", "[1 2]")]
    [InlineData("\uFEFF{}", "{}")]
    public void Whitespace_outside_strings_is_collapsed_and_strings_are_kept(string text, string expected)
    {
        Assert.Equal(expected, ConfigDocumentText.OneLine(text, "doc.json"));
    }

    [Fact]
    public void A_line_break_inside_a_string_is_refused_naming_the_source_and_line()
    {
        var error = Assert.Throws<UserInputException>(() => ConfigDocumentText.OneLine("{\n\"a\":\"x\ny\"}", "doc.json"));

        Assert.Equal("doc.json: line 2: a line break inside a JSON string; the document travels on one line (write \\n for a line break in a string)", error.Message);
    }
}
