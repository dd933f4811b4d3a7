using System.Runtime.InteropServices;
using Apache.Arrow;
using Apache.Arrow.Types;

namespace Dq.Readers;

/// <summary>
/// Checks that an Arrow record batch read from a file is structurally sound before the engine scans it: every
/// buffer long enough for its length and offset, every offset inside its data, every dictionary index inside its
/// dictionary. Apache.Arrow's IPC reader takes the lengths in a file at their word, and dq's kernels read buffers
/// without bounds checks for speed, so a corrupt file must be stopped here (a flipped byte once read freed memory).
/// </summary>
internal static class ArrowStructure
{
    /// <summary>What is wrong with <paramref name="batch"/>, or null when it is sound.</summary>
    public static string? Problem(RecordBatch batch)
    {
        if (batch.Length < 0)
        {
            return $"the batch declares {batch.Length} rows";
        }
        if (batch.ColumnCount != batch.Schema.FieldsList.Count)
        {
            return $"the batch holds {batch.ColumnCount} columns where the schema has {batch.Schema.FieldsList.Count}";
        }
        for (int i = 0; i < batch.ColumnCount; i++)
        {
            string name = batch.Schema.GetFieldByIndex(i).Name;
            ArrayData data = batch.Column(i).Data;
            if (data.Length != batch.Length)
            {
                return $"column `{name}` has {data.Length} values in a batch of {batch.Length} rows";
            }
            if (Check(data, name) is { } problem)
            {
                return problem;
            }
        }
        return null;
    }

    private static string? Check(ArrayData data, string name)
    {
        if (data.Length < 0 || data.Offset < 0 || (long)data.Offset + data.Length > int.MaxValue)
        {
            return $"column `{name}` declares length {data.Length} at offset {data.Offset}";
        }
        long end = (long)data.Offset + data.Length;
        if (data.NullCount > data.Length)
        {
            return $"column `{name}` declares {data.NullCount} nulls in {data.Length} values";
        }
        if (data.DataType.TypeId is not (ArrowTypeId.Null or ArrowTypeId.Union) && data.Buffers.Length > 0)
        {
            int validity = data.Buffers[0].Length;
            if (validity == 0 ? data.NullCount > 0 : validity < Bytes(end))
            {
                return $"column `{name}`: its validity bitmap holds {validity} bytes, too few for {end} values";
            }
        }
        return data.DataType switch
        {
            DictionaryType d => Dictionary(data, name, d),
            BooleanType => Fixed(data, name, Bytes(end)),
            FixedSizeBinaryType f => Fixed(data, name, end * f.ByteWidth),
            FixedWidthType f => Fixed(data, name, end * ((f.BitWidth + 7) / 8)),
            StringType or BinaryType => Offsets<int>(data, name, end, data.Buffers.Length > 2 ? data.Buffers[2].Length : 0),
            LargeStringType or LargeBinaryType => Offsets<long>(data, name, end, data.Buffers.Length > 2 ? data.Buffers[2].Length : 0),
            ListType or MapType => Offsets<int>(data, name, end, ChildLength(data)) ?? Children(data, name),
            LargeListType => Offsets<long>(data, name, end, ChildLength(data)) ?? Children(data, name),
            FixedSizeListType f => ChildLength(data) < end * f.ListSize
                ? $"column `{name}`: its values hold {ChildLength(data)} items, too few for {end} lists of {f.ListSize}"
                : Children(data, name),
            StructType => data.Children.Any(c => c.Length < end) ? $"column `{name}`: a field holds fewer values than the struct" : Children(data, name),
            _ => null, // types dq's kernels never read the buffers of (views, unions, intervals of months-days-nanos): the engine reports them as unsupported
        };
    }

    private static long Bytes(long bits) => (bits + 7) / 8;

    private static long ChildLength(ArrayData data) => data.Children.Length > 0 ? data.Children[0].Length : 0;

    private static string? Fixed(ArrayData data, string name, long needed) =>
        data.Buffers.Length < 2 || data.Buffers[1].Length < needed
            ? $"column `{name}`: its values buffer holds {(data.Buffers.Length < 2 ? 0 : data.Buffers[1].Length)} bytes, {needed} are needed"
            : null;

    private static string? Offsets<T>(ArrayData data, string name, long end, long limit)
        where T : struct, System.Numerics.IBinaryInteger<T>
    {
        if (data.Length == 0)
        {
            return null;
        }
        int size = Marshal.SizeOf<T>();
        if (data.Buffers.Length < 2 || data.Buffers[1].Length < (end + 1) * size)
        {
            return $"column `{name}`: its offsets buffer is too short for {end} values";
        }
        ReadOnlySpan<T> offsets = MemoryMarshal.Cast<byte, T>(data.Buffers[1].Span)[data.Offset..(int)(end + 1)];
        long previous = long.CreateTruncating(offsets[0]);
        if (previous < 0)
        {
            return $"column `{name}`: an offset is negative";
        }
        for (int i = 1; i < offsets.Length; i++)
        {
            long next = long.CreateTruncating(offsets[i]);
            if (next < previous)
            {
                return $"column `{name}`: offsets go backwards at value {data.Offset + i - 1}";
            }
            previous = next;
        }
        return previous > limit ? $"column `{name}`: an offset ({previous}) points past its data ({limit})" : null;
    }

    private static string? Children(ArrayData data, string name)
    {
        foreach (ArrayData child in data.Children)
        {
            if (Check(child, name + ".child") is { } childProblem)
            {
                return childProblem;
            }
        }
        return null;
    }

    private static string? Dictionary(ArrayData data, string name, DictionaryType type)
    {
        if (data.Dictionary is null)
        {
            return $"column `{name}` is dictionary-encoded but has no dictionary";
        }
        if (Check(data.Dictionary, name + " (dictionary)") is { } problem)
        {
            return problem;
        }
        var indices = new ArrayData(type.IndexType, data.Length, data.NullCount, data.Offset, data.Buffers);
        if (Check(indices, name + " (indices)") is { } indexProblem)
        {
            return indexProblem;
        }
        if (data.Length == 0)
        {
            return null;
        }
        int size = data.Dictionary.Length;
        // One typed pass over the index buffer (this runs on every batch of every Arrow file).
        ReadOnlySpan<byte> buffer = data.Buffers[1].Span;
        int row = type.IndexType.TypeId switch
        {
            ArrowTypeId.Int8 => OutsideDictionary(MemoryMarshal.Cast<byte, sbyte>(buffer), data, size),
            ArrowTypeId.Int16 => OutsideDictionary(MemoryMarshal.Cast<byte, short>(buffer), data, size),
            ArrowTypeId.Int32 => OutsideDictionary(MemoryMarshal.Cast<byte, int>(buffer), data, size),
            ArrowTypeId.Int64 => OutsideDictionary(MemoryMarshal.Cast<byte, long>(buffer), data, size),
            ArrowTypeId.UInt8 => OutsideDictionary(MemoryMarshal.Cast<byte, byte>(buffer), data, size),
            ArrowTypeId.UInt16 => OutsideDictionary(MemoryMarshal.Cast<byte, ushort>(buffer), data, size),
            ArrowTypeId.UInt32 => OutsideDictionary(MemoryMarshal.Cast<byte, uint>(buffer), data, size),
            ArrowTypeId.UInt64 => OutsideDictionary(MemoryMarshal.Cast<byte, ulong>(buffer), data, size),
            _ => -2,
        };
        return row switch
        {
            -1 => null,
            -2 => $"column `{name}`: dictionary indices of type {type.IndexType.Name} are not integers",
            _ => $"column `{name}`: dictionary index at row {row} is outside its {size}-value dictionary",
        };
    }

    /// <summary>The first valid row whose index is outside [0, size), or -1.</summary>
    private static int OutsideDictionary<T>(ReadOnlySpan<T> all, ArrayData data, int size)
        where T : struct, System.Numerics.IBinaryInteger<T>
    {
        ReadOnlySpan<T> indices = all.Slice(data.Offset, data.Length);
        ReadOnlySpan<byte> validity = data.Buffers[0].Span;
        for (int i = 0; i < indices.Length; i++)
        {
            // Compared as unsigned 64-bit: a negative index wraps above any size.
            if (ulong.CreateTruncating(indices[i]) >= (ulong)size && (validity.IsEmpty || BitUtility.GetBit(validity, data.Offset + i)))
            {
                return i;
            }
        }
        return -1;
    }
}
