using Apache.Arrow;
using Apache.Arrow.Types;

namespace Dq.Readers.Csv;

/// <summary>
/// Parses one column of a block of records straight into the Arrow buffers of the batch being built: a tight typed
/// loop per column and block, with no string and no per-value virtual call.
/// </summary>
internal abstract class CsvColumnAppender(CsvColumnContext context, int capacity, CsvBufferPool pool)
{
    protected CsvColumnContext Context { get; } = context;

    /// <summary>Where the value buffers come from, and go back to when the engine releases a batch.</summary>
    protected CsvBufferPool Pool { get; } = pool;

    /// <summary>The rows a batch holds; buffers are sized for it once per batch.</summary>
    protected int Capacity { get; } = capacity;

    /// <summary>The rows appended to the current batch.</summary>
    protected int Length { get; set; }

    protected ValidityBits Validity { get; } = new(capacity);

    /// <summary>Appends rows <paramref name="first"/>… of the block's column <paramref name="column"/>.</summary>
    /// <exception cref="Dq.Expectations.DataReadException">A value does not parse as the column's type.</exception>
    public abstract void Append(CsvFieldBlock block, int column, int first, int count);

    /// <summary>Returns the array of the rows appended since the last call, and starts new buffers.</summary>
    public abstract IArrowArray Build();

    public static CsvColumnAppender Create(CsvColumnContext context, int capacity, CsvBufferPool pool) => context.Type switch
    {
        CsvColumnType.Int64 => new PrimitiveAppender<long, Int64Parser>(context, capacity, pool, Int64Type.Default, new(context.Inferred)),
        CsvColumnType.Double => new PrimitiveAppender<double, DoubleParser>(context, capacity, pool, DoubleType.Default, new(context.Inferred)),
        CsvColumnType.Date => new PrimitiveAppender<int, DateParser>(context, capacity, pool, Date32Type.Default, new(context.Format)),
        CsvColumnType.Timestamp => new PrimitiveAppender<long, TimestampParser>(context, capacity, pool, ArrowTypeOf(CsvColumnType.Timestamp), new(context.Format)),
        CsvColumnType.Boolean => new BooleanAppender(context, capacity, pool),
        _ => new StringAppender(context, capacity, pool),
    };

    public static IArrowType ArrowTypeOf(CsvColumnType type) => type switch
    {
        CsvColumnType.Int64 => Int64Type.Default,
        CsvColumnType.Double => DoubleType.Default,
        CsvColumnType.Boolean => BooleanType.Default,
        CsvColumnType.Date => Date32Type.Default,
        CsvColumnType.Timestamp => new TimestampType(TimeUnit.Microsecond, "UTC"),
        _ => StringType.Default,
    };
}

/// <summary>The validity bitmap of one batch, allocated at the first null (a column without nulls has none).</summary>
internal sealed class ValidityBits(int capacity)
{
    private byte[]? _bits;

    public int NullCount { get; private set; }

    public void SetNull(int index)
    {
        if (_bits is null)
        {
            _bits = new byte[(capacity + 7) / 8];
            _bits.AsSpan().Fill(0xFF);
        }
        _bits[index >> 3] &= (byte)~(1 << (index & 7));
        NullCount++;
    }

    /// <summary>The bitmap of the first <paramref name="length"/> rows, and resets for the next batch.</summary>
    public ArrowBuffer Build(int length)
    {
        ArrowBuffer buffer = _bits is null ? ArrowBuffer.Empty : new ArrowBuffer(_bits.AsMemory(0, (length + 7) / 8));
        _bits = null;
        NullCount = 0;
        return buffer;
    }
}
