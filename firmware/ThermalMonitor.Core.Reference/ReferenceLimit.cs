namespace ThermalMonitor.Core.Reference;

/// <summary>A limit with persistence and hysteresis on a real value (the firmware's LimitCheck, rewritten).</summary>
public sealed class ReferenceLimit(double limit, double hysteresis, bool tripsBelow, int raiseSamples, int clearSamples)
{
    private readonly ReferencePersistence condition = new(raiseSamples, clearSamples);

    public bool IsActive => condition.IsActive;

    public void Reset() => condition.Reset();

    public void Update(double value)
    {
        // Beyond the limit to raise; back past limit ± hysteresis to clear.
        double level = condition.IsActive ? (tripsBelow ? limit + hysteresis : limit - hysteresis) : limit;
        condition.Update(tripsBelow ? value < level : value > level);
    }
}
