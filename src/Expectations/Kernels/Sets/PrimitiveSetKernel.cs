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
        var values = ((PrimitiveArray<T>)block.Array).Values;
        var validity = block.Validity;
        var end = block.Start + block.Length;
        for (var row = block.Start; row < end; row += 64)
        {
            var count = Math.Min(64, end - row);
            var word = values.Slice(row, count);
            ulong unexpected = 0;
            for (var i = 0; i < word.Length; i++)
            {
                if (_members.Contains(word[i]) != _mustBeInSet)
                {
                    unexpected |= 1UL << i;
                }
            }
            if (!block.HasNoNulls)
            {
                unexpected &= validity.Word(row, count);
            }
            state.AddWord(unexpected, block.Array, row, block.FirstRowIndex);
        }
    }
}
