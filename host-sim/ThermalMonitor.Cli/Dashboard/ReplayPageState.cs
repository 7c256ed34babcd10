namespace ThermalMonitor.Cli.Dashboard;

/// <summary>
/// A replay as the page shows it (event <c>replay</c>): what is replayed, how far it is, and what the
/// profile knows about time: the UTC time of profile time 0 and the leak onset, when it has them.
/// The board's clock counts profile seconds, so the page places alarms and the onset on one axis.
/// </summary>
/// <param name="Profile">The profile's name or file.</param>
/// <param name="Description">Its description, if any.</param>
/// <param name="Target">Where it runs (sil, virtual, serial:…).</param>
/// <param name="FirstS">Profile time of the first sample replayed (not 0 for a --window).</param>
/// <param name="LastS">Profile time of the last.</param>
/// <param name="StartUtc">UTC of profile time 0 (ISO 8601), or null when the profile does not say.</param>
/// <param name="OnsetS">Leak onset (ground truth, profile seconds), or null when not known.</param>
/// <param name="SamplesDone">Samples sent to the board so far.</param>
/// <param name="SamplesTotal">Samples in the replay.</param>
/// <param name="ProfileTimeS">Profile time of the newest sample sent.</param>
/// <param name="Speed">The pace (1 = real time; 0 = as fast as possible).</param>
/// <param name="Phase">running, finished, stopped or failed.</param>
/// <param name="Text">What ended it, in words (null while running).</param>
public sealed record ReplayPageState(
    string Profile, string Description, string Target, double FirstS, double LastS, string? StartUtc, double? OnsetS,
    long SamplesDone, long SamplesTotal, double ProfileTimeS, double Speed, string Phase, string? Text);
