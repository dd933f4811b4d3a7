using Apache.Arrow;
using Dq.Expectations.Columns;
using Dq.Sql.Schema;

namespace Dq.Sql;

/// <summary>
/// The rows of a <see cref="SqlSource"/> as Arrow batches, in row order, with only the columns asked for: how the
/// few metrics with no SQL form (row order checks, multi-column and model checks) are computed by dq's engine, and
/// the "pull the table into dq" baseline of the benchmarks.
/// </summary>
public sealed class SqlBatchSource : IBatchSource
{
    private const int BatchRows = 65_536;
    private readonly SqlSource _source;
    private Apache.Arrow.Schema? _schema;

    /// <summary>Reads <paramref name="source"/>; a connection is opened per <see cref="ReadBatches"/>.</summary>
    public SqlBatchSource(SqlSource source) => _source = source ?? throw new ArgumentNullException(nameof(source));

    internal SqlBatchSource(SqlSource source, SqlSession session, Apache.Arrow.Schema schema)
        : this(source)
    {
        Session = session;
        _schema = schema;
    }

    /// <summary>A session shared with the validation that created this source (not disposed here).</summary>
    private SqlSession? Session { get; }

    /// <inheritdoc />
    public string Name => _source.Name;

    /// <inheritdoc />
    public Apache.Arrow.Schema Schema
    {
        get
        {
            if (_schema is null)
            {
                using var session = _source.Open();
                _schema = SqlSchemaReader.Read(session);
            }
            return _schema;
        }
    }

    /// <inheritdoc />
    public IEnumerable<RecordBatch> ReadBatches(IReadOnlyCollection<string>? columns = null, CancellationToken cancellationToken = default)
    {
        var schema = Schema;
        var fields = schema.FieldsList.Where(f => columns is null || columns.Contains(f.Name)).ToList();
        var owned = Session is null ? _source.Open() : null;
        try
        {
            var session = Session ?? owned!;
            foreach (var batch in Read(session, fields, cancellationToken))
            {
                yield return batch;
            }
        }
        finally
        {
            owned?.Dispose();
        }
    }

    /// <summary>Streams the rows: the reader stays open between batches, so memory holds one batch at a time.</summary>
    private IEnumerable<RecordBatch> Read(SqlSession session, List<Field> fields, CancellationToken cancellationToken)
    {
        var projected = new Apache.Arrow.Schema(fields, null);
        var command = session.Command();
        var list = fields.Count == 0 ? "1 AS dq_none" : string.Join(", ", fields.Select(f => SqlDialect.Quote(f.Name)));
        var order = SqlRowOrder.OrderBy(_source);
        command.CommandText = $"SELECT {list} FROM {_source.Relation.FromText}{(order is null ? "" : " ORDER BY " + order)}";
        using var reader = session.OpenReader(command);
        var yielded = false;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var writers = fields.Select(f => new ArrowColumnWriter(f.DataType)).ToArray();
            var rows = 0;
            while (rows < BatchRows && session.ReadRow(reader))
            {
                for (var i = 0; i < writers.Length; i++)
                {
                    writers[i].Append(reader, i);
                }
                rows++;
            }
            if (rows == 0 && yielded)
            {
                yield break;
            }
            yielded = true;
            yield return new RecordBatch(projected, writers.Select(w => w.Build()), rows);
            if (rows < BatchRows)
            {
                yield break;
            }
        }
    }

    /// <summary>Nothing to release: the batches are managed memory, and connections close after each read.</summary>
    public void Dispose()
    {
    }
}
