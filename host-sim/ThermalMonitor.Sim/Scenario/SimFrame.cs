namespace ThermalMonitor.Sim;

/// <summary>A physics sample with the raw ADC reads taken for it.</summary>
/// <param name="Sample">Physical values and truth.</param>
/// <param name="Burst">Raw reads per channel, owned by this frame.</param>
public sealed record SimFrame(SimSample Sample, AdcBurst Burst);
