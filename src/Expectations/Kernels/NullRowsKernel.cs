using Dq.Expectations.Metrics;

namespace Dq.Expectations.Kernels;

/// <summary>
/// Finds the null rows of a column, or its non-null rows. Reads only the validity bitmap, 64 rows a word, and
/// skips the bitmap altogether when the array has no nulls.
/// </summary>
internal sealed class NullRowsKernel : RowCheckKernel
{
    private readonly bool _nullsAreUnexpected;

    /// <summary>Creates the kernel.</summary>
    /// <param name="nullsAreUnexpected">True to find nulls (missing values); false to find values.</param>
    /// <param name="sampleLimit">How many rows to keep with their values.</param>
    public NullRowsKernel(bool nullsAreUnexpected, int sampleLimit) : base(sampleLimit) =>
        _nullsAreUnexpected = nullsAreUnexpected;

    protected override void Accumulate(in ColumnBlock block, UnexpectedRowsState state)
    {
        if (block.HasNoNulls && _nullsAreUnexpected)
        {
            return;
        }
        // Among the rows a row condition selected: nulls are selected rows without a value.
        var validity = block.Validity;
        var end = block.Start + block.Length;
        for (var row = block.Start; row < end; row += 64)
        {
            var count = Math.Min(64, end - row);
            var valid = validity.Word(row, count);
            var selected = block.Selected(row, count);
            var unexpected = _nullsAreUnexpected ? ~valid & selected : valid & selected;
            if (unexpected != 0)
            {
                WordScan.Add(state, unexpected, block, row);
            }
        }
    }
}
