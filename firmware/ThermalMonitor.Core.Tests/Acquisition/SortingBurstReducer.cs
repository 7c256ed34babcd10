using ThermalMonitor.Core.Acquisition;
using ThermalMonitor.Core.FixedPoint;

namespace ThermalMonitor.Core.Tests.Acquisition;

/// <summary>
/// The test oracle: <see cref="BurstReducer"/> as it was before issue 11 (insertion sort of the
/// whole burst, then trim, average, median and outlier count read off the sorted reads), kept
/// unchanged so the histogram reducer can be held to it result for result.
/// </summary>
internal sealed class SortingBurstReducer
{
    private readonly int[] sortedCounts = new int[Channels.BurstLengthMax];

    public int CountsQ8 { get; private set; }

    public int SpreadCounts { get; private set; }

    public int RejectedCount { get; private set; }

    public bool Reduce(int[] readsCounts, int count, int trimEachSide, int outlierBandCounts)
    {
        if (count <= 2 * trimEachSide || count > Channels.BurstLengthMax || trimEachSide < 0)
        {
            return false;
        }

        for (int i = 0; i < count; i++)
        {
            int value = readsCounts[i];
            if (value < 0 || value > Channels.AdcCountsMax)
            {
                return false;
            }

            int j = i - 1;
            while (j >= 0 && sortedCounts[j] > value)
            {
                sortedCounts[j + 1] = sortedCounts[j];
                j--;
            }

            sortedCounts[j + 1] = value;
        }

        int keptFirst = trimEachSide;
        int keptLast = count - 1 - trimEachSide;
        int keptCount = keptLast - keptFirst + 1;
        int sumCounts = 0;
        for (int i = keptFirst; i <= keptLast; i++)
        {
            sumCounts += sortedCounts[i];
        }

        CountsQ8 = (int)FixedMath.DivRound((long)sumCounts * 256, keptCount);
        SpreadCounts = sortedCounts[keptLast] - sortedCounts[keptFirst];
        int medianCounts = sortedCounts[(count - 1) / 2];
        int rejected = 0;
        for (int i = 0; i < count; i++)
        {
            if (FixedMath.Abs(sortedCounts[i] - medianCounts) > outlierBandCounts)
            {
                rejected++;
            }
        }

        RejectedCount = rejected;
        return true;
    }
}
