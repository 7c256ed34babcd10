using ThermalMonitor.Core.Config;
using ThermalMonitor.Profiles;
using ThermalMonitor.Report;

namespace ThermalMonitor.Targets;

/// <summary>Everything one replay produced.</summary>
public sealed class ReplayOutcome
{
    public required ReplayResult Result { get; init; }

    /// <summary>Per-sample series for plots; null when the replay did not collect them.</summary>
    public ReplayTrace? Trace { get; init; }

    /// <summary>
    /// Firmware-converted pressure of every sample (Pa), valid or not: what a plain baseline sees;
    /// empty when the replay did not collect it (<see cref="ReplayOptions.CollectPressure"/>).
    /// </summary>
    public required int[] PressurePa { get; init; }

    /// <summary>Standard deviation of the thermal-compensated residual before the leak (Pa), model ready; NaN if none.</summary>
    public required double ResidualSigmaPa { get; init; }

    /// <summary>Pressure noise before the leak from sample-to-sample differences (Pa); NaN if none.</summary>
    public required double PressureNoiseSigmaPa { get; init; }

    /// <summary>The noise the information bound uses: the residual's when the model was ready before the leak, else the pressure's.</summary>
    public double NoiseSigmaPa => double.IsNaN(ResidualSigmaPa) ? PressureNoiseSigmaPa : ResidualSigmaPa;

    /// <summary>The configuration's derived constants (sample period, false-alarm interval, limits).</summary>
    public required DerivedSettings Derived { get; init; }

    public required double WallSeconds { get; init; }

    /// <summary>Gaps between rows replayed as time jumps (<see cref="ReplayOptions.MaxGapS"/>).</summary>
    public IReadOnlyList<ReplayGap> Gaps { get; init; } = [];

    /// <summary>SAMPLE_GAP events the firmware raised (throttled like every event); -1 when the target does not tell.</summary>
    public long FirmwareSampleGapEvents { get; init; } = -1;

    /// <summary>Single-row spikes of the recording fed as one reading each (ProfileReplaySource).</summary>
    public int SingleRowSpikes { get; init; }
}
