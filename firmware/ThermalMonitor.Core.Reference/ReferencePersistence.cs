namespace ThermalMonitor.Core.Reference;

/// <summary>
/// A condition that turns on after it has held for N consecutive samples and off after it has been
/// absent for M: the reference's own implementation of persistence, written from the specification
/// (Detection/README.md), so that a fault in the firmware's PersistentCondition cannot hide by
/// appearing in both pipelines.
/// </summary>
public sealed class ReferencePersistence(int raiseSamples, int clearSamples)
{
    private readonly int raiseNeeded = Math.Max(1, raiseSamples);
    private readonly int clearNeeded = Math.Max(1, clearSamples);
    private int presentRun;
    private int absentRun;

    public bool IsActive { get; private set; }

    public void Reset()
    {
        IsActive = false;
        presentRun = 0;
        absentRun = 0;
    }

    public bool Update(bool present)
    {
        presentRun = present ? presentRun + 1 : 0;
        absentRun = present ? 0 : absentRun + 1;
        if (!IsActive && presentRun >= raiseNeeded)
        {
            IsActive = true;
            presentRun = 0;
        }
        else if (IsActive && absentRun >= clearNeeded)
        {
            IsActive = false;
            absentRun = 0;
        }

        return IsActive;
    }
}
