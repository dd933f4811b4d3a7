using Apache.Arrow;
using Dq.Expectations.Columns;
using Dq.Readers.Frames;
using Microsoft.Data.Analysis;

namespace Dq.Readers;

/// <summary>
/// An <see cref="IBatchSource"/> over a Microsoft.Data.Analysis <see cref="DataFrame"/>, so that dq validates a frame
/// in memory: <c>Validator.Validate(new DataFrameSource(frame), suite)</c>.
/// </summary>
/// <remarks>
/// <para>
/// Columns map to Arrow as follows: integer and floating-point columns keep their width and sign and are read
/// without copying (a batch is a view of the column's memory); <see cref="BooleanDataFrameColumn"/> → boolean;
/// <see cref="ArrowStringDataFrameColumn"/> → UTF-8 text without copying; <see cref="StringDataFrameColumn"/> →
/// UTF-8 text, each .NET string encoded once; <see cref="CharDataFrameColumn"/> → text of one character;
/// <see cref="DecimalDataFrameColumn"/> → decimal128 with precision 38 and the column's largest scale (so no value is
/// rounded); <see cref="DateTimeDataFrameColumn"/> → timestamp in microseconds without a time zone (the wall-clock
/// value; the ticks below a microsecond are dropped); <c>PrimitiveDataFrameColumn&lt;DateOnly&gt;</c> → date32;
/// <c>PrimitiveDataFrameColumn&lt;DateTimeOffset&gt;</c> → timestamp in microseconds in UTC. Nulls stay nulls; NaN
/// stays a value.
/// </para>
/// <para>
/// The batches share the frame's memory: do not change the frame while a validation runs, and create a new source
/// after changing it. The source owns nothing, so <see cref="Dispose"/> does nothing.
/// </para>
/// </remarks>
public sealed class DataFrameSource : IBatchSource
{
    /// <summary>The rows per batch unless the constructor is told otherwise: 65,536.</summary>
    public const int DefaultBatchRows = 65_536;

    private readonly FrameColumnReader[] _readers;
    private readonly int _batchRows;
    private readonly long _rowCount;

    /// <summary>Wraps <paramref name="frame"/>.</summary>
    /// <param name="frame">The frame to validate.</param>
    /// <param name="name">The data asset's name in results and messages.</param>
    /// <param name="batchRows">The rows per batch (at least 1); results do not depend on it.</param>
    /// <exception cref="ArgumentException">
    /// A column's values have no Arrow mapping (such as a <c>VBufferDataFrameColumn</c>), or a decimal column needs more
    /// than 38 digits; the message names the column.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batchRows"/> is less than 1.</exception>
    public DataFrameSource(DataFrame frame, string name = "DataFrame", int batchRows = DefaultBatchRows)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchRows, 1);
        _readers = [.. frame.Columns.Select(c => FrameColumnReader.Create(c, nameof(frame)))];
        Schema = new Schema(frame.Columns.Select((c, i) => new Field(c.Name, _readers[i].Type, nullable: true)), metadata: null);
        _rowCount = frame.Rows.Count;
        _batchRows = batchRows;
        Name = name;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>One nullable field per column of the frame, in the frame's order.</summary>
    public Schema Schema { get; }

    /// <summary>The frame's rows.</summary>
    public long? KnownRowCount => _rowCount;

    /// <inheritdoc />
    /// <remarks>Only the requested columns are converted, so leaving out a string column saves its encoding.</remarks>
    public IEnumerable<RecordBatch> ReadBatches(IReadOnlyCollection<string>? columns = null, CancellationToken cancellationToken = default)
    {
        int[] selected = columns is null
            ? [.. Enumerable.Range(0, _readers.Length)]
            : [.. Enumerable.Range(0, _readers.Length).Where(i => columns.Contains(Schema.GetFieldByIndex(i).Name))];
        var schema = columns is null ? Schema : new Schema(selected.Select(Schema.GetFieldByIndex), metadata: null);
        return Read(selected, schema, cancellationToken);
    }

    private IEnumerable<RecordBatch> Read(int[] selected, Schema schema, CancellationToken cancellationToken)
    {
        for (long start = 0; start < _rowCount; start += _batchRows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var length = (int)Math.Min(_batchRows, _rowCount - start);
            yield return new RecordBatch(schema, selected.Select(i => _readers[i].Read(start, length)), length);
        }
    }

    /// <summary>Does nothing: the frame belongs to the caller.</summary>
    public void Dispose() { }
}
