namespace ThermalMonitor.Profiles;

/// <summary>What a streamed profile knows of its rows without holding them: from one checking pass.</summary>
/// <param name="RowCount">Rows.</param>
/// <param name="FirstRow">The first row.</param>
/// <param name="LastRow">The last row.</param>
/// <param name="AnyPossibleTemperature">Whether some row holds a possible coolant temperature.</param>
internal sealed record ProfileRowSummary(int RowCount, ProfileRow FirstRow, ProfileRow LastRow, bool AnyPossibleTemperature);
