namespace ThermalMonitor.Profiles;

/// <summary>
/// A stretch of profile time, [<paramref name="StartS"/>, <paramref name="EndS"/>] inclusive, in which
/// the generator keeps every output sample.
/// </summary>
/// <param name="StartS">First profile time kept densely.</param>
/// <param name="EndS">Last profile time kept densely.</param>
public sealed record DenseWindow(double StartS, double EndS)
{
    /// <summary>Whether <paramref name="timeS"/> lies in the window.</summary>
    public bool Contains(double timeS) => timeS >= StartS && timeS <= EndS;
}
