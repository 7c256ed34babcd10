using ThermalMonitor.Core.Detection;

namespace ThermalMonitor.Core.Tests.FastPath;

/// <summary>Red/yellow limits: the trip edge, the hysteresis band on the way back, persistence on both edges.</summary>
public class LimitCheckTests
{
    private const int Limit = 120_000;
    private const int Hysteresis = 5_000;

    private static LimitCheck Low(int raiseSamples = 1, int clearSamples = 1, int limit = Limit, int hysteresis = Hysteresis)
    {
        var check = new LimitCheck();
        check.Configure(limit, hysteresis, tripsBelow: true, raiseSamples, clearSamples);
        return check;
    }

    private static LimitCheck High(int raiseSamples = 1, int clearSamples = 1, int limit = Limit, int hysteresis = Hysteresis)
    {
        var check = new LimitCheck();
        check.Configure(limit, hysteresis, tripsBelow: false, raiseSamples, clearSamples);
        return check;
    }

    private static bool[] Feed(LimitCheck check, int value, int count) =>
        Enumerable.Range(0, count).Select(_ => check.Update(value)).ToArray();

    [Fact]
    public void A_low_limit_trips_below_the_limit_not_at_it()
    {
        var check = Low();

        Assert.False(check.Update(Limit));
        Assert.False(check.Update(Limit + 1));
        Assert.True(check.Update(Limit - 1));
        Assert.True(check.IsActive);
    }

    [Fact]
    public void A_high_limit_trips_above_the_limit_not_at_it()
    {
        var check = High();

        Assert.False(check.Update(Limit));
        Assert.False(check.Update(Limit - 1));
        Assert.True(check.Update(Limit + 1));
        Assert.True(check.IsActive);
    }

    [Fact]
    public void A_low_limit_clears_only_at_limit_plus_hysteresis()
    {
        var check = Low();
        check.Update(Limit - 1);

        // Back at the limit and inside the hysteresis band: still beyond.
        Assert.True(check.Update(Limit));
        Assert.True(check.Update(Limit + Hysteresis - 1));
        Assert.False(check.Update(Limit + Hysteresis));
    }

    [Fact]
    public void A_high_limit_clears_only_at_limit_minus_hysteresis()
    {
        var check = High();
        check.Update(Limit + 1);

        Assert.True(check.Update(Limit));
        Assert.True(check.Update(Limit - Hysteresis + 1));
        Assert.False(check.Update(Limit - Hysteresis));
    }

    [Fact]
    public void Inside_the_hysteresis_band_an_inactive_limit_does_not_trip()
    {
        var low = Low();
        var high = High();

        Assert.All(Feed(low, Limit + 1, 5), Assert.False);
        Assert.All(Feed(low, Limit, 5), Assert.False);
        Assert.All(Feed(high, Limit - 1, 5), Assert.False);
        Assert.All(Feed(high, Limit, 5), Assert.False);
    }

    [Fact]
    public void Without_hysteresis_a_low_limit_clears_at_the_limit()
    {
        var check = Low(hysteresis: 0);
        check.Update(Limit - 1);

        Assert.False(check.Update(Limit));
    }

    [Fact]
    public void Without_hysteresis_a_high_limit_clears_at_the_limit()
    {
        var check = High(hysteresis: 0);
        check.Update(Limit + 1);

        Assert.False(check.Update(Limit));
    }

    [Fact]
    public void A_low_limit_raises_and_clears_after_its_persistence_counts()
    {
        var check = Low(raiseSamples: 3, clearSamples: 4);

        Assert.Equal([false, false, true, true], Feed(check, Limit - 1, 4));
        // Inside the band the condition still holds, so nothing counts towards the clear.
        Assert.All(Feed(check, Limit + Hysteresis - 1, 10), Assert.True);
        Assert.Equal([true, true, true, false], Feed(check, Limit + Hysteresis, 4));
    }

    [Fact]
    public void A_high_limit_raises_and_clears_after_its_persistence_counts()
    {
        var check = High(raiseSamples: 2, clearSamples: 3);

        Assert.Equal([false, true], Feed(check, Limit + 1, 2));
        Assert.All(Feed(check, Limit - Hysteresis + 1, 10), Assert.True);
        Assert.Equal([true, true, false], Feed(check, Limit - Hysteresis, 3));
    }

    [Fact]
    public void A_value_back_inside_the_limit_restarts_the_raise_count()
    {
        var check = Low(raiseSamples: 3, clearSamples: 1);

        Feed(check, Limit - 1, 2);
        Assert.False(check.Update(Limit));
        Assert.Equal([false, false, true], Feed(check, Limit - 1, 3));
    }

    [Fact]
    public void The_hysteresis_is_computed_without_overflow()
    {
        var low = Low(limit: int.MaxValue - 10, hysteresis: 100);
        low.Update(int.MaxValue - 11);
        Assert.True(low.Update(int.MaxValue)); // below limit + hysteresis, which does not fit an int

        var high = High(limit: int.MinValue + 10, hysteresis: 100);
        high.Update(int.MinValue + 11);
        Assert.True(high.Update(int.MinValue));
    }

    [Fact]
    public void Reset_clears_the_limit_and_its_hysteresis()
    {
        var check = Low(raiseSamples: 1, clearSamples: 5);
        check.Update(Limit - 1);

        check.Reset();

        Assert.False(check.IsActive);
        // Inactive again, so the plain limit applies: a value in the band does not trip it.
        Assert.False(check.Update(Limit + 1));
    }
}
