using System.Diagnostics;
using ThermalMonitor.Core.Acquisition;
using ThermalMonitor.Profiles;
using ThermalMonitor.Sim;

namespace ThermalMonitor.Stimulus;

/// <summary>
/// A profile as the firmware's input, sample by sample: through the simulated sensor chain into
/// raw ADC counts, loaded into one reused <see cref="RawSample"/>, and held to a multiple of real
/// time when a speed is given. Every replay path (in-process, over the wire) reads it the same way,
/// which is why they see the same counts.
/// </summary>
public sealed class ReplaySampleStream
{
    private readonly ProfileReplaySource source;
    private readonly AdcBurst burst;
    private readonly double speed;
    private readonly Stopwatch wall = Stopwatch.StartNew();
    private double firstTimeS = double.NaN;
    private long taken;

    /// <param name="speed">1 = real time, 60 = a minute per second, 0 = as fast as possible.</param>
    /// <param name="maxGapS">Gaps between rows longer than this are replayed as time jumps (<see cref="ReplaySegments"/>).</param>
    public ReplaySampleStream(Profile profile, int periodMs, int burstLength, ulong? sensorSeed, double speed, double? maxGapS = null)
    {
        ulong seed = sensorSeed ?? ProfileReplaySource.DefaultSensorSeed(profile);
        source = new ProfileReplaySource(profile, periodMs, seed, new SensorSettings { BurstLength = burstLength }, maxGapS);
        burst = new AdcBurst(burstLength);
        this.speed = speed;
    }

    public long Total => source.SampleCount;

    /// <summary>The gaps between rows replayed as time jumps.</summary>
    public IReadOnlyList<ReplayGap> Gaps => source.Gaps;

    /// <summary>The profile's rows with impossible readings, per channel and kind.</summary>
    public ImpossibleReadings ImpossibleReadings => source.ImpossibleReadings;

    /// <summary>Single-row spikes (pressure and temperature) fed as one reading each instead of being interpolated.</summary>
    public int SingleRowSpikes => source.PressureSpikes + source.TemperatureSpikes;

    /// <summary>The current sample (valid after <see cref="TryNext"/> returned true).</summary>
    public RawSample Sample { get; } = new RawSample();

    public double WallSeconds => wall.Elapsed.TotalSeconds;

    /// <summary>Loads the next sample into <see cref="Sample"/>, first waiting for its time when paced.</summary>
    public bool TryNext(out double timeS)
    {
        if (taken >= source.SampleCount || !source.TryNext(out timeS, burst))
        {
            timeS = double.NaN;
            return false;
        }

        taken++;
        if (double.IsNaN(firstTimeS))
        {
            firstTimeS = timeS;
        }

        // A paced replay does not wait out a gap: a stalled board's clock jumps, it does not sleep.
        ReplayPacer.Pace(speed, timeS - firstTimeS - source.SkippedS, wall);
        RawSampleLoader.Load(Sample, burst, timeS);
        return true;
    }
}
