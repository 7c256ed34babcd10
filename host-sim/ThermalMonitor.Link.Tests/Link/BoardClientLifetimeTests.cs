using ThermalMonitor.Core.Link;
using ThermalMonitor.Link;
using ThermalMonitor.Serial;

namespace ThermalMonitor.Link.Tests;

/// <summary>
/// A command still waiting when its client is closed ends with a clear exception: it runs on the
/// caller's thread or on a pool thread after a reconnection (BoardClient.Resynchronise), where a
/// bare AggregateException ended the test host's process.
/// </summary>
public class BoardClientLifetimeTests
{
    [Fact]
    public void A_command_waiting_when_the_client_is_closed_throws_object_disposed_not_an_aggregate()
    {
        using var link = new SilentLink();
        var client = new BoardClient(link);
        Task<BoardLine> waiting = Task.Run(() => client.Send(LinkDictionary.Status, timeoutMs: 30_000));
        Assert.True(link.Written.Wait(10_000), "the command reached the link");

        client.Dispose();

        var error = Assert.Throws<ObjectDisposedException>(() => waiting.GetAwaiter().GetResult());
        Assert.Contains("STATUS", error.Message, StringComparison.Ordinal);
        Assert.Contains(link.Path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resynchronising_a_closed_client_returns_quietly()
    {
        using var link = new SilentLink();
        var client = new BoardClient(link);
        client.Dispose();

        client.Resynchronise(); // what a late Reconnected event does on a pool thread
    }

    [Fact]
    public void A_link_lost_for_good_is_reported_once_and_then_every_command_fails_with_its_reason()
    {
        using var link = new SilentLink();
        using var client = new BoardClient(link);
        var failures = new List<Exception>();
        using var reported = new ManualResetEventSlim();
        client.LinkFailed += e => { lock (failures) { failures.Add(e); } reported.Set(); };

        link.Lose(new SerialLinkLostException(link.Path, "not back after 15000 ms of retrying"));

        Assert.True(reported.Wait(10_000), "LinkFailed was raised");
        Thread.Sleep(200); // a second report would come from a second read
        Assert.IsType<SerialLinkLostException>(Assert.Single(failures));
        var error = Assert.Throws<BoardProtocolException>(() => client.Send(LinkDictionary.Status, timeoutMs: 1000));
        Assert.Contains("not back after 15000 ms", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A board that never answers.</summary>
    private sealed class SilentLink : ISerialLink
    {
        private volatile bool open = true;

        public ManualResetEventSlim Written { get; } = new();

        public string Path => "/dev/silent";

        public bool IsOpen => open;

        private volatile Exception? lost;

        /// <summary>The next read throws <paramref name="reason"/>, as a reconnecting link does once an outage outlasts its timeout.</summary>
        public void Lose(Exception reason) => lost = reason;

        public int Read(Span<byte> buffer, int timeoutMs)
        {
            ObjectDisposedException.ThrowIf(!open, this);
            if (lost is { } reason)
            {
                throw reason;
            }

            Thread.Sleep(Math.Clamp(timeoutMs, 0, 20));
            return 0;
        }

        public void Write(ReadOnlySpan<byte> data)
        {
            ObjectDisposedException.ThrowIf(!open, this);
            Written.Set();
        }

        public void Dispose() => open = false;
    }
}
