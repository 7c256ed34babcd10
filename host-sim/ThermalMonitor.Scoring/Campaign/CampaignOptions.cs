using System.Globalization;
using ThermalMonitor.Sim;

namespace ThermalMonitor.Scoring;

/// <summary>
/// What a campaign measures (<see cref="CampaignRunner"/>): how many randomized loops, how many
/// nominal days and leaks over them, how long each phenomenon's ablation runs, which detector
/// configurations, and on how many cores. Everything but <see cref="Parallelism"/> is part of the
/// result (and its JSON): the same options give the same result whatever the core count.
/// </summary>
public sealed record CampaignOptions
{
    /// <summary>Longest case the world allows (its pressure-drift margin covers this).</summary>
    public const double MaxCaseHoursLimit = WorldRanges.MaxCaseDays * 24.0;

    /// <summary>Seed of the whole campaign: loops, cases, events and noise. Default 1.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Number of randomized loops. Default 8.</summary>
    public int Loops { get; init; } = 8;

    /// <summary>Nominal days of the full world, in total over the loops. Default 10.</summary>
    public double NominalDays { get; init; } = 10.0;

    /// <summary>Leak cases, in total over the loops. Default 30.</summary>
    public int Leaks { get; init; } = 30;

    /// <summary>
    /// Nominal days of each phenomenon's ablation (the benign base loop with that phenomenon alone on),
    /// spread over the loops. Default 1.
    /// </summary>
    public double AblationDays { get; init; } = 1.0;

    /// <summary>Detector configurations, by name (<see cref="DetectorConfigurations.Names"/>), fed the same counts in lockstep. Default all.</summary>
    public IReadOnlyList<string> Detectors { get; init; } = DetectorConfigurations.Names;

    /// <summary>Longest nominal case, hours; longer nominal time is split into cases of this length or less. Default 48 h.</summary>
    public double MaxCaseHours { get; init; } = 48.0;

    /// <summary>Cases run at once. Default every core. Not part of the result.</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Checks every option.</summary>
    /// <exception cref="ArgumentException">An option is out of range; the message is one line naming the option as the command line spells it.</exception>
    public void Validate()
    {
        Require(Loops is >= 1 and <= 100_000, "--loops", Loops, "a whole number from 1 to 100000");
        Require(NominalDays is >= 0 and <= 100_000 && double.IsFinite(NominalDays), "--nominal-days", NominalDays, "a number of days from 0 to 100000");
        Require(Leaks is >= 0 and <= 1_000_000, "--leaks", Leaks, "a whole number from 0 to 1000000");
        Require(AblationDays is >= 0 and <= 10_000 && double.IsFinite(AblationDays), "--ablation-days", AblationDays, "a number of days from 0 to 10000");
        Require(
            MaxCaseHours >= 1.0 && MaxCaseHours <= MaxCaseHoursLimit, "--case-hours", MaxCaseHours,
            $"a number of hours from 1 to {MaxCaseHoursLimit.ToString(CultureInfo.InvariantCulture)}");
        Require(Parallelism is >= 1 and <= 1024, "--parallel", Parallelism, "a whole number from 1 to 1024");
        ArgumentNullException.ThrowIfNull(Detectors);
        if (Detectors.Count == 0)
        {
            throw new ArgumentException("--detectors: expected at least one detector configuration");
        }

        foreach (string name in Detectors)
        {
            if (!DetectorConfigurations.Names.Contains(name))
            {
                throw new ArgumentException(
                    $"--detectors: unknown detector configuration '{name}'; known: {string.Join(", ", DetectorConfigurations.Names)}");
            }
        }

        if (Detectors.Distinct(StringComparer.Ordinal).Count() != Detectors.Count)
        {
            throw new ArgumentException($"--detectors: '{string.Join(",", Detectors)}' names a configuration twice");
        }
    }

    private static void Require(bool condition, string option, double value, string expected)
    {
        if (!condition)
        {
            throw new ArgumentException($"{option} {value.ToString(CultureInfo.InvariantCulture)}: expected {expected}");
        }
    }
}
