using System.Globalization;

namespace ThermalMonitor.Profiles;

/// <summary>
/// Holds a replay result to a profile's expectation. One message per unmet expectation: an expected
/// alarm missing, raised outside its window, or with the wrong reason; the same alarm raised before
/// its window (a false alarm ahead of the event); a forbidden alarm type raised. Empty = met.
/// </summary>
public static class ExpectationChecker
{
    /// <summary>The unmet expectations, one sentence each; empty when all are met.</summary>
    public static IReadOnlyList<string> Check(Expectation expectation, ReplayResult result)
    {
        ArgumentNullException.ThrowIfNull(expectation);
        ArgumentNullException.ThrowIfNull(result);
        var messages = new List<string>();
        foreach (ExpectedAlarm expected in expectation.ExpectedAlarms)
        {
            CheckExpected(expected, result.Alarms, messages);
        }

        foreach (string forbidden in expectation.ForbiddenAlarmTypes)
        {
            ResultAlarm[] raised = [.. result.Alarms.Where(a => Same(a.Type, forbidden)).OrderBy(a => a.TimeS)];
            if (raised.Length > 0)
            {
                messages.Add(Invariant($"forbidden {forbidden} raised {Times(raised.Length)}, ")
                    + Invariant($"first on {raised[0].Channel} at {raised[0].TimeS} s ({Identify(raised[0])})"));
            }
        }

        return messages;
    }

    private static void CheckExpected(ExpectedAlarm expected, IReadOnlyList<ResultAlarm> alarms, List<string> messages)
    {
        string reason = expected.Reason is null ? "" : $" with reason {expected.Reason}";
        string what = $"expected {expected.Type} on {expected.Channel}{reason} "
            + Invariant($"at {expected.NotBeforeS}–{expected.DeadlineS} s");
        ResultAlarm[] candidates =
        [
            .. alarms
                .Where(a => Same(a.Type, expected.Type) && Same(a.Channel, expected.Channel))
                .OrderBy(a => a.TimeS),
        ];
        ResultAlarm[] early = [.. candidates.Where(a => a.TimeS < expected.NotBeforeS)];
        ResultAlarm[] inWindow =
            [.. candidates.Where(a => a.TimeS >= expected.NotBeforeS && a.TimeS <= expected.DeadlineS)];
        if (early.Length > 0)
        {
            // Before the event there is nothing to detect: an alarm then is a false alarm, even if a
            // correct one follows in the window.
            messages.Add($"{what}: raised {Times(early.Length)} before the window, "
                + Invariant($"first at {early[0].TimeS} s ({Identify(early[0])})"));
        }

        if (inWindow.Any(a => expected.Reason is null || Same(a.Cause, expected.Reason)))
        {
            return;
        }

        if (inWindow.Length > 0)
        {
            ResultAlarm wrong = inWindow[0];
            string cause = wrong.Cause.Length == 0 ? "(none)" : wrong.Cause;
            messages.Add($"{what}: " + Invariant($"raised at {wrong.TimeS} s (seq {wrong.Seq}) with reason {cause}"));
            return;
        }

        ResultAlarm? late = candidates.FirstOrDefault(a => a.TimeS > expected.DeadlineS);
        if (late is not null)
        {
            // Rounded to the millisecond of the board's clock: a difference of decimals is not exact in binary.
            double lateS = Math.Round(late.TimeS - expected.DeadlineS, 3);
            messages.Add($"{what}: "
                + Invariant($"first raised at {late.TimeS} s (seq {late.Seq}), {lateS} s after the deadline"));
        }
        else
        {
            messages.Add(early.Length == 0 ? $"{what}: not raised" : $"{what}: not raised in the window");
        }
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static string Times(int count) => count == 1 ? "once" : $"{count} times";

    private static string Identify(ResultAlarm alarm) =>
        alarm.Cause.Length == 0
            ? Invariant($"seq {alarm.Seq}")
            : Invariant($"seq {alarm.Seq}, cause {alarm.Cause}");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
