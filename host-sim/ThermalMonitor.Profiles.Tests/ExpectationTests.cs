namespace ThermalMonitor.Profiles.Tests;

public sealed class ExpectationTests
{
    private static readonly Expectation LeakAt100 = new(
        "leak", 100.0, 0.8, "test",
        [new ExpectedAlarm("DEPRESSURIZATION", "pressure", null, 100.0, 60.0)],
        ["SENSOR_FAULT"]);

    private static readonly Expectation OpenTempAt6000 = new(
        "fault", null, null, "test",
        [new ExpectedAlarm("SENSOR_FAULT", "temp", "OPEN", 6000.0, 40.0)],
        ["DEPRESSURIZATION", "OVERTEMP"]);

    [Fact]
    public void AnAlarmInsideTheWindowMeetsTheExpectation()
    {
        Assert.Empty(Check(LeakAt100, Alarm(1, "DEPRESSURIZATION", "pressure", 103.2, "RATE_OF_DROP")));
        Assert.Empty(Check(LeakAt100, Alarm(1, "DEPRESSURIZATION", "pressure", 160.0, "CUSUM")));
        Assert.Empty(Check(OpenTempAt6000, Alarm(4, "SENSOR_FAULT", "temp", 6000.3, "OPEN")));
    }

    [Fact]
    public void AMissingAlarmIsReported()
    {
        IReadOnlyList<string> messages = Check(LeakAt100);

        Assert.Equal(["expected DEPRESSURIZATION on pressure at 100–160 s: not raised"], messages);
    }

    [Fact]
    public void ALateAlarmIsReportedWithItsDelay()
    {
        IReadOnlyList<string> messages = Check(LeakAt100, Alarm(2, "DEPRESSURIZATION", "pressure", 175.5, "CUSUM"));

        Assert.Equal(
            ["expected DEPRESSURIZATION on pressure at 100–160 s: first raised at 175.5 s (seq 2), 15.5 s after the deadline"],
            messages);
    }

    [Fact]
    public void TheDelayPastTheDeadlineIsRoundedToTheMillisecond()
    {
        // 160.6 - 160 is 0.5999999999999943 in binary.
        IReadOnlyList<string> messages = Check(LeakAt100, Alarm(2, "DEPRESSURIZATION", "pressure", 160.6, "CUSUM"));

        Assert.Equal(
            ["expected DEPRESSURIZATION on pressure at 100–160 s: first raised at 160.6 s (seq 2), 0.6 s after the deadline"],
            messages);
    }

    [Fact]
    public void AnAlarmBeforeTheEventIsAFalseAlarmEvenIfACorrectOneFollows()
    {
        IReadOnlyList<string> messages = Check(
            LeakAt100,
            Alarm(1, "DEPRESSURIZATION", "pressure", 50.0, "CUSUM"),
            Alarm(2, "DEPRESSURIZATION", "pressure", 101.0, "RATE_OF_DROP"));

        Assert.Equal(
            ["expected DEPRESSURIZATION on pressure at 100–160 s: raised once before the window, first at 50 s (seq 1, cause CUSUM)"],
            messages);
    }

    [Fact]
    public void TheWrongReasonIsReported()
    {
        IReadOnlyList<string> messages = Check(OpenTempAt6000, Alarm(1, "SENSOR_FAULT", "temp", 6001.0, "SHORT"));

        Assert.Equal(
            ["expected SENSOR_FAULT on temp with reason OPEN at 6000–6040 s: raised at 6001 s (seq 1) with reason SHORT"],
            messages);
    }

    [Fact]
    public void TheRightAlarmOnTheWrongChannelDoesNotCount()
    {
        IReadOnlyList<string> messages = Check(OpenTempAt6000, Alarm(1, "SENSOR_FAULT", "pressure", 6001.0, "OPEN"));

        Assert.Equal(["expected SENSOR_FAULT on temp with reason OPEN at 6000–6040 s: not raised"], messages);
    }

    [Fact]
    public void ForbiddenTypesAreReportedOncePerType()
    {
        IReadOnlyList<string> messages = Check(
            OpenTempAt6000,
            Alarm(1, "SENSOR_FAULT", "temp", 6000.5, "OPEN"),
            Alarm(2, "OVERTEMP", "temp", 6000.2, "RED_HIGH_LIMIT"),
            Alarm(3, "DEPRESSURIZATION", "pressure", 6010.0, "CUSUM"),
            Alarm(4, "DEPRESSURIZATION", "pressure", 6020.0, "CUSUM"));

        Assert.Equal(
            [
                "forbidden DEPRESSURIZATION raised 2 times, first on pressure at 6010 s (seq 3, cause CUSUM)",
                "forbidden OVERTEMP raised once, first on temp at 6000.2 s (seq 2, cause RED_HIGH_LIMIT)",
            ],
            messages);
    }

    [Fact]
    public void FileRoundTripIsExactAndDeterministic()
    {
        using var dir = new TempDirectory();
        string path = dir.File("x.expect.json");

        ExpectationFile.Write(OpenTempAt6000, path);
        string first = File.ReadAllText(path);
        Expectation read = ExpectationFile.Read(path);
        ExpectationFile.Write(read, path);

        Assert.Equal(OpenTempAt6000, read);
        Assert.Equal(first, File.ReadAllText(path));
        Assert.Contains("\"leak_onset_s\": null", first, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", first, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"schema\": \"thermal-monitor/expect@2\"}", 1, 12, "$.schema: expected one of \"thermal-monitor/expect@1\"")]
    [InlineData("{\n  \"schema\": \"thermal-monitor/expect@1\",\n  \"profile\": 5\n}", 3, 14, "$.profile: expected a string, found 5")]
    [InlineData("{\n  \"schema\": \"thermal-monitor/expect@1\"\n}", 1, 1, "$: expected a property \"profile\", found none")]
    [InlineData("{ \"schema\": ", 1, 13, "expected valid JSON")]
    public void BadFilesAreReportedWithLineAndColumn(string json, int line, int column, string detail)
    {
        using var dir = new TempDirectory();
        string path = dir.Write("bad.expect.json", json);

        var error = Assert.Throws<ProfileFormatException>(() => ExpectationFile.Read(path));

        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.Contains(detail, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownPropertiesAndValuesOutsideTheSchemaAreRejected()
    {
        using var dir = new TempDirectory();
        string valid = ExpectationFile.Serialize(OpenTempAt6000);
        string misspelt = dir.Write("a.expect.json", Edit(valid, "\"within_s\"", "\"within\""));
        string badReason = dir.Write("b.expect.json", Edit(valid, "\"OPEN\"", "\"BROKEN\""));
        string duplicate = dir.Write("c.expect.json", Edit(valid, "\"profile\": \"fault\",", "\"profile\": \"fault\", \"profile\": \"x\","));

        Assert.Contains("$.expected_alarms[0]: expected a property \"within_s\"", ReadError(misspelt), StringComparison.Ordinal);
        Assert.Contains("$.expected_alarms[0].reason: expected one of \"OPEN\"", ReadError(badReason), StringComparison.Ordinal);
        Assert.Contains("$.profile: expected each property once", ReadError(duplicate), StringComparison.Ordinal);
    }

    internal static ResultAlarm Alarm(int seq, string type, string channel, double timeS, string cause) =>
        new(seq, type, "WARNING", channel, timeS, null, cause);

    private static IReadOnlyList<string> Check(Expectation expectation, params ResultAlarm[] alarms) =>
        ExpectationChecker.Check(expectation, new ReplayResult("p", "sil", 1000, 99.9, alarms));

    private static string Edit(string text, string find, string replace)
    {
        Assert.Contains(find, text, StringComparison.Ordinal);
        return text.Replace(find, replace, StringComparison.Ordinal);
    }

    private static string ReadError(string path) =>
        Assert.Throws<ProfileFormatException>(() => ExpectationFile.Read(path)).Message;
}
