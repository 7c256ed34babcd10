namespace ThermalMonitor.Serial.Tests;

/// <summary>An in-memory link that remembers every write, and the fake time at which it happened.</summary>
internal sealed class RecordingLink(FakeTimeProvider time) : ISerialLink
{
    public List<(TimeSpan At, byte[] Bytes)> Writes { get; } = [];

    public string Path => "memory";

    public bool IsOpen { get; private set; } = true;

    public int Read(Span<byte> buffer, int timeoutMs) => 0;

    public void Write(ReadOnlySpan<byte> data) => Writes.Add((time.Elapsed, data.ToArray()));

    public void Dispose() => IsOpen = false;
}
