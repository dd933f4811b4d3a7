using Apache.Arrow;
using Apache.Arrow.Types;
using Microsoft.Data.Analysis;

namespace Dq.Readers.Frames;

/// <summary>
/// Reads a column of a <see cref="DataFrameColumn"/> subclass that dq does not know, through its indexer: slow
/// (one boxed value per row) but correct for any column whose <see cref="DataFrameColumn.DataType"/> is supported.
/// </summary>
internal sealed class BoxedColumnReader<T> : FrameColumnReader
{
    private readonly DataFrameColumn _column;
    private readonly Decimal128Type? _decimalType;

    public BoxedColumnReader(DataFrameColumn column, Decimal128Type? decimalType)
    {
        _column = column;
        _decimalType = decimalType;
        Type = ClrArrayBuilders.Create<T>(decimalType).Type;
    }

    public override IArrowType Type { get; }

    public override IArrowArray Read(long start, int length)
    {
        var builder = ClrArrayBuilders.Create<T>(_decimalType);
        for (var row = start; row < start + length; row++)
        {
            if (_column[row] is T value)
            {
                builder.Append(value);
            }
            else
            {
                builder.AppendNull();
            }
        }
        return builder.Build();
    }
}
