namespace ThermalMonitor.Sim.Tests;

public class RandomStreamTests
{
    [Fact]
    public void SplitMix64_MatchesReferenceOutputForSeedZero()
    {
        // First outputs of Vigna's splitmix64.c with x = 0.
        var splitMix = new SplitMix64(0);

        Assert.Equal(0xE220A8397B1DCDAFUL, splitMix.NextUInt64());
        Assert.Equal(0x6E789E6AA1B965F4UL, splitMix.NextUInt64());
        Assert.Equal(0x06C45D188009454FUL, splitMix.NextUInt64());
    }

    [Fact]
    public void Xoshiro256StarStar_MatchesReferenceOutputForState1234()
    {
        // xoshiro256starstar.c with s = {1, 2, 3, 4}.
        var xoshiro = new Xoshiro256StarStar(1, 2, 3, 4);

        Assert.Equal(11520UL, xoshiro.NextUInt64());
        Assert.Equal(0UL, xoshiro.NextUInt64());
        Assert.Equal(1509978240UL, xoshiro.NextUInt64());
        Assert.Equal(1215971899390074240UL, xoshiro.NextUInt64());
    }

    [Fact]
    public void Fill_GivesTheSameSequenceAsRepeatedNext()
    {
        var one = new Xoshiro256StarStar(new SplitMix64(99));
        var bulk = new Xoshiro256StarStar(new SplitMix64(99));
        var filled = new ulong[37];

        bulk.Fill(filled);

        Assert.Equal(Enumerable.Range(0, 37).Select(_ => one.NextUInt64()), filled);
        Assert.Equal(one.NextUInt64(), bulk.NextUInt64());
    }

    [Fact]
    public void AllZeroState_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => new Xoshiro256StarStar(0, 0, 0, 0));
    }
}
