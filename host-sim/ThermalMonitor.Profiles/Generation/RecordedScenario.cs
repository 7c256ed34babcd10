using ThermalMonitor.Sim;

namespace ThermalMonitor.Profiles;

/// <summary>
/// Everything needed to regenerate a recorded profile byte for byte: the physics
/// <paramref name="Scenario"/> with every parameter explicit, the <paramref name="SensorSeed"/> the
/// replay uses for ADC noise, and the <paramref name="Plan"/> of which samples are kept. Stored as
/// <c>&lt;name&gt;.scenario.json</c> (<see cref="ScenarioJson"/>).
/// </summary>
/// <param name="Scenario">The physics and sensor parameters.</param>
/// <param name="SensorSeed">Seed of the sensor chain's noise, written as the profile's <c>sensor_seed</c>.</param>
/// <param name="Plan">Rows to keep.</param>
/// <param name="Source">
/// Where the numbers come from (docs/physics.md sections), written as <c>source</c>; null to omit.
/// </param>
public sealed record RecordedScenario(Scenario Scenario, ulong SensorSeed, RecordingPlan Plan, string? Source = null);
