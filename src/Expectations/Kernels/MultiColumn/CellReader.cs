using Apache.Arrow;
using Apache.Arrow.Types;
using Dq.Expectations.Columns;

namespace Dq.Expectations.Kernels.MultiColumn;

/// <summary>
/// Reads the rows of one Arrow array as <see cref="Cell"/>s. Created once per block and column, so the array's type
/// is resolved once and each row costs one switch on a field, no virtual call and, for numbers, no boxing.
/// </summary>
internal sealed class CellReader
{
    private enum Source : byte { Int8, Int16, Int32, Int64, UInt8, UInt16, UInt32, UInt64, Float, Double, Text, DictionaryText, Boolean, Boxed }

    private readonly IArrowArray _array;
    private readonly Source _source;
    private readonly StringArray? _strings;
    private readonly IArrowArray? _indices;

    public CellReader(IArrowArray array)
    {
        _array = array;
        (_source, _strings, _indices) = array switch
        {
            Int8Array => (Source.Int8, null, null),
            Int16Array => (Source.Int16, null, null),
            Int32Array => (Source.Int32, null, null),
            Int64Array => (Source.Int64, null, null),
            UInt8Array => (Source.UInt8, null, null),
            UInt16Array => (Source.UInt16, null, null),
            UInt32Array => (Source.UInt32, null, null),
            UInt64Array => (Source.UInt64, null, null),
            FloatArray => (Source.Float, null, null),
            DoubleArray => (Source.Double, null, null),
            StringArray s => (Source.Text, s, null),
            DictionaryArray { Dictionary: StringArray s } d => (Source.DictionaryText, s, d.Indices),
            BooleanArray => (Source.Boolean, null, null),
            _ => (Source.Boxed, (StringArray?)null, (IArrowArray?)null),
        };
        MayHoldNaN = _source is Source.Float or Source.Double || array.Data.DataType is HalfFloatType;
    }

    /// <summary>The array's null bitmap (a ref struct, so it is rebuilt on use rather than stored).</summary>
    private ValidityBits Validity => new(_array.NullCount == 0 ? default : _array.Data.Buffers[0].Span, _array.Offset);

    /// <summary>Whether a valid row can still be missing (a NaN), so the validity bits alone do not say.</summary>
    public bool MayHoldNaN { get; }

    /// <summary>The rows among <paramref name="row"/> .. +<paramref name="count"/> that hold a value (not null, not NaN).</summary>
    public ulong Present(int row, int count)
    {
        var present = Validity.Word(row, count);
        if (!MayHoldNaN)
        {
            return present;
        }
        for (var bits = present; bits != 0; bits &= bits - 1)
        {
            var i = System.Numerics.BitOperations.TrailingZeroCount(bits);
            if (Read(row + i).IsMissing)
            {
                present &= ~(1UL << i);
            }
        }
        return present;
    }

    public Cell Read(int row)
    {
        if (_array.NullCount != 0 && !Validity.IsValid(row))
        {
            return Cell.Missing;
        }
        return _source switch
        {
            Source.Int8 => Cell.FromInteger(((Int8Array)_array).Values[row]),
            Source.Int16 => Cell.FromInteger(((Int16Array)_array).Values[row]),
            Source.Int32 => Cell.FromInteger(((Int32Array)_array).Values[row]),
            Source.Int64 => Cell.FromInteger(((Int64Array)_array).Values[row]),
            Source.UInt8 => Cell.FromInteger(((UInt8Array)_array).Values[row]),
            Source.UInt16 => Cell.FromInteger(((UInt16Array)_array).Values[row]),
            Source.UInt32 => Cell.FromInteger(((UInt32Array)_array).Values[row]),
            Source.UInt64 => Cell.FromObject(((UInt64Array)_array).Values[row]),
            Source.Float => Cell.FromReal(((FloatArray)_array).Values[row]),
            Source.Double => Cell.FromReal(((DoubleArray)_array).Values[row]),
            Source.Text => Cell.FromText(_strings!.GetString(row)),
            Source.DictionaryText => Cell.FromText(_strings!.GetString(ArrowValues.DictionaryIndex(_indices!, row))),
            Source.Boolean => Cell.FromBoolean(((BooleanArray)_array).GetValue(row) == true),
            _ => Cell.FromObject(ArrowValues.Get(_array, row)),
        };
    }

    /// <summary>The kind of cell a column of this type holds, to reject comparisons that can never work before a scan.</summary>
    public static CellKind KindOf(IArrowType type) => type switch
    {
        Int8Type or Int16Type or Int32Type or Int64Type or UInt8Type or UInt16Type or UInt32Type or UInt64Type
            or HalfFloatType or FloatType or DoubleType or Decimal128Type or Decimal256Type => CellKind.Number,
        StringType or LargeStringType or StringViewType or DictionaryType { ValueType: StringType } => CellKind.Text,
        BooleanType => CellKind.Boolean,
        _ => CellKind.Other,
    };
}
