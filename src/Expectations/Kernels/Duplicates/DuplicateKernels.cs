using Apache.Arrow;
using Apache.Arrow.Types;
using Dq.Expectations.Columns;
using Dq.Expectations.Metrics;

namespace Dq.Expectations.Kernels.Duplicates;

/// <summary>Builds the duplicate-tracking kernel for a column's Arrow type.</summary>
internal static class DuplicateKernels
{
    public static ColumnKernel Create(Field field, int sampleLimit) => field.DataType switch
    {
        StringType or DictionaryType { ValueType: StringType } => new TextDuplicateKernel(sampleLimit),
        Int8Type => new PrimitiveDuplicateKernel<sbyte>(static v => (long)v, sampleLimit),
        Int16Type => new PrimitiveDuplicateKernel<short>(static v => (long)v, sampleLimit),
        Int32Type => new PrimitiveDuplicateKernel<int>(static v => (long)v, sampleLimit),
        Int64Type => new PrimitiveDuplicateKernel<long>(static v => v, sampleLimit),
        UInt8Type => new PrimitiveDuplicateKernel<byte>(static v => (ulong)v, sampleLimit),
        UInt16Type => new PrimitiveDuplicateKernel<ushort>(static v => (ulong)v, sampleLimit),
        UInt32Type => new PrimitiveDuplicateKernel<uint>(static v => (ulong)v, sampleLimit),
        UInt64Type => new PrimitiveDuplicateKernel<ulong>(static v => v, sampleLimit),
        FloatType => new PrimitiveDuplicateKernel<float>(static v => (double)v, sampleLimit),
        DoubleType => new PrimitiveDuplicateKernel<double>(static v => v, sampleLimit),
        Date32Type => new PrimitiveDuplicateKernel<int>(static v => DateOnly.FromDayNumber(DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber + v), sampleLimit),
        _ => new BoxedDuplicateKernel(sampleLimit),
    };

    private sealed class PrimitiveDuplicateKernel<T>(Func<T, object?> toValue, int sampleLimit) : ColumnKernel
        where T : unmanaged, IEquatable<T>
    {
        public override MetricState CreateState() => new DuplicateState<T>(null, toValue, sampleLimit);

        public override void Accumulate(in ColumnBlock block, MetricState state)
        {
            var duplicates = (DuplicateState<T>)state;
            var values = ((PrimitiveArray<T>)block.Array).Values;
            var validity = block.Validity;
            for (var row = block.Start; row < block.Start + block.Length; row++)
            {
                if ((block.HasNoNulls || validity.IsValid(row)) && block.IsSelected(row))
                {
                    duplicates.Add(values[row], block.FirstRowIndex + row);
                }
            }
        }
    }

    private sealed class TextDuplicateKernel(int sampleLimit) : ColumnKernel
    {
        public override MetricState CreateState() => new TextDuplicateState(sampleLimit);

        public override void Accumulate(in ColumnBlock block, MetricState state)
        {
            var duplicates = (TextDuplicateState)state;
            var (strings, indices) = block.Array is DictionaryArray dictionary
                ? ((StringArray)dictionary.Dictionary, dictionary.Indices)
                : ((StringArray)block.Array, null);
            for (var row = block.Start; row < block.Start + block.Length; row++)
            {
                if (block.Array.IsValid(row) && block.IsSelected(row))
                {
                    var entry = indices is null ? row : ArrowValues.DictionaryIndex(indices, row);
                    duplicates.Add(strings.GetBytes(entry), block.FirstRowIndex + row);
                }
            }
        }
    }

    /// <summary>Any other type (bool, decimal, timestamps), keyed by its boxed .NET value.</summary>
    private sealed class BoxedDuplicateKernel(int sampleLimit) : ColumnKernel
    {
        public override MetricState CreateState() => new DuplicateState<object>(null, static v => v, sampleLimit);

        public override void Accumulate(in ColumnBlock block, MetricState state)
        {
            var duplicates = (DuplicateState<object>)state;
            for (var row = block.Start; row < block.Start + block.Length; row++)
            {
                if (block.IsSelected(row) && ArrowValues.Get(block.Array, row) is { } value)
                {
                    duplicates.Add(value, block.FirstRowIndex + row);
                }
            }
        }
    }
}
