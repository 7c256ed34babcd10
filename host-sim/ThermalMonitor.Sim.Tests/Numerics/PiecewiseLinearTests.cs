namespace ThermalMonitor.Sim.Tests;

public class PiecewiseLinearTests
{
    [Fact]
    public void Interpolates_AndHoldsBeforeAndAfter()
    {
        var schedule = new PiecewiseLinear([(10.0, 0.0), (20.0, 50.0)]);

        Assert.Equal(0.0, schedule.ValueAt(-5.0));
        Assert.Equal(0.0, schedule.ValueAt(10.0));
        Assert.Equal(25.0, schedule.ValueAt(15.0), 12);
        Assert.Equal(50.0, schedule.ValueAt(20.0));
        Assert.Equal(50.0, schedule.ValueAt(1e9));
    }

    [Fact]
    public void RepeatedTime_IsAStep()
    {
        var schedule = new PiecewiseLinear([(0.0, 5.0), (100.0, 5.0), (100.0, 4.5), (200.0, 4.5)]);

        Assert.Equal(5.0, schedule.ValueAt(99.999));
        Assert.Equal(4.5, schedule.ValueAt(100.0));
        Assert.Equal(4.5, schedule.ValueAt(150.0));
    }

    [Fact]
    public void Constant_IsConstant()
    {
        var schedule = PiecewiseLinear.Constant(3.3);

        Assert.Equal(3.3, schedule.ValueAt(0.0));
        Assert.Equal(3.3, schedule.ValueAt(1e7));
    }

    [Fact]
    public void OutOfOrderOrEmpty_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => new PiecewiseLinear([(10.0, 1.0), (5.0, 2.0)]));
        Assert.Throws<ArgumentException>(() => new PiecewiseLinear([]));
        Assert.Throws<ArgumentException>(() => new PiecewiseLinear([(0.0, double.NaN)]));
    }
}
