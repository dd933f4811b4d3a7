using Apache.Arrow;
using Apache.Arrow.Types;

namespace Dq.Readers.Csv;

/// <summary>Appends the fields of one CSV column, of its inferred type, to an Arrow array builder.</summary>
internal abstract class CsvColumnBuilder
{
    /// <summary>Appends one non-null value; <see langword="false"/> when it does not parse as the column's type.</summary>
    public abstract bool TryAppend(ReadOnlySpan<byte> value);

    public abstract void AppendNull();

    /// <summary>Returns the array of the values appended since the last call, and starts a new one.</summary>
    public abstract IArrowArray Build();

    public static CsvColumnBuilder Create(CsvColumnType type, int capacity) => type switch
    {
        CsvColumnType.Int64 => new Int64Column(capacity),
        CsvColumnType.Double => new DoubleColumn(capacity),
        CsvColumnType.Boolean => new BooleanColumn(capacity),
        _ => new StringColumn(),
    };

    public static IArrowType ArrowType(CsvColumnType type) => type switch
    {
        CsvColumnType.Int64 => Int64Type.Default,
        CsvColumnType.Double => DoubleType.Default,
        CsvColumnType.Boolean => BooleanType.Default,
        _ => StringType.Default,
    };

    private sealed class Int64Column(int capacity) : CsvColumnBuilder
    {
        private Int64Array.Builder _builder = new Int64Array.Builder().Reserve(capacity);

        public override bool TryAppend(ReadOnlySpan<byte> value)
        {
            if (!CsvValueParser.TryParseInt64(value, out long parsed))
            {
                return false;
            }
            _builder.Append(parsed);
            return true;
        }

        public override void AppendNull() => _builder.AppendNull();

        public override IArrowArray Build()
        {
            Int64Array array = _builder.Build();
            _builder = new Int64Array.Builder().Reserve(capacity);
            return array;
        }
    }

    private sealed class DoubleColumn(int capacity) : CsvColumnBuilder
    {
        private DoubleArray.Builder _builder = new DoubleArray.Builder().Reserve(capacity);

        public override bool TryAppend(ReadOnlySpan<byte> value)
        {
            if (!CsvValueParser.TryParseDouble(value, out double parsed))
            {
                return false;
            }
            _builder.Append(parsed);
            return true;
        }

        public override void AppendNull() => _builder.AppendNull();

        public override IArrowArray Build()
        {
            DoubleArray array = _builder.Build();
            _builder = new DoubleArray.Builder().Reserve(capacity);
            return array;
        }
    }

    private sealed class BooleanColumn(int capacity) : CsvColumnBuilder
    {
        private BooleanArray.Builder _builder = new BooleanArray.Builder().Reserve(capacity);

        public override bool TryAppend(ReadOnlySpan<byte> value)
        {
            if (!CsvValueParser.TryParseBoolean(value, out bool parsed))
            {
                return false;
            }
            _builder.Append(parsed);
            return true;
        }

        public override void AppendNull() => _builder.AppendNull();

        public override IArrowArray Build()
        {
            BooleanArray array = _builder.Build();
            _builder = new BooleanArray.Builder().Reserve(capacity);
            return array;
        }
    }

    private sealed class StringColumn : CsvColumnBuilder
    {
        private StringArray.Builder _builder = new();

        public override bool TryAppend(ReadOnlySpan<byte> value)
        {
            _builder.Append(value);
            return true;
        }

        public override void AppendNull() => _builder.AppendNull();

        public override IArrowArray Build()
        {
            StringArray array = _builder.Build();
            _builder = new StringArray.Builder();
            return array;
        }
    }
}
