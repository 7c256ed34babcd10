using System.Globalization;
using ThermalMonitor.Sim;

namespace ThermalMonitor.Profiles;

/// <summary>
/// Runs the physics of a <see cref="RecordedScenario"/> and keeps the rows its plan asks for, with the
/// scenario's sensor faults in the fault columns. Values are quantised exactly as Profile CSV v1 writes
/// them, so the returned profile equals the one read back from its file.
/// </summary>
public static class ProfileGenerator
{
    /// <summary>The <c>generator</c> metadata of generated profiles.</summary>
    public const string GeneratorId =
        "ThermalMonitor.Profiles.ProfileGenerator (ThermalMonitor.Sim physics); parameters in <name>.scenario.json";

    /// <summary>Generates the profile.</summary>
    /// <exception cref="ArgumentException">
    /// The scenario is invalid, or the sparse period is not a positive whole number of output periods.
    /// </exception>
    public static Profile Generate(RecordedScenario recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        Scenario scenario = recorded.Scenario;
        scenario.Validate();
        long sparseEvery = SparseStride(recorded.Plan, scenario.OutputPeriodMs);
        var faults = new FaultSchedule(scenario.Faults, scenario.OutputPeriodMs);
        HashSet<long> faultEdges = FaultEdges(scenario);
        DenseWindow[] windows = [.. recorded.Plan.DenseWindows.OrderBy(w => w.StartS)];
        long lastIndex = scenario.SampleCount - 1;

        var rows = new List<ProfileRow>();
        foreach (SimSample sample in Simulation.RunPhysics(scenario))
        {
            bool keep = sample.Index % sparseEvery == 0
                || sample.Index == lastIndex
                || faultEdges.Contains(sample.Index)
                || InAnyWindow(windows, sample.TimeS);
            if (!keep)
            {
                continue;
            }

            rows.Add(new ProfileRow(
                sample.TimeS,
                CsvNumber.Quantise(sample.PressureKpa, ProfileColumns.PressureDecimals),
                CsvNumber.Quantise(sample.TempC, ProfileColumns.TempDecimals),
                CsvNumber.Quantise(sample.CabinTempC, ProfileColumns.CabinDecimals),
                FaultAt(faults, SensorChannel.Pressure, sample.Index),
                FaultAt(faults, SensorChannel.Temperature, sample.Index),
                FaultAt(faults, SensorChannel.Supply, sample.Index)));
        }

        return new Profile(scenario.Name, Metadata(recorded, sparseEvery), rows);
    }

    private static bool InAnyWindow(DenseWindow[] windows, double timeS)
    {
        foreach (DenseWindow window in windows)
        {
            if (window.Contains(timeS))
            {
                return true;
            }
        }

        return false;
    }

    private static long SparseStride(RecordingPlan plan, int outputPeriodMs)
    {
        double stride = plan.SparsePeriodS * 1000.0 / outputPeriodMs;
        long whole = (long)Math.Round(stride);
        return whole >= 1 && Math.Abs(stride - whole) < 1e-9
            ? whole
            : throw new ArgumentException(
                $"Plan.SparsePeriodS = {plan.SparsePeriodS} s must be a positive whole number of "
                + $"{outputPeriodMs} ms output periods.",
                nameof(plan));
    }

    /// <summary>
    /// Samples where a fault starts or ends. They are kept whatever the plan says, because the replay
    /// rebuilds each window from the rows where the fault column changes: without these rows a window
    /// would start or end at the neighbouring kept row instead.
    /// </summary>
    private static HashSet<long> FaultEdges(Scenario scenario)
    {
        var edges = new HashSet<long>();
        foreach (SensorFault fault in scenario.Faults)
        {
            long first = FaultSchedule.FirstSampleAtOrAfter(fault.StartS, scenario.OutputPeriodMs);
            edges.Add(first);
            edges.Add(fault.Kind == FaultKind.Glitch
                ? first + 1
                : FaultSchedule.FirstSampleAtOrAfter(fault.EndS, scenario.OutputPeriodMs));
        }

        return edges;
    }

    private static ProfileFault FaultAt(FaultSchedule faults, SensorChannel channel, long index) =>
        faults.ActiveAt(channel, index)?.Kind switch
        {
            null => ProfileFault.None,
            FaultKind.Open => ProfileFault.Open,
            FaultKind.Short => ProfileFault.Short,
            FaultKind.Stuck => ProfileFault.Stuck,
            FaultKind.NoiseBurst => ProfileFault.Noise,
            FaultKind.Glitch => ProfileFault.Glitch,
            FaultKind kind => throw new ArgumentOutOfRangeException(nameof(faults), kind, "Unknown fault kind."),
        };

    private static Dictionary<string, string> Metadata(RecordedScenario recorded, long sparseEvery)
    {
        Scenario scenario = recorded.Scenario;
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [Profile.FormatKey] = Profile.FormatId,
            [Profile.NameKey] = scenario.Name,
            ["description"] = scenario.Description,
            [Profile.SensorSeedKey] = recorded.SensorSeed.ToString(CultureInfo.InvariantCulture),
            [Profile.PeriodMsKey] = scenario.OutputPeriodMs.ToString(CultureInfo.InvariantCulture),
            ["generator"] = GeneratorId,
            ["row_spacing"] = string.Create(CultureInfo.InvariantCulture,
                $"every {scenario.OutputPeriodMs} ms in {recorded.Plan.DenseWindows.Count} dense window(s) "
                + $"and at fault edges, "
                + $"every {sparseEvery * scenario.OutputPeriodMs / 1000.0} s elsewhere; replay interpolates linearly"),
        };
        if (scenario.StartUtc is DateTimeOffset start)
        {
            metadata[Profile.StartUtcKey] = ForeignTime.FormatUtc(start);
        }

        if (recorded.Source is not null)
        {
            metadata["source"] = recorded.Source;
        }

        return metadata;
    }
}
