using System.Text;
using System.Text.Json;
using ThermalMonitor.Sim;

namespace ThermalMonitor.Scoring;

/// <summary>
/// The campaign result as JSON, schema <c>thermal-monitor/campaign-result@1</c>: seed and options,
/// the definitions the numbers depend on, per detector the summary (false alarms overall, per cause
/// and per phenomenon; leaks per hole-size class), every loop's draw, and every case with its draw
/// summary, onset, hole, noise, bound and per-detector alarms. Same result, same bytes: no wall-clock
/// times, no core count, numbers in their shortest round-trip form, non-finite numbers as null.
/// </summary>
public static class CampaignJson
{
    /// <summary>The schema identifier.</summary>
    public const string SchemaId = "thermal-monitor/campaign-result@1";

    /// <summary>The JSON text of <paramref name="result"/> (indented, LF line ends).</summary>
    public static string Serialize(CampaignResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("schema", SchemaId);
            w.WriteNumber("seed", result.Options.Seed);
            WriteOptions(w, result.Options);
            WriteDefinitions(w, result);
            w.WriteStartObject("detectors");
            foreach (string name in result.Options.Detectors)
            {
                w.WritePropertyName(name);
                WriteSummary(w, result.Detectors[name]);
            }

            w.WriteEndObject();
            w.WriteStartArray("loops");
            foreach (LoopDraw loop in result.Loops)
            {
                JsonSerializer.SerializeToElement(loop, LoopDraw.JsonOptions).WriteTo(w);
            }

            w.WriteEndArray();
            w.WriteStartArray("cases");
            foreach (CaseResult c in result.Cases)
            {
                WriteCase(w, c);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteOptions(Utf8JsonWriter w, CampaignOptions options)
    {
        w.WriteStartObject("options");
        w.WriteNumber("loops", options.Loops);
        w.WriteNumber("nominal_days", options.NominalDays);
        w.WriteNumber("leaks", options.Leaks);
        w.WriteNumber("ablation_days", options.AblationDays);
        w.WriteNumber("case_hours", options.MaxCaseHours);
        w.WriteStartArray("detectors");
        foreach (string name in options.Detectors)
        {
            w.WriteStringValue(name);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteDefinitions(Utf8JsonWriter w, CampaignResult result)
    {
        w.WriteStartObject("definitions");
        w.WriteNumber("sample_period_ms", result.SamplePeriodMs);
        w.WriteNumber("bound_false_alarm_interval_samples", result.BoundFalseAlarmIntervalSamples);
        w.WriteNumber("bound_batch_s", CaseRunner.BatchS);
        w.WriteNumber("hole_min_mm", CampaignPlan.MinHoleMm);
        w.WriteNumber("hole_max_mm", CampaignPlan.MaxHoleMm);
        w.WriteNumber("onset_min_s", CampaignPlan.MinOnsetS);
        w.WriteNumber("onset_max_s", CampaignPlan.MaxOnsetS);
        w.WriteNumber("after_onset_s", CampaignPlan.AfterOnsetS);
        w.WriteNumber("after_empty_s", CampaignPlan.AfterEmptyS);
        w.WriteNumber("false_alarms_listed_per_case", DetectorCaseResult.MaxListedFalseAlarms);
        w.WriteStartObject("detector_descriptions");
        foreach (string name in result.Options.Detectors)
        {
            w.WriteString(name, DetectorConfigurations.Describe(name));
        }

        w.WriteEndObject();
        w.WriteStartArray("phenomena");
        foreach (Phenomena p in PhenomenaCatalog.Each.Append(Phenomena.All))
        {
            w.WriteStartObject();
            w.WriteString("name", PhenomenaCatalog.Name(p));
            w.WriteString("description", PhenomenaCatalog.Describe(p));
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteSummary(Utf8JsonWriter w, DetectorSummary s)
    {
        w.WriteStartObject();
        w.WriteNumber("nominal_days", s.NominalDays);
        w.WriteNumber("false_alarms", s.FalseAlarms);
        Number(w, "false_alarms_per_day", s.FalseAlarmsPerDay);
        Causes(w, "false_alarms_by_cause", s.FalseAlarmsByCause);
        w.WriteStartArray("phenomena");
        foreach (PhenomenonFalseAlarms p in s.Phenomena)
        {
            w.WriteStartObject();
            w.WriteString("phenomenon", p.Phenomenon);
            w.WriteNumber("days", p.Days);
            w.WriteNumber("false_alarms", p.FalseAlarms);
            Number(w, "false_alarms_per_day", p.PerDay);
            Causes(w, "by_cause", p.ByCause);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteNumber("leaks", s.Leaks);
        w.WriteNumber("detected", s.Detected);
        w.WriteNumber("missed", s.Missed);
        w.WriteNumber("missed_with_alarm_active", s.MissedWithAlarmActive);
        Distribution(w, "delay_over_bound", s.Ratio);
        w.WriteStartArray("hole_classes");
        foreach (HoleClassStatistics k in s.HoleClasses)
        {
            w.WriteStartObject();
            w.WriteString("class", k.Class.Label);
            w.WriteNumber("min_mm", k.Class.MinMm);
            Number(w, "max_mm", k.Class.MaxMm);
            w.WriteNumber("count", k.Count);
            w.WriteNumber("missed", k.Missed);
            w.WriteNumber("missed_with_alarm_active", k.MissedWithAlarmActive);
            Distribution(w, "delay_s", k.DelayS);
            Distribution(w, "bound_s", k.BoundS);
            Distribution(w, "delay_over_bound", k.Ratio);
            Distribution(w, "delay_minus_bound_s", k.ExcessS);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("missed_cases");
        foreach (int index in s.MissedCases)
        {
            w.WriteNumberValue(index);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteCase(Utf8JsonWriter w, CaseResult c)
    {
        CaseSpec spec = c.Spec;
        w.WriteStartObject();
        w.WriteNumber("index", spec.Index);
        w.WriteString("kind", spec.Kind switch { CaseKind.Nominal => "nominal", CaseKind.Ablation => "ablation", _ => "leak" });
        w.WriteNumber("loop", spec.LoopIndex);
        w.WriteString("phenomena", PhenomenaCatalog.Name(spec.Phenomena));
        w.WriteNumber("seed", spec.Seed);
        w.WriteNumber("duration_s", spec.DurationS);
        w.WriteStartObject("draw");
        w.WriteNumber("logger_period_ms", c.LoggerPeriodMs);
        w.WriteNumber("rows", c.Rows);
        w.WriteNumber("beta_phase_deg", c.BetaPhaseDeg);
        w.WriteNumber("heater_steps", c.HeaterSteps);
        w.WriteNumber("pump_stops", c.PumpStops);
        w.WriteNumber("glitches", c.Glitches);
        w.WriteEndObject();
        w.WriteNumber("samples_replayed", c.SamplesReplayed);
        w.WriteNumber("nominal_s", c.NominalS);
        Number(w, "onset_s", spec.OnsetS);
        Number(w, "hole_mm", spec.HoleMm);
        Number(w, "empty_at_s", c.EmptyAtS);
        Number(w, "measurement_sigma_pa", c.MeasurementSigmaPa);
        Number(w, "long_run_sigma_pa", c.LongRunSigmaPa);
        Number(w, "bound_s", c.BoundS);
        w.WriteStartObject("detectors");
        foreach (DetectorCaseResult d in c.Detectors)
        {
            w.WriteStartObject(d.Detector);
            w.WriteNumber("false_alarms", d.FalseAlarmCount);
            Causes(w, "false_alarms_by_cause", d.FalseAlarmsByCause);
            w.WriteStartArray("false_alarm_list");
            foreach (CampaignAlarm alarm in d.FalseAlarms)
            {
                Alarm(w, alarm);
            }

            w.WriteEndArray();
            if (c.IsLeak)
            {
                w.WritePropertyName("first_alarm");
                if (d.FirstLeakAlarm is { } first)
                {
                    Alarm(w, first);
                }
                else
                {
                    w.WriteNullValue();
                }

                w.WriteBoolean("alarm_active_at_onset", d.AlarmActiveAtOnset == true);
                double? delay = c.DelayS(d.Detector);
                Number(w, "delay_s", delay);
                Number(w, "delay_over_bound", delay is { } x && c.BoundS is { } b && b > 0 ? x / b : null);
            }

            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void Alarm(Utf8JsonWriter w, CampaignAlarm alarm)
    {
        w.WriteStartObject();
        w.WriteNumber("time_s", alarm.TimeS);
        w.WriteString("severity", alarm.Severity);
        w.WriteString("cause", alarm.Cause);
        w.WriteEndObject();
    }

    private static void Causes(Utf8JsonWriter w, string name, IReadOnlyDictionary<string, int> causes)
    {
        w.WriteStartObject(name);
        foreach ((string cause, int count) in causes.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            w.WriteNumber(cause, count);
        }

        w.WriteEndObject();
    }

    private static void Distribution(Utf8JsonWriter w, string name, DistributionSummary d)
    {
        w.WriteStartObject(name);
        w.WriteNumber("count", d.Count);
        Number(w, "median", d.Median);
        Number(w, "p90", d.P90);
        Number(w, "worst", d.Worst);
        w.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v))
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
