using System.Collections.Concurrent;
using System.Diagnostics;
using ThermalMonitor.Core.Monitoring;
using ThermalMonitor.Sim;

namespace ThermalMonitor.Scoring;

/// <summary>
/// Runs a campaign: draws the loops, plans the cases (<see cref="CampaignPlan"/>), runs them on
/// <see cref="CampaignOptions.Parallelism"/> cores (<see cref="CaseRunner"/>, longest first, one case
/// at a time per worker) and summarizes them per detector. Every case's randomness derives from
/// (seed, case), and results are gathered in plan order, so the result is the same whatever the
/// scheduling and core count.
/// </summary>
public static class CampaignRunner
{
    /// <summary>Runs <paramref name="options"/>; <paramref name="progress"/> is called from worker threads, concurrently.</summary>
    /// <exception cref="ArgumentException">The options are invalid; the message names the option.</exception>
    public static CampaignRun Run(CampaignOptions options, IProgress<CampaignProgress>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var wall = Stopwatch.StartNew();
        IReadOnlyList<CaseSpec> plan = CampaignPlan.Cases(options);
        LoopDraw[] loops = [.. Enumerable.Range(0, options.Loops).Select(i => WorldSampler.Draw(options.Seed, i))];
        var measurement = new LeakMonitor(DetectorConfigurations.Create(DetectorConfigurations.V2));
        int periodMs = measurement.Derived.SamplePeriodMs;
        long PlannedSamples(CaseSpec c) => (long)Math.Round(c.DurationS * 1000.0 / periodMs);
        long workTotal = plan.Sum(PlannedSamples);
        long workDone = 0;
        int casesDone = 0;

        var results = new CaseResult[plan.Count];
        CaseSpec[] longestFirst = [.. plan.OrderByDescending(c => c.DurationS).ThenBy(c => c.Index)];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism, CancellationToken = cancellation };
        Parallel.ForEach(Partitioner.Create(longestFirst, EnumerablePartitionerOptions.NoBuffering), parallel, spec =>
        {
            long reported = 0;
            void Report(long samples)
            {
                reported += samples;
                long done = Interlocked.Add(ref workDone, samples);
                progress?.Report(new CampaignProgress(Volatile.Read(ref casesDone), plan.Count, done, workTotal));
            }

            results[spec.Index] = CaseRunner.Run(spec, loops[spec.LoopIndex], options.Detectors, Report, cancellation);

            // A leak case that stops early still counts its whole planned length as done.
            long done = Interlocked.Add(ref workDone, PlannedSamples(spec) - reported);
            progress?.Report(new CampaignProgress(Interlocked.Increment(ref casesDone), plan.Count, done, workTotal));
        });

        var detectors = new Dictionary<string, DetectorSummary>(StringComparer.Ordinal);
        foreach (string name in options.Detectors)
        {
            detectors[name] = CampaignSummarizer.Summarize(name, results);
        }

        var result = new CampaignResult
        {
            Options = options,
            BoundFalseAlarmIntervalSamples = measurement.Derived.FalseAlarmIntervalSamples,
            SamplePeriodMs = periodMs,
            Loops = loops,
            Cases = results,
            Detectors = detectors,
        };
        return new CampaignRun(result, wall.Elapsed.TotalSeconds, results.Sum(r => r.SamplesReplayed));
    }
}
