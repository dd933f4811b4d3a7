namespace Dq.Expectations.Sketches;

/// <summary>
/// Sorting in Java's <c>Double.compare</c> order (-0.0 before 0.0), which Deequ's Scala <c>sorted</c> uses, so the items
/// a compaction promotes carry the same sign of zero as Deequ's.
/// </summary>
/// <remarks>NaN never reaches a sketch buffer, so only the two zeros need care.</remarks>
internal static class TotalOrder
{
    public static void Sort(Span<double> values)
    {
        values.Sort();
        PutNegativeZerosFirst(values);
    }

    /// <summary>
    /// .NET's sort sees -0.0 and 0.0 as equal and leaves them in any order; they form one run in a sorted span, which
    /// this rewrites as all -0.0 then all 0.0.
    /// </summary>
    public static void PutNegativeZerosFirst(Span<double> sorted)
    {
        var start = FirstNotBelowZero(sorted);
        var end = start;
        var negatives = 0;
        while (end < sorted.Length && sorted[end] == 0.0)
        {
            negatives += double.IsNegative(sorted[end]) ? 1 : 0;
            end++;
        }
        if (negatives == 0 || negatives == end - start)
        {
            return;
        }
        sorted.Slice(start, negatives).Fill(-0.0);
        sorted[(start + negatives)..end].Fill(0.0);
    }

    private static int FirstNotBelowZero(ReadOnlySpan<double> sorted)
    {
        int low = 0, high = sorted.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (sorted[middle] < 0.0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }
        return low;
    }
}
