using ThermalMonitor.Core.Detection;

namespace ThermalMonitor.Core.Tests.FastPath;

/// <summary>Persistence counts at their exact edges: raise on the N-th consecutive sample, clear on the M-th.</summary>
public class PersistentConditionTests
{
    private static PersistentCondition Configured(int raiseSamples, int clearSamples)
    {
        var condition = new PersistentCondition();
        condition.Configure(raiseSamples, clearSamples);
        return condition;
    }

    /// <summary>Feeds <paramref name="count"/> samples of the same raw condition; returns the state after each.</summary>
    private static bool[] Feed(PersistentCondition condition, bool present, int count) =>
        Enumerable.Range(0, count).Select(_ => condition.Update(present)).ToArray();

    private static PersistentCondition Raised(int raiseSamples, int clearSamples)
    {
        var condition = Configured(raiseSamples, clearSamples);
        Feed(condition, true, raiseSamples);
        Assert.True(condition.IsActive);
        return condition;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    public void Raises_exactly_on_the_nth_consecutive_sample(int raiseSamples)
    {
        var condition = Configured(raiseSamples, 7);

        bool[] states = Feed(condition, true, raiseSamples + 2);

        // false for samples 1..N-1, true from sample N on; Update returns the persisted state.
        Assert.Equal(Enumerable.Range(1, raiseSamples + 2).Select(n => n >= raiseSamples), states);
        Assert.True(condition.IsActive);
    }

    [Fact]
    public void An_interruption_restarts_the_raise_count()
    {
        var condition = Configured(3, 1);

        Feed(condition, true, 2);
        Assert.False(condition.Update(false));
        Assert.Equal([false, false, true], Feed(condition, true, 3));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(6)]
    public void Clears_exactly_after_m_absent_samples(int clearSamples)
    {
        var condition = Raised(4, clearSamples);

        bool[] states = Feed(condition, false, clearSamples + 2);

        Assert.Equal(Enumerable.Range(1, clearSamples + 2).Select(n => n < clearSamples), states);
        Assert.False(condition.IsActive);
    }

    [Fact]
    public void The_count_starts_from_zero_after_a_raise()
    {
        // Raise needs 3, clear needs 2: the run that raised must not count towards the clear.
        var condition = Raised(3, 2);

        Assert.True(condition.Update(false));
        Assert.False(condition.Update(false));
    }

    [Fact]
    public void The_count_starts_from_zero_after_a_clear()
    {
        var condition = Raised(2, 3);
        Feed(condition, false, 3);
        Assert.False(condition.IsActive);

        Assert.False(condition.Update(true));
        Assert.True(condition.Update(true));
    }

    [Fact]
    public void A_returning_condition_restarts_the_clear_count()
    {
        var condition = Raised(2, 3);

        Feed(condition, false, 2);
        Assert.True(condition.Update(true));
        Assert.Equal([true, true, false], Feed(condition, false, 3));
    }

    [Fact]
    public void Raise_and_clear_use_their_own_counts()
    {
        var condition = Configured(2, 5);

        Assert.Equal([false, true], Feed(condition, true, 2));
        Assert.Equal([true, true, true, true, false], Feed(condition, false, 5));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(-3, -1)]
    [InlineData(int.MinValue, 0)]
    public void Counts_below_one_are_clamped_to_one(int raiseSamples, int clearSamples)
    {
        var condition = Configured(raiseSamples, clearSamples);

        Assert.True(condition.Update(true));
        Assert.False(condition.Update(false));
    }

    [Fact]
    public void An_unconfigured_condition_follows_its_input_sample_by_sample()
    {
        var condition = new PersistentCondition();

        Assert.False(condition.IsActive);
        Assert.True(condition.Update(true));
        Assert.False(condition.Update(false));
    }

    [Fact]
    public void Holding_the_same_state_never_changes_it()
    {
        var condition = Configured(1, 1);
        Assert.All(Feed(condition, false, 5), Assert.False);

        var raised = Raised(1, 1);
        Assert.All(Feed(raised, true, 5), Assert.True);
    }

    [Fact]
    public void Reset_deactivates_and_forgets_a_partial_run()
    {
        var condition = Raised(3, 3);
        Feed(condition, false, 2);

        condition.Reset();

        Assert.False(condition.IsActive);
        Feed(condition, true, 2);
        condition.Reset();
        Assert.Equal([false, false, true], Feed(condition, true, 3));
    }

    [Fact]
    public void Reconfiguring_keeps_the_state()
    {
        var condition = Raised(1, 1);

        condition.Configure(4, 2);

        Assert.True(condition.IsActive);
        Assert.Equal([true, false], Feed(condition, false, 2));
    }
}
