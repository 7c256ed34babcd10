namespace ThermalMonitor.Serial.Tests;

public sealed class BaudPacerTests
{
    /// <summary>TimeSpan has 100 ns ticks; rounding is carried forward as debt, so errors do not add up.</summary>
    private const double Tolerance = 1e-6;

    [Fact]
    public void At_115200_baud_one_second_of_bytes_takes_one_second_less_the_burst()
    {
        var time = new FakeTimeProvider();
        var pacer = new BaudPacer(115200, time);
        var totalDelay = TimeSpan.Zero;

        // 11520 bytes = 1 s at 115200 baud (10 bits per byte), sent in line-sized pieces by a caller that waits as told.
        for (int sent = 0; sent < 11520; sent += 40)
        {
            var delay = pacer.DelayBefore(Math.Min(40, 11520 - sent));
            totalDelay += delay;
            time.Advance(delay);
        }

        double expectedS = (11520.0 - BaudPacer.DefaultBurstBytes) / 11520.0;
        Assert.Equal(expectedS, totalDelay.TotalSeconds, Tolerance);
    }

    [Fact]
    public void A_caller_that_does_not_wait_accumulates_debt()
    {
        var pacer = new BaudPacer(115200, new FakeTimeProvider());

        Assert.Equal(TimeSpan.Zero, pacer.DelayBefore(64));
        Assert.Equal(1.0, pacer.DelayBefore(11520).TotalSeconds, Tolerance);
        Assert.Equal(2.0, pacer.DelayBefore(11520).TotalSeconds, Tolerance);
    }

    [Fact]
    public void An_idle_line_refills_only_up_to_the_burst_allowance()
    {
        var time = new FakeTimeProvider();
        var pacer = new BaudPacer(9600, time);

        time.Advance(TimeSpan.FromHours(1));

        Assert.Equal(TimeSpan.Zero, pacer.DelayBefore(64));
        Assert.Equal(96 / 960.0, pacer.DelayBefore(96).TotalSeconds, Tolerance);
    }

    [Fact]
    public void Baud_zero_is_unpaced()
    {
        var time = new FakeTimeProvider(advanceOnTimer: true);
        var pacer = new BaudPacer(0, time);

        Assert.Equal(TimeSpan.Zero, pacer.DelayBefore(1_000_000));
        pacer.Pace(1_000_000);
        Assert.Equal(TimeSpan.Zero, time.Elapsed);
    }

    [Fact]
    public void Pace_sleeps_the_delays_on_the_given_clock()
    {
        var time = new FakeTimeProvider(advanceOnTimer: true);
        var pacer = new BaudPacer(115200, time);

        for (int i = 0; i < 11520 / 64; i++)
        {
            pacer.Pace(64);
        }

        // Timers work in whole milliseconds; the shortfall of each sleep is carried as debt into the
        // next, so only the last sleep's (under 1 ms) is missing from the total.
        double expectedS = (11520.0 - 64) / 11520.0;
        Assert.InRange(time.Elapsed.TotalSeconds, expectedS - 0.001, expectedS + Tolerance);
    }

    [Fact]
    public void PacedSerialLink_passes_every_byte_through_at_the_line_rate()
    {
        var time = new FakeTimeProvider(advanceOnTimer: true);
        var inner = new RecordingLink(time);
        var data = LinkIo.RandomBytes(92160 + 64, seed: 7); // one second at 921600 baud, plus the burst

        using (var paced = new PacedSerialLink(inner, 921600, time))
        {
            paced.Write(data);
        }

        Assert.Equal(data, inner.Writes.SelectMany(w => w.Bytes).ToArray());
        Assert.All(inner.Writes, w => Assert.True(w.Bytes.Length <= BaudPacer.DefaultBurstBytes));
        // Waits under 1 ms are carried as debt, so up to 1 ms of the last one may be left unslept.
        Assert.InRange(time.Elapsed.TotalSeconds, 0.999, 1.0 + Tolerance);
        Assert.False(inner.IsOpen);
    }
}
