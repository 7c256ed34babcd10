namespace ThermalMonitor.Profiles;

/// <summary>
/// The k-th smallest of a sequence of non-negative doubles, exactly, in bounded memory: a selection
/// by the values' bit patterns (which sort like the values for non-negative doubles), 16 bits per
/// pass over the sequence, until the candidates are few enough to sort. What sorting all values
/// gives, without holding them: the replay's spike threshold is a median over every row of a profile.
/// </summary>
internal static class ExactMedian
{
    private const int BucketBits = 16;

    // Candidates sorted directly once this few remain (8 MB of doubles at most).
    private const int SortDirectlyAtMost = 1 << 20;

    /// <summary>
    /// The value at index <paramref name="rank"/> (from 0) of the sorted <paramref name="values"/>,
    /// enumerating them once per pass (two for typical data).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The rank is outside the sequence, or a value is negative or NaN.</exception>
    public static double Select(Func<IEnumerable<double>> values, long rank)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfNegative(rank);
        ulong prefix = 0;
        ulong prefixMask = 0;
        for (int shift = 64 - BucketBits; shift >= 0; shift -= BucketBits)
        {
            var counts = new long[1 << BucketBits];
            long candidates = 0;
            foreach (double value in values())
            {
                ulong bits = Bits(value);
                if ((bits & prefixMask) == prefix)
                {
                    counts[(bits >> shift) & 0xFFFF]++;
                    candidates++;
                }
            }

            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(rank, candidates);
            ulong bucket = 0;
            while (rank >= counts[bucket])
            {
                rank -= counts[bucket];
                bucket++;
            }

            prefix |= bucket << shift;
            prefixMask |= 0xFFFFUL << shift;
            if (shift == 0)
            {
                return BitConverter.UInt64BitsToDouble(prefix);
            }

            if (counts[bucket] <= SortDirectlyAtMost)
            {
                var chosen = new List<double>((int)counts[bucket]);
                foreach (double value in values())
                {
                    if ((Bits(value) & prefixMask) == prefix)
                    {
                        chosen.Add(value);
                    }
                }

                chosen.Sort();
                return chosen[(int)rank];
            }
        }

        throw new InvalidOperationException("unreachable: the last pass fixes every bit");
    }

    private static ulong Bits(double value)
    {
        // -0 sorts as 0; the bit order is the value order only from +0 upwards.
        if (!(value >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "Expected a non-negative number.");
        }

        return BitConverter.DoubleToUInt64Bits(value == 0 ? 0.0 : value);
    }
}
