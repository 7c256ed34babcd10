using ThermalMonitor.Core.Detection;

namespace ThermalMonitor.Core.Tests.Detection;

public class DecisionBlockTests
{
    [Fact]
    public void A_block_of_one_sample_gives_the_sample_back_exactly()
    {
        var block = new DecisionBlock();
        block.Configure(1);
        Assert.True(block.Add(250_001, -1234));
        Assert.Equal(250_001, block.PressurePa);
        Assert.Equal(-1234L << 8, block.TempQ8);
    }

    [Fact]
    public void Means_complete_on_the_last_sample_and_round_half_away_from_zero()
    {
        var block = new DecisionBlock();
        block.Configure(4);
        Assert.False(block.Add(100, 1));
        Assert.False(block.Add(101, 1));
        Assert.False(block.Add(101, 1));
        Assert.True(block.Add(100, 2));
        Assert.Equal(101, block.PressurePa);          // 100.5 → 101
        Assert.Equal(320, block.TempQ8);               // 1.25 · 256

        Assert.False(block.Add(-3, 0));                // the next block starts empty
    }

    [Fact]
    public void A_reset_discards_a_partial_block()
    {
        var block = new DecisionBlock();
        block.Configure(2);
        block.Add(1000, 0);
        block.Reset();
        Assert.False(block.Add(10, 0));
        Assert.True(block.Add(20, 0));
        Assert.Equal(15, block.PressurePa);
    }
}
