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
        var check = new MembershipCheck(block.Array, this);
        WordScan.Run(block, ref check, state);
    }

    private readonly struct MembershipCheck(IArrowArray array, ValueSetKernel kernel) : IWordCheck
    {
        public ulong Unexpected(int row, int count, ulong valid)
        {
            ulong unexpected = 0;
            for (var i = 0; i < count; i++)
            {
                if ((valid & (1UL << i)) != 0
                    && kernel._members.Contains(ValueSet.Normalize(ArrowValues.Get(array, row + i)!)) != kernel._mustBeInSet)
                {
                    unexpected |= 1UL << i;
                }
            }
            return unexpected;
        }
    }
}
