using System.Globalization;
using ThermalMonitor.Sim;

namespace ThermalMonitor.Profiles;

/// <summary>
/// Replays a profile as raw ADC bursts, sample by sample: at t = first row time + k·period up to the
/// last row time, pressure and temperature are interpolated linearly between the possible readings
/// around t (the library records every sample near events and a sparse grid elsewhere), and a
/// <see cref="SensorChain"/> with the profile's fault windows (<see cref="ProfileFaultWindows"/>)
/// turns them into counts. Allocation-free per sample.
/// </summary>
/// <remarks>
/// <para>
/// The chain's noise comes from the seed alone and advances identically whatever the faults, so a seed
/// gives the same counts on every run. Fault windows and the chain's sample indices count from the
/// first row; the supply-voltage schedule in <see cref="SensorSettings"/> is evaluated at profile time.
/// </para>
/// <para>
/// Impossible readings (<see cref="ReadingKinds"/>) are instantaneous reading errors: each is fed on
/// the single sample nearest its row time, and interpolation runs only between possible readings.
/// A pressure below vacuum or beyond the transducer's range goes through the simulated transducer,
/// whose output is clamped at its rails (0 V … supply); a missing pressure is the open-wire rail, 0 V
/// at the pin. A temperature at or below absolute zero, and a missing one, put the NTC node at the
/// logic rail (the NTC's resistance beyond any bound, as an open NTC); +∞ is the NTC at its lowest
/// resistance, the node next to 0 V. So the firmware's validator sees a sensor fault or a rejected
/// glitch, never a pressure or temperature.
/// </para>
/// <para>
/// Without a coolant temperature (<see cref="Profile.HasCoolantTemperature"/> false) the temperature
/// channel reads a constant <see cref="ConstantCoolantTempC"/>; the replay should switch the
/// firmware's thermal-compensated slow path off. A pressure channel without a single possible reading
/// reads as an open wire throughout.
/// </para>
/// </remarks>
public sealed class ProfileReplaySource
{
    /// <summary>
    /// Seed used when a profile carries no <c>sensor_seed</c> metadata (e.g. an imported recording):
    /// 20221215, the date of the Soyuz MS-22 leak, chosen only to be memorable and fixed.
    /// </summary>
    public const ulong FallbackSensorSeed = 20221215UL;

    /// <summary>The coolant temperature fed when the profile has none: 20 °C, a room-temperature bench.</summary>
    public const double ConstantCoolantTempC = 20.0;

    /// <summary>
    /// A single-row pressure spike is fed as one reading only if it departs by more than this
    /// (kPa): smaller ones change nothing the detector does with a two-row excursion (the fast path's
    /// default drop limit is 6 kPa), and smooth data is never touched.
    /// </summary>
    public const double MinimumPressureSpikeKpa = 5.0;

    /// <summary>The same for the coolant temperature (°C).</summary>
    public const double MinimumTemperatureSpikeC = 2.0;

    /// <summary>
    /// The NTC resistance that stands for "beyond any bound": 10³⁰ Ω, at which the divider node sits at
    /// the logic rail in double arithmetic for any series resistor below 10¹³ Ω.
    /// </summary>
    private const double UnboundedNtcOhms = 1e30;

    private readonly SensorChain chain;
    private readonly ReadingTrack pressure;
    private readonly ReadingTrack temperature;
    private readonly int periodMs;
    private readonly double originS;
    private readonly int burstLength;
    private readonly double coldestModelledTempC;
    private readonly ReplaySegments segments;
    private long nextIndex;
    private long produced;
    private int segment;

    /// <summary>
    /// Prepares the replay of <paramref name="profile"/> at <paramref name="periodMs"/>, gaps between
    /// rows longer than <paramref name="maxGapS"/> replayed as time jumps (<see cref="ReplaySegments"/>).
    /// Holds none of the profile's rows: it passes over them (<see cref="Profile.ReadRows"/>) to
    /// prepare, and reads them through cursors while replaying.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// A period below 1 ms, a sample gap below three periods, or fault rows so close that their
    /// windows overlap at this period.
    /// </exception>
    /// <exception cref="ProfileTooLongException">
    /// More than <see cref="ReplaySegments.MaxReplayedS"/> of samples to replay, or more than
    /// <see cref="ReplaySegments.MaxGaps"/> gaps.
    /// </exception>
    public ProfileReplaySource(Profile profile, int periodMs, ulong sensorSeed, SensorSettings sensors, double? maxGapS = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(sensors);
        ArgumentOutOfRangeException.ThrowIfLessThan(periodMs, 1);
        segments = ReplaySegments.Of(profile, periodMs, maxGapS);
        this.periodMs = periodMs;
        originS = profile.FirstRow.TimeS;
        burstLength = sensors.BurstLength;
        Faults = ProfileFaultWindows.FromRows(profile, periodMs);
        chain = new SensorChain(sensors, Faults, periodMs, sensorSeed);
        SampleCount = segments.SampleCount;
        HasCoolantTemperature = profile.HasCoolantTemperature;
        double fullScaleKpa = sensors.PressureFullScaleKpa;
        ImpossibleReadings = ImpossibleReadings.Count(profile, fullScaleKpa);

        // Colder than this the NTC model's resistance overflows; the node reads the rail from here on.
        coldestModelledTempC = sensors.Thermistor.TempC(UnboundedNtcOhms);
        pressure = ReadingTrack.Build(
            profile.ReadRows,
            r => r.PressureKpa,
            p => ReadingKinds.OfPressure(p, fullScaleKpa),
            // The transducer clamps below vacuum and beyond range at its rails; −∞ is its 0 V rail.
            (p, kind) => kind == ReadingKind.Missing ? double.NegativeInfinity : p,
            withoutPossibleReading: double.NegativeInfinity,
            minimumSpike: MinimumPressureSpikeKpa,
            originS, periodMs, segments);
        temperature = profile.HasCoolantTemperature
            ? ReadingTrack.Build(
                profile.ReadRows,
                r => r.TempC,
                ReadingKinds.OfTemperature,
                (t, kind) => kind == ReadingKind.BeyondRange ? double.PositiveInfinity : coldestModelledTempC,
                withoutPossibleReading: ConstantCoolantTempC,
                minimumSpike: MinimumTemperatureSpikeC,
                originS, periodMs, segments)
            : ReadingTrack.Constant(ConstantCoolantTempC);
    }

    /// <summary>Samples the replay produces: ⌊duration / period⌋ + 1 without gaps, fewer with.</summary>
    public long SampleCount { get; }

    /// <summary>The gaps between rows replayed as time jumps, in profile order.</summary>
    public IReadOnlyList<ReplayGap> Gaps => segments.Gaps;

    /// <summary>Profile time skipped in gaps before the last sample given: what a paced replay does not wait for.</summary>
    public double SkippedS { get; private set; }

    /// <summary>Reads per channel per sample; the length <see cref="TryNext"/> expects of its burst.</summary>
    public int BurstLength => burstLength;

    /// <summary>The fault windows reconstructed from the fault columns (times from the first row).</summary>
    public IReadOnlyList<SensorFault> Faults { get; }

    /// <summary>The profile's rows with impossible readings, per channel and kind, against this transducer.</summary>
    public ImpossibleReadings ImpossibleReadings { get; }

    /// <summary>
    /// Whether the temperature channel follows the profile; false: it reads
    /// <see cref="ConstantCoolantTempC"/> (see <see cref="Profile.HasCoolantTemperature"/>).
    /// </summary>
    public bool HasCoolantTemperature { get; }

    /// <summary>Samples that carry an impossible pressure reading (the one nearest each such row).</summary>
    public IReadOnlyList<long> PressureErrorSamples => pressure.ErrorSamples;

    /// <summary>Single-row pressure spikes fed as one reading each instead of being interpolated.</summary>
    public int PressureSpikes => pressure.SpikeCount;

    /// <summary>Single-row temperature spikes fed as one reading each instead of being interpolated.</summary>
    public int TemperatureSpikes => temperature.SpikeCount;

    /// <summary>Samples that carry an impossible temperature reading.</summary>
    public IReadOnlyList<long> TemperatureErrorSamples => temperature.ErrorSamples;

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

        if (produced >= SampleCount)
        {
            timeS = 0.0;
            return false;
        }

        if (nextIndex > segments.LastSample(segment))
        {
            // A gap: the next sample is the next segment's first, a whole gap later.
            segment++;
            long skipped = segments.FirstSample(segment) - nextIndex;
            SkippedS += skipped * (long)periodMs / 1000.0;
            nextIndex = segments.FirstSample(segment);
        }

        long index = nextIndex++;
        produced++;

        // From integers, never accumulated: sample k is exactly k periods after the first row.
        timeS = originS + (index * (long)periodMs / 1000.0);
        double pressureKpa = pressure.ValueAt(index, timeS);
        double tempC = Math.Max(temperature.ValueAt(index, timeS), coldestModelledTempC);
        var sample = new SimSample(index, timeS, pressureKpa, tempC, 0.0, default);
        chain.Acquire(sample, burst);
        return true;
    }
}
