using System.Globalization;
using System.Text.Json;
using ThermalMonitor.Sim;

namespace ThermalMonitor.Profiles;

/// <summary>
/// <c>&lt;name&gt;.scenario.json</c> (schema <c>thermal-monitor/scenario@1</c>): a
/// <see cref="RecordedScenario"/> with every <see cref="Scenario"/> parameter written out, defaults
/// included — schedules, leak steps, pump switches, faults, sensor and ADC settings, the thermistor's
/// Steinhart–Hart coefficients — so that changing a default in ThermalMonitor.Sim later cannot silently
/// change a recorded profile: the regeneration test would catch the drift. Numbers are written in the
/// shortest form that reads back to the identical double.
/// </summary>
/// <remarks>
/// Reading is strict: every property is required and unknown ones are rejected; the scenario is then
/// validated (<see cref="Scenario.Validate"/>), its errors reported at the scenario object. The
/// exceptions are the phenomena added for the randomized world after the library was recorded
/// (<c>heater</c>, <c>temp_sensor</c>): they are off by default, written only when on, and an absent
/// object reads as off — so every recorded file keeps its bytes. Inside such an object every property
/// is required again.
/// </remarks>
public static class ScenarioJson
{
    /// <summary>The schema identifier.</summary>
    public const string SchemaId = "thermal-monitor/scenario@1";

    /// <summary>Reads a recorded scenario.</summary>
    /// <exception cref="ProfileFormatException">
    /// Malformed, incomplete or invalid: path:line:column and what was expected.
    /// </exception>
    public static RecordedScenario Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using JsonSource source = JsonText.ReadFile(path);
        return Parse(source.Root);
    }

    /// <summary>Parses scenario JSON text; <paramref name="sourceName"/> names it in error messages.</summary>
    /// <exception cref="ProfileFormatException">Malformed, incomplete or invalid.</exception>
    public static RecordedScenario Deserialize(string json, string sourceName = "<scenario>")
    {
        ArgumentNullException.ThrowIfNull(json);
        using JsonSource source = JsonSource.Parse(System.Text.Encoding.UTF8.GetBytes(json), sourceName);
        return Parse(source.Root);
    }

    /// <summary>Writes <paramref name="recorded"/> deterministically (same value, same bytes).</summary>
    public static void Write(RecordedScenario recorded, string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        JsonText.WriteFile(path, Serialize(recorded));
    }

    /// <summary>The file text of <paramref name="recorded"/>.</summary>
    public static string Serialize(RecordedScenario recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        return JsonText.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("schema", SchemaId);
            w.WriteNumber("sensor_seed", recorded.SensorSeed);
            w.WriteNullableString("source", recorded.Source);
            w.WriteStartObject("plan");
            w.WriteNumber("sparse_period_s", recorded.Plan.SparsePeriodS);
            w.WriteStartArray("dense_windows");
            foreach (DenseWindow window in recorded.Plan.DenseWindows)
            {
                w.WriteStartObject();
                w.WriteNumber("start_s", window.StartS);
                w.WriteNumber("end_s", window.EndS);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WritePropertyName("scenario");
            WriteScenario(w, recorded.Scenario);
            w.WriteEndObject();
        });
    }

    private static void WriteScenario(Utf8JsonWriter w, Scenario s)
    {
        w.WriteStartObject();
        w.WriteString("name", s.Name);
        w.WriteString("description", s.Description);
        w.WriteNullableString("start_utc", s.StartUtc?.ToString(JsonText.DateTimeFormat, CultureInfo.InvariantCulture));
        w.WriteNumber("duration_s", s.DurationS);
        w.WriteNumber("output_period_ms", s.OutputPeriodMs);
        w.WriteNumber("max_physics_step_ms", s.MaxPhysicsStepMs);

        w.WriteStartObject("coolant");
        w.WriteNumber("density_kg_per_m3", s.Coolant.DensityKgPerM3);
        w.WriteNumber("thermal_expansion_per_k", s.Coolant.ThermalExpansionPerK);
        w.WriteNumber("vapour_pressure_at_20c_kpa", s.Coolant.VapourPressureAt20CKpa);
        w.WriteNumber("vaporisation_enthalpy_j_per_mol", s.Coolant.VaporisationEnthalpyJPerMol);
        w.WriteEndObject();

        CoolantLoopSettings loop = s.Loop;
        w.WriteStartObject("loop");
        w.WriteNumber("inventory_liters", loop.InventoryLiters);
        w.WriteNumber("reference_temp_c", loop.ReferenceTempC);
        w.WriteNumber("nominal_pressure_kpa", loop.NominalPressureKpa);
        w.WriteNumber("accumulator_gas_liters", loop.AccumulatorGasLiters);
        w.WriteNumber("accumulator_reserve_liters", loop.AccumulatorReserveLiters);
        w.WriteNumber("polytropic_index", loop.PolytropicIndex);
        w.WriteNumber("effective_bulk_modulus_mpa", loop.EffectiveBulkModulusMpa);
        w.WriteNumber("saturated_residual_head_kpa", loop.SaturatedResidualHeadKpa);
        w.WriteNumber("empty_floor_pressure_kpa", loop.EmptyFloorPressureKpa);
        w.WriteNumber("vapour_vent_velocity_m_per_s", loop.VapourVentVelocityMPerS);
        w.WriteEndObject();

        w.WriteStartObject("leak");
        w.WriteNumber("discharge_coefficient", s.Leak.DischargeCoefficient);
        w.WriteStartArray("steps");
        foreach (LeakStep step in s.Leak.Steps)
        {
            w.WriteStartObject();
            w.WriteNumber("onset_s", step.OnsetS);
            w.WriteNumber("hole_diameter_mm", step.HoleDiameterMm);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();

        OrbitSettings orbit = s.Orbit;
        w.WriteStartObject("orbit");
        w.WriteNumber("altitude_km", orbit.AltitudeKm);
        WriteSchedule(w, "beta_deg", orbit.BetaDeg);
        w.WriteNumber("sun_temp_c", orbit.SunTempC);
        w.WriteNumber("eclipse_temp_c", orbit.EclipseTempC);
        w.WriteNumber("thermal_time_constant_min", orbit.ThermalTimeConstantMin);
        w.WriteEndObject();

        PumpSettings pump = s.Pump;
        w.WriteStartObject("pump");
        w.WriteBoolean("initially_running", pump.InitiallyRunning);
        w.WriteNumber("ripple_amplitude_kpa", pump.RippleAmplitudeKpa);
        w.WriteNumber("ripple_frequency_hz", pump.RippleFrequencyHz);
        w.WriteNumber("switch_transient_kpa", pump.SwitchTransientKpa);
        w.WriteNumber("switch_transient_time_constant_s", pump.SwitchTransientTimeConstantS);
        w.WriteNumber("running_suction_drop_kpa", pump.RunningSuctionDropKpa);
        w.WriteStartArray("switches");
        foreach (PumpSwitch change in pump.Switches)
        {
            w.WriteStartObject();
            w.WriteNumber("time_s", change.TimeS);
            w.WriteBoolean("running", change.Running);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();

        // Added with the randomized world: written only when on, so recorded files keep their bytes.
        if (s.Heater.Steps.Count > 0)
        {
            w.WriteStartObject("heater");
            w.WriteStartArray("steps");
            foreach (HeaterStep step in s.Heater.Steps)
            {
                w.WriteStartObject();
                w.WriteNumber("time_s", step.TimeS);
                w.WriteNumber("offset_c", step.OffsetC);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        if (s.TempSensor != new TemperatureSensorSettings())
        {
            w.WriteStartObject("temp_sensor");
            w.WriteNumber("lag_time_constant_min", s.TempSensor.LagTimeConstantMin);
            w.WriteEndObject();
        }

        CabinSettings cabin = s.Cabin;
        w.WriteStartObject("cabin");
        w.WriteNumber("nominal_temp_c", cabin.NominalTempC);
        w.WriteNumber("heated_temp_c", cabin.HeatedTempC);
        w.WriteNumber("heating_time_constant_h", cabin.HeatingTimeConstantH);
        w.WriteNumber("cooling_lost_below_inventory_fraction", cabin.CoolingLostBelowInventoryFraction);
        w.WriteEndObject();

        WriteSensors(w, s.Sensors);

        w.WriteStartArray("faults");
        foreach (SensorFault fault in s.Faults)
        {
            w.WriteStartObject();
            w.WriteString("channel", ChannelName(fault.Channel));
            w.WriteString("kind", KindName(fault.Kind));
            w.WriteNumber("start_s", fault.StartS);
            w.WriteNumber("end_s", fault.EndS);
            w.WriteNumber("noise_multiplier", fault.NoiseMultiplier);
            w.WriteNumber("glitch_pin_volts", fault.GlitchPinVolts);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteSensors(Utf8JsonWriter w, SensorSettings sensors)
    {
        w.WriteStartObject("sensors");
        w.WriteNumber("burst_length", sensors.BurstLength);
        w.WriteNumber("pressure_full_scale_kpa", sensors.PressureFullScaleKpa);
        WriteSchedule(w, "supply_volts", sensors.SupplyVolts);
        w.WriteNumber("pressure_divider_ratio", sensors.PressureDividerRatio);
        w.WriteNumber("supply_divider_ratio", sensors.SupplyDividerRatio);
        w.WriteStartObject("thermistor");
        w.WriteNumber("steinhart_hart_a", sensors.Thermistor.CoefficientA);
        w.WriteNumber("steinhart_hart_b", sensors.Thermistor.CoefficientB);
        w.WriteNumber("steinhart_hart_c", sensors.Thermistor.CoefficientC);
        w.WriteEndObject();
        w.WriteNumber("thermistor_series_ohms", sensors.ThermistorSeriesOhms);
        w.WriteNumber("logic_rail_volts", sensors.LogicRailVolts);
        AdcSettings adc = sensors.Adc;
        w.WriteStartObject("adc");
        w.WriteNumber("offset_error_mv", adc.OffsetErrorMv);
        w.WriteNumber("gain_error_percent", adc.GainErrorPercent);
        w.WriteNumber("noise_sigma_lsb", adc.NoiseSigmaLsb);
        w.WriteNumber("outlier_probability", adc.OutlierProbability);
        w.WriteNumber("outlier_min_lsb", adc.OutlierMinLsb);
        w.WriteNumber("outlier_max_lsb", adc.OutlierMaxLsb);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteSchedule(Utf8JsonWriter w, string name, PiecewiseLinear schedule)
    {
        w.WriteStartArray(name);
        foreach ((double timeS, double value) in schedule.Points)
        {
            w.WriteStartObject();
            w.WriteNumber("time_s", timeS);
            w.WriteNumber("value", value);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static RecordedScenario Parse(JsonValueReader root)
    {
        root.Property("schema").OneOf(SchemaId);
        ulong seed = root.Property("sensor_seed").UInt64();
        string? source = root.Property("source").NullableString();
        JsonValueReader planReader = root.Property("plan");
        var plan = new RecordingPlan(
            planReader.Property("sparse_period_s").Double(),
            planReader.Property("dense_windows").Items().Select(item =>
            {
                var window = new DenseWindow(item.Property("start_s").Double(), item.Property("end_s").Double());
                item.RejectUnknownProperties();
                return window.EndS >= window.StartS
                    ? window
                    : throw item.Error($"expected end_s ≥ start_s, found {window.EndS} < {window.StartS}");
            }).ToArray());
        planReader.RejectUnknownProperties();
        if (!(plan.SparsePeriodS > 0.0))
        {
            throw planReader.Property("sparse_period_s").Error($"expected a period > 0 s, found {plan.SparsePeriodS}");
        }

        JsonValueReader scenarioReader = root.Property("scenario");
        Scenario scenario = ParseScenario(scenarioReader);
        root.RejectUnknownProperties();
        try
        {
            scenario.Validate();
        }
        catch (ArgumentException e)
        {
            throw scenarioReader.Error($"expected a valid scenario, found: {e.Message}");
        }

        return new RecordedScenario(scenario, seed, plan, source);
    }

    private static Scenario ParseScenario(JsonValueReader s)
    {
        var scenario = new Scenario
        {
            Name = s.Property("name").String(),
            Description = s.Property("description").String(),
            StartUtc = s.Property("start_utc").NullableDateTimeOffset(),
            DurationS = s.Property("duration_s").Double(),
            OutputPeriodMs = s.Property("output_period_ms").Int32(),
            MaxPhysicsStepMs = s.Property("max_physics_step_ms").Int32(),
            Coolant = Strict(s.Property("coolant"), c => new CoolantProperties
            {
                DensityKgPerM3 = c.Property("density_kg_per_m3").Double(),
                ThermalExpansionPerK = c.Property("thermal_expansion_per_k").Double(),
                VapourPressureAt20CKpa = c.Property("vapour_pressure_at_20c_kpa").Double(),
                VaporisationEnthalpyJPerMol = c.Property("vaporisation_enthalpy_j_per_mol").Double(),
            }),
            Loop = Strict(s.Property("loop"), l => new CoolantLoopSettings
            {
                InventoryLiters = l.Property("inventory_liters").Double(),
                ReferenceTempC = l.Property("reference_temp_c").Double(),
                NominalPressureKpa = l.Property("nominal_pressure_kpa").Double(),
                AccumulatorGasLiters = l.Property("accumulator_gas_liters").Double(),
                AccumulatorReserveLiters = l.Property("accumulator_reserve_liters").Double(),
                PolytropicIndex = l.Property("polytropic_index").Double(),
                EffectiveBulkModulusMpa = l.Property("effective_bulk_modulus_mpa").Double(),
                SaturatedResidualHeadKpa = l.Property("saturated_residual_head_kpa").Double(),
                EmptyFloorPressureKpa = l.Property("empty_floor_pressure_kpa").Double(),
                VapourVentVelocityMPerS = l.Property("vapour_vent_velocity_m_per_s").Double(),
            }),
            Leak = Strict(s.Property("leak"), l => new LeakSettings
            {
                DischargeCoefficient = l.Property("discharge_coefficient").Double(),
                Steps = l.Property("steps").Items()
                    .Select(i => Strict(i, x => new LeakStep(
                        x.Property("onset_s").Double(), x.Property("hole_diameter_mm").Double())))
                    .ToArray(),
            }),
            Orbit = Strict(s.Property("orbit"), o => new OrbitSettings
            {
                AltitudeKm = o.Property("altitude_km").Double(),
                BetaDeg = Schedule(o.Property("beta_deg")),
                SunTempC = o.Property("sun_temp_c").Double(),
                EclipseTempC = o.Property("eclipse_temp_c").Double(),
                ThermalTimeConstantMin = o.Property("thermal_time_constant_min").Double(),
            }),
            Pump = Strict(s.Property("pump"), p => new PumpSettings
            {
                InitiallyRunning = p.Property("initially_running").Boolean(),
                RippleAmplitudeKpa = p.Property("ripple_amplitude_kpa").Double(),
                RippleFrequencyHz = p.Property("ripple_frequency_hz").Double(),
                SwitchTransientKpa = p.Property("switch_transient_kpa").Double(),
                SwitchTransientTimeConstantS = p.Property("switch_transient_time_constant_s").Double(),
                RunningSuctionDropKpa = p.Property("running_suction_drop_kpa").Double(),
                Switches = p.Property("switches").Items()
                    .Select(i => Strict(i, x => new PumpSwitch(
                        x.Property("time_s").Double(), x.Property("running").Boolean())))
                    .ToArray(),
            }),
            Heater = s.OptionalProperty("heater") is { } heater
                ? Strict(heater, h => new HeaterSettings
                {
                    Steps = h.Property("steps").Items()
                        .Select(i => Strict(i, x => new HeaterStep(x.Property("time_s").Double(), x.Property("offset_c").Double())))
                        .ToArray(),
                })
                : new HeaterSettings(),
            TempSensor = s.OptionalProperty("temp_sensor") is { } sensor
                ? Strict(sensor, t => new TemperatureSensorSettings
                {
                    LagTimeConstantMin = t.Property("lag_time_constant_min").Double(),
                })
                : new TemperatureSensorSettings(),
            Cabin = Strict(s.Property("cabin"), c => new CabinSettings
            {
                NominalTempC = c.Property("nominal_temp_c").Double(),
                HeatedTempC = c.Property("heated_temp_c").Double(),
                HeatingTimeConstantH = c.Property("heating_time_constant_h").Double(),
                CoolingLostBelowInventoryFraction = c.Property("cooling_lost_below_inventory_fraction").Double(),
            }),
            Sensors = Strict(s.Property("sensors"), ParseSensors),
            Faults = s.Property("faults").Items().Select(i => Strict(i, ParseFault)).ToArray(),
        };
        s.RejectUnknownProperties();
        return scenario;
    }

    private static SensorSettings ParseSensors(JsonValueReader s) => new()
    {
        BurstLength = s.Property("burst_length").Int32(),
        PressureFullScaleKpa = s.Property("pressure_full_scale_kpa").Double(),
        SupplyVolts = Schedule(s.Property("supply_volts")),
        PressureDividerRatio = s.Property("pressure_divider_ratio").Double(),
        SupplyDividerRatio = s.Property("supply_divider_ratio").Double(),
        Thermistor = Strict(s.Property("thermistor"), t => NtcThermistor.FromSteinhartHart(
            t.Property("steinhart_hart_a").Double(),
            t.Property("steinhart_hart_b").Double(),
            t.Property("steinhart_hart_c").Double())),
        ThermistorSeriesOhms = s.Property("thermistor_series_ohms").Double(),
        LogicRailVolts = s.Property("logic_rail_volts").Double(),
        Adc = Strict(s.Property("adc"), a => new AdcSettings
        {
            OffsetErrorMv = a.Property("offset_error_mv").Double(),
            GainErrorPercent = a.Property("gain_error_percent").Double(),
            NoiseSigmaLsb = a.Property("noise_sigma_lsb").Double(),
            OutlierProbability = a.Property("outlier_probability").Double(),
            OutlierMinLsb = a.Property("outlier_min_lsb").Double(),
            OutlierMaxLsb = a.Property("outlier_max_lsb").Double(),
        }),
    };

    private static SensorFault ParseFault(JsonValueReader f)
    {
        SensorChannel channel = f.Property("channel").OneOf("pressure", "temp", "supply") switch
        {
            "pressure" => SensorChannel.Pressure,
            "temp" => SensorChannel.Temperature,
            _ => SensorChannel.Supply,
        };
        FaultKind kind = f.Property("kind").OneOf("open", "short", "stuck", "noise", "glitch") switch
        {
            "open" => FaultKind.Open,
            "short" => FaultKind.Short,
            "stuck" => FaultKind.Stuck,
            "noise" => FaultKind.NoiseBurst,
            _ => FaultKind.Glitch,
        };
        return new SensorFault(channel, kind, f.Property("start_s").Double(), f.Property("end_s").Double())
        {
            NoiseMultiplier = f.Property("noise_multiplier").Double(),
            GlitchPinVolts = f.Property("glitch_pin_volts").Double(),
        };
    }

    private static PiecewiseLinear Schedule(JsonValueReader array)
    {
        (double, double)[] points = array.Items()
            .Select(i => Strict(i, p => (p.Property("time_s").Double(), p.Property("value").Double())))
            .ToArray();
        try
        {
            return new PiecewiseLinear(points);
        }
        catch (ArgumentException e)
        {
            throw array.Error($"expected a schedule of points in time order, found: {e.Message}");
        }
    }

    /// <summary>Parses an object with <paramref name="parse"/>, then rejects properties it did not read.</summary>
    private static T Strict<T>(JsonValueReader value, Func<JsonValueReader, T> parse)
    {
        T result = parse(value);
        value.RejectUnknownProperties();
        return result;
    }

    private static string ChannelName(SensorChannel channel) => channel switch
    {
        SensorChannel.Pressure => "pressure",
        SensorChannel.Temperature => "temp",
        SensorChannel.Supply => "supply",
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, "Unknown channel."),
    };

    private static string KindName(FaultKind kind) => kind switch
    {
        FaultKind.Open => "open",
        FaultKind.Short => "short",
        FaultKind.Stuck => "stuck",
        FaultKind.NoiseBurst => "noise",
        FaultKind.Glitch => "glitch",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown fault kind."),
    };
}
