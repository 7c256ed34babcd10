using System.Globalization;
using ThermalMonitor.Sim;

namespace ThermalMonitor.Profiles;

/// <summary>
/// Replays a profile as raw ADC bursts, sample by sample: at t = first row time + k·period up to the
/// last row time, pressure and temperature are interpolated linearly between the rows around t (the
/// library records every sample near events and a sparse grid elsewhere), and a
/// <see cref="SensorChain"/> with the profile's fault windows (<see cref="ProfileFaultWindows"/>)
/// turns them into counts. Allocation-free per sample.
/// </summary>
/// <remarks>
/// The chain's noise comes from the seed alone and advances identically whatever the faults, so a seed
/// gives the same counts on every run. Fault windows and the chain's sample indices count from the
/// first row; the supply-voltage schedule in <see cref="SensorSettings"/> is evaluated at profile time.
/// </remarks>
public sealed class ProfileReplaySource
{
    /// <summary>
    /// Seed used when a profile carries no <c>sensor_seed</c> metadata (e.g. an imported recording):
    /// 20221215, the date of the Soyuz MS-22 leak, chosen only to be memorable and fixed.
    /// </summary>
    public const ulong FallbackSensorSeed = 20221215UL;

    // A sample time within a millionth of a period of a row counts as on it (times are decimal text).
    private const double GridToleranceSamples = 1e-6;

    private readonly ProfileRow[] rows;
    private readonly SensorChain chain;
    private readonly int periodMs;
    private readonly double originS;
    private readonly int burstLength;
    private long nextIndex;
    private int rowIndex;

    /// <summary>Prepares the replay of <paramref name="profile"/> at <paramref name="periodMs"/>.</summary>
    /// <exception cref="ArgumentException">
    /// A period below 1 ms, or fault rows so close that their windows overlap at this period.
    /// </exception>
    public ProfileReplaySource(Profile profile, int periodMs, ulong sensorSeed, SensorSettings sensors)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(sensors);
        ArgumentOutOfRangeException.ThrowIfLessThan(periodMs, 1);
        rows = [.. profile.Rows];
        this.periodMs = periodMs;
        originS = rows[0].TimeS;
        burstLength = sensors.BurstLength;
        Faults = ProfileFaultWindows.FromRows(profile, periodMs);
        chain = new SensorChain(sensors, Faults, periodMs, sensorSeed);
        SampleCount = (long)Math.Floor((profile.DurationS * 1000.0 / periodMs) + GridToleranceSamples) + 1;
    }

    /// <summary>Samples the replay produces: ⌊duration / period⌋ + 1.</summary>
    public long SampleCount { get; }

    /// <summary>Reads per channel per sample; the length <see cref="TryNext"/> expects of its burst.</summary>
    public int BurstLength => burstLength;

    /// <summary>The fault windows reconstructed from the fault columns (times from the first row).</summary>
    public IReadOnlyList<SensorFault> Faults { get; }

    /// <summary>
    /// The replay's default seed for <paramref name="profile"/>: its <c>sensor_seed</c> metadata, else
    /// <see cref="FallbackSensorSeed"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The metadata is not an unsigned 64-bit integer.</exception>
    public static ulong DefaultSensorSeed(Profile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (!profile.Metadata.TryGetValue(Profile.SensorSeedKey, out string? text))
        {
            return FallbackSensorSeed;
        }

        return ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out ulong seed)
            ? seed
            : throw new ArgumentException(
                $"Profile '{profile.Name}' has sensor_seed '{text}', not an unsigned 64-bit integer.", nameof(profile));
    }

    /// <summary>
    /// Fills <paramref name="burst"/> with the next sample's reads and gives its profile time; false after
    /// the last sample.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="burst"/> has the wrong length.</exception>
    public bool TryNext(out double timeS, AdcBurst burst)
    {
        ArgumentNullException.ThrowIfNull(burst);
        if (burst.BurstLength != burstLength)
        {
            throw new ArgumentException(
                $"Burst holds {burst.BurstLength} reads; the sensors take {burstLength}.", nameof(burst));
        }

        if (nextIndex >= SampleCount)
        {
            timeS = 0.0;
            return false;
        }

        long index = nextIndex++;

        // From integers, never accumulated: sample k is exactly k periods after the first row.
        timeS = originS + (index * (long)periodMs / 1000.0);
        Interpolate(timeS, out double pressureKpa, out double tempC);
        var sample = new SimSample(index, timeS, pressureKpa, tempC, 0.0, default);
        chain.Acquire(sample, burst);
        return true;
    }

    private void Interpolate(double timeS, out double pressureKpa, out double tempC)
    {
        while (rowIndex + 1 < rows.Length && rows[rowIndex + 1].TimeS <= timeS)
        {
            rowIndex++;
        }

        ProfileRow before = rows[rowIndex];
        if (rowIndex + 1 >= rows.Length || timeS <= before.TimeS)
        {
            pressureKpa = before.PressureKpa;
            tempC = before.TempC;
            return;
        }

        ProfileRow after = rows[rowIndex + 1];
        double fraction = (timeS - before.TimeS) / (after.TimeS - before.TimeS);
        pressureKpa = before.PressureKpa + (fraction * (after.PressureKpa - before.PressureKpa));
        tempC = before.TempC + (fraction * (after.TempC - before.TempC));
    }
}
