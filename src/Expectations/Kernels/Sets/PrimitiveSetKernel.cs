using Apache.Arrow;
using Dq.Expectations.Metrics;

namespace Dq.Expectations.Kernels.Sets;

/// <summary>Set membership on a primitive column (numbers, dates, timestamps) through a hash set of T.</summary>
internal sealed class PrimitiveSetKernel<T> : RowCheckKernel
    where T : unmanaged, IEquatable<T>
{
    private readonly HashSet<T> _members;
    private readonly bool _mustBeInSet;

    public PrimitiveSetKernel(IEnumerable<T> members, bool mustBeInSet, int sampleLimit) : base(sampleLimit)
    {
        _members = [.. members];
        _mustBeInSet = mustBeInSet;
    }

    protected override void Accumulate(in ColumnBlock block, UnexpectedRowsState state)
    {
        var check = new MembershipCheck(((PrimitiveArray<T>)block.Array).Values, this);
        WordScan.Run(block, ref check, state);
    }

    private readonly ref struct MembershipCheck(ReadOnlySpan<T> values, PrimitiveSetKernel<T> kernel) : IWordCheck
    {
        private readonly ReadOnlySpan<T> _values = values;

        public ulong Unexpected(int row, int count, ulong valid)
        {
            var word = _values.Slice(row, count);
            ulong unexpected = 0;
            for (var i = 0; i < word.Length; i++)
            {
                if (kernel._members.Contains(word[i]) != kernel._mustBeInSet)
                {
                    unexpected |= 1UL << i;
                }
            }
            return unexpected;
        }
    }
}
