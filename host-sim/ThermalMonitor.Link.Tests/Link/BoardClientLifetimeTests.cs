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

    /// <summary>A board that never answers.</summary>
    private sealed class SilentLink : ISerialLink
    {
        private volatile bool open = true;

        public ManualResetEventSlim Written { get; } = new();

        public string Path => "/dev/silent";

        public bool IsOpen => open;

        public int Read(Span<byte> buffer, int timeoutMs)
        {
            ObjectDisposedException.ThrowIf(!open, this);
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
