using System.Numerics;
using Apache.Arrow;
using Dq.Expectations.Metrics;

namespace Dq.Expectations.Kernels.Types;

/// <summary>
/// Judges the values of an object column (text, binary, dates, decimals) against type names. An Arrow column holds
/// one type, so the verdict is the same for every value: either every non-null row is unexpected or none is, and
/// the scan reads only the validity bitmap. Nulls are counted as skipped rows (the expectation's missing count).
/// </summary>
internal sealed class ValueTypeKernel : RowCheckKernel
{
    private readonly bool _accepted;

    private ValueTypeKernel(bool accepted, int sampleLimit) : base(sampleLimit) => _accepted = accepted;

    /// <exception cref="MetricPreconditionException">
    /// The column is typed, so it is judged from the schema: declining the key here keeps the column unread.
    /// </exception>
    public static ValueTypeKernel Create(Field field, ValueTypeKey key, int sampleLimit)
    {
        if (!NumpyTypes.IsObject(field.DataType))
        {
            throw new MetricPreconditionException(
                $"column `{field.Name}` has dtype {NumpyTypes.DtypeName(field.DataType)}, which is judged from the schema, not value by value.");
        }
        var pythonType = NumpyTypes.PythonValueType(field.DataType);
        return new ValueTypeKernel(key.TypeNames.Items.Any(n => NumpyTypes.ValueMatches(pythonType, n)), sampleLimit);
    }

    protected override void Accumulate(in ColumnBlock block, UnexpectedRowsState state)
    {
        var validity = block.Validity;
        var end = block.Start + block.Length;
        for (var row = block.Start; row < end; row += 64)
        {
            var count = Math.Min(64, end - row);
            var selected = block.Selected(row, count);
            var valid = validity.Word(row, count) & selected;
            state.Skipped += BitOperations.PopCount(selected & ~valid);
            if (!_accepted)
            {
                state.AddWord(valid, block.Array, row, block.FirstRowIndex);
            }
        }
    }
}
