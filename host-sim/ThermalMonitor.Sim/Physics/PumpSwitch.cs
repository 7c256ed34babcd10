namespace ThermalMonitor.Sim;

/// <summary>
/// At <paramref name="TimeS"/> the pump is switched on (<paramref name="Running"/> true) or off.
/// </summary>
/// <param name="TimeS">Profile time of the switch.</param>
/// <param name="Running">State after the switch; switching to the current state does nothing.</param>
public sealed record PumpSwitch(double TimeS, bool Running);
