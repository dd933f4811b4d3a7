using Apache.Arrow;
using Dq.Expectations.Columns;
using Dq.Expectations.Metrics;

namespace Dq.Expectations.Kernels.Sets;

/// <summary>
/// Set membership by boxed value, for the column types with no hashed form (bool, decimal): judged per row
/// through <see cref="ArrowValues"/>, so slower, and used only where the faster kernels do not apply.
/// </summary>
internal sealed class ValueSetKernel : RowCheckKernel
{
    private readonly HashSet<object> _members;
    private readonly bool _mustBeInSet;

    public ValueSetKernel(IEnumerable<object> members, bool mustBeInSet, int sampleLimit) : base(sampleLimit)
    {
        _members = [.. members];
        _mustBeInSet = mustBeInSet;
    }

    protected override void Accumulate(in ColumnBlock block, UnexpectedRowsState state)
    {
        var end = block.Start + block.Length;
        for (var row = block.Start; row < end; row += 64)
        {
            var count = Math.Min(64, end - row);
            ulong unexpected = 0;
            for (var i = 0; i < count; i++)
            {
                var value = ArrowValues.Get(block.Array, row + i);
                if (value is not null && _members.Contains(ValueSet.Normalize(value)) != _mustBeInSet)
                {
                    unexpected |= 1UL << i;
                }
            }
            state.AddWord(unexpected, block.Array, row, block.FirstRowIndex);
        }
    }
}
