using ThermalMonitor.Profiles;

namespace ThermalMonitor.Targets;

/// <summary>Where a running replay is, for progress bars and live alarm logs.</summary>
public readonly record struct ReplayProgress(long SamplesDone, long SamplesTotal, double ProfileTimeS, ResultAlarm? NewAlarm);
