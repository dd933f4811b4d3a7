using Apache.Arrow;

namespace Dq.Expectations.Columns;

/// <summary>An <see cref="IBatchSource"/> over record batches already in memory.</summary>
public sealed class RecordBatchSource : IBatchSource
{
    private readonly IReadOnlyList<RecordBatch> _batches;

    /// <summary>Wraps batches that share <paramref name="schema"/>.</summary>
    /// <exception cref="ArgumentException">A batch's schema differs from <paramref name="schema"/>.</exception>
    public RecordBatchSource(Schema schema, IReadOnlyList<RecordBatch> batches, string name = "in-memory batches")
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(batches);
        for (var i = 0; i < batches.Count; i++)
        {
            if (batches[i].ColumnCount != schema.FieldsList.Count)
            {
                throw new ArgumentException(
                    $"Batch {i} has {batches[i].ColumnCount} columns but the schema has {schema.FieldsList.Count}; every batch must share the schema.",
                    nameof(batches));
            }
        }
        Schema = schema;
        _batches = batches;
        Name = name;
    }

    /// <summary>Wraps a single batch.</summary>
    public RecordBatchSource(RecordBatch batch, string name = "in-memory batch")
        : this(batch?.Schema ?? throw new ArgumentNullException(nameof(batch)), [batch], name) { }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>The rows of every batch.</summary>
    public long? KnownRowCount => _batches.Sum(b => (long)b.Length);

    /// <inheritdoc />
    public Schema Schema { get; }

    /// <inheritdoc />
    public IEnumerable<RecordBatch> ReadBatches(IReadOnlyCollection<string>? columns = null, CancellationToken cancellationToken = default)
    {
        foreach (var batch in _batches)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return batch;
        }
    }

    /// <summary>Does nothing: the batches belong to the caller.</summary>
    public void Dispose() { }
}
