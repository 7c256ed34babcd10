namespace ThermalMonitor.Scoring.Tests;

/// <summary>
/// The reduced campaign of the test suite, run once per test class, twice: on one worker and on two.
/// 3 loops, 2 nominal days, 7 leaks, 1.2 h of ablation per phenomenon.
/// </summary>
public sealed class ReducedCampaign
{
    public static readonly CampaignOptions Options = new()
    {
        Seed = 2024, Loops = 3, NominalDays = 2, Leaks = 7, AblationDays = 0.05, MaxCaseHours = 24,
    };

    public ReducedCampaign()
    {
        OneWorker = CampaignRunner.Run(Options with { Parallelism = 1 });
        TwoWorkers = CampaignRunner.Run(Options with { Parallelism = 2 });
        Json = CampaignJson.Serialize(OneWorker.Result);
    }

    public CampaignRun OneWorker { get; }

    public CampaignRun TwoWorkers { get; }

    public CampaignResult Result => OneWorker.Result;

    public string Json { get; }
}

/// <summary>One reduced campaign for every test class that reads it.</summary>
[CollectionDefinition(Name)]
public sealed class ReducedCampaignCollection : ICollectionFixture<ReducedCampaign>
{
    public const string Name = "Reduced campaign";
}
