using Apache.Arrow;
using Dq.Expectations;
using Dq.Expectations.Columns;
using Dq.Expectations.Results;
using Dq.Readers.Csv;

namespace Dq.Readers;

/// <summary>
/// A CSV (or other delimited text) file, read in one streaming pass as Arrow record batches of
/// <see cref="CsvReaderOptions.BatchSize"/> rows.
/// </summary>
/// <remarks>
/// <para>
/// The file is RFC 4180 text in UTF-8 (a byte order mark is skipped): quoted fields may contain the delimiter, line
/// breaks and escaped quotes; lines end with LF, CRLF or CR. An empty field, quoted or not, is null; so are the
/// <see cref="CsvReaderOptions.NullTokens"/> and pandas' <see cref="CsvReaderOptions.DefaultNullTokens"/>. Values are not trimmed. An empty line is skipped when the file has more
/// than one column. A header-only file is valid and has zero rows.
/// </para>
/// <para>
/// Types: a column named in <see cref="CsvReaderOptions.Schema"/> has that type. Every other column's type is inferred
/// from the first <see cref="CsvReaderOptions.InferenceRows"/> rows: Int64 if all non-null values are integers, Double
/// if all are numbers (integers widen), Boolean if all are <c>true</c>/<c>false</c>, else String; a number with a
/// leading zero (<c>007</c>) makes its column String, and a column without a non-null value is an all-null String.
/// Dates and timestamps are never inferred: name them in the schema.
/// </para>
/// <para>
/// A value after the sample that does not fit its column's type (<c>abc</c> in an Int64 column, <c>007</c> in an
/// inferred number column) is a <see cref="DataReadException"/> naming the line, column and value: the batches already
/// handed out cannot be widened, and turning the value into a null would hide it. The message says how to fix it:
/// set the column's type in the schema (<c>--schema "zip:string"</c>), or infer from more rows.
/// </para>
/// </remarks>
public sealed class CsvSource : IBatchSource, IBadRowReport
{
    private readonly CsvReaderOptions _options;
    private readonly Func<Stream> _open;
    private readonly CsvNullTokens _nulls;
    private readonly CsvBufferPool _buffers = new();
    private (Schema Schema, CsvColumnSpec[] Columns)? _plan;
    private bool _disposed;

    /// <summary>Creates a source over the CSV file at <paramref name="path"/>. Nothing is read until it is needed.</summary>
    /// <param name="path">The path of the file; it is also the <see cref="Name"/> of the source.</param>
    /// <param name="options">The options, or <see langword="null"/> for the defaults of <see cref="CsvReaderOptions"/>.</param>
    /// <exception cref="ArgumentException">The options are not valid (see <see cref="CsvReaderOptions.Validate"/>).</exception>
    public CsvSource(string path, CsvReaderOptions? options = null)
        : this(path, () => OpenFile(path), options)
    {
    }

    /// <summary>A source over any stream, for tests that feed the bytes in pieces.</summary>
    internal CsvSource(string name, Func<Stream> open, CsvReaderOptions? options)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        CsvReaderOptions resolved = options ?? new CsvReaderOptions();
        resolved.Validate();
        _options = resolved;
        _open = open;
        _nulls = new CsvNullTokens(resolved.EffectiveNullTokens);
        Name = name;
    }

    /// <summary>The path of the file.</summary>
    public string Name { get; }

    /// <summary>
    /// The columns in file order, each nullable, of the schema's or the inferred type. Reading it the first time reads
    /// the header and the inference sample.
    /// </summary>
    /// <exception cref="DataReadException">The file is missing, empty or malformed; the message gives the line and column.</exception>
    /// <exception cref="ObjectDisposedException">The source has been disposed.</exception>
    public Schema Schema
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_plan is null)
            {
                using CsvTokenizer tokenizer = Open();
                Plan(tokenizer, out _);
            }
            return _plan!.Value.Schema;
        }
    }

    /// <summary>The rows skipped by the most recent <see cref="ReadBatches"/> (with <see cref="BadRowHandling.Skip"/>).</summary>
    public BadRows BadRows { get; private set; } = BadRows.None;

    /// <summary>Reads the rows in batches of <see cref="CsvReaderOptions.BatchSize"/> rows, in file order, in one pass.</summary>
    /// <param name="columns">The columns to read, or <see langword="null"/> for all; names not in the header are ignored.</param>
    /// <param name="cancellationToken">Stops reading between blocks of rows.</param>
    /// <returns>The batches; none for a header-only file. Each batch owns its buffers until it is passed to <see cref="ReleaseBatch"/>.</returns>
    /// <exception cref="DataReadException">The file is missing, empty or malformed, or a value does not fit its column's type.</exception>
    /// <exception cref="ObjectDisposedException">The source has been disposed.</exception>
    public IEnumerable<RecordBatch> ReadBatches(IReadOnlyCollection<string>? columns = null, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return Read(columns, cancellationToken);
    }

    /// <summary>Takes back the buffers of a batch this source yielded, for the batches that follow; it must not be used afterwards.</summary>
    /// <param name="batch">A batch from <see cref="ReadBatches"/>.</param>
    public void ReleaseBatch(RecordBatch batch) => _buffers.Return(batch);

    /// <summary>Marks the source as disposed; the file is only open while a read runs.</summary>
    public void Dispose() => _disposed = true;

    private IEnumerable<RecordBatch> Read(IReadOnlyCollection<string>? columns, CancellationToken cancellationToken)
    {
        using CsvTokenizer tokenizer = Open();
        BadRows = BadRows.None;
        (Schema schema, CsvColumnSpec[] specs) = Plan(tokenizer, out CsvSample sample);
        var wanted = columns is null ? null : new HashSet<string>(columns, StringComparer.Ordinal);
        int[] selected = [.. Enumerable.Range(0, specs.Length).Where(i => wanted is null || wanted.Contains(specs[i].Name))];
        int batchSize = _options.BatchSize;
        var appenders = selected.Select(i => CsvColumnAppender.Create(Context(specs[i], i), batchSize, _buffers)).ToArray();
        var batchSchema = new Schema(selected.Select(i => schema.FieldsList[i]), null);
        int rows = 0;
        CsvFieldBlock block = sample.Block;
        int first = 0;
        while (true)
        {
            if (first == block.Rows)
            {
                cancellationToken.ThrowIfCancellationRequested();
                block = tokenizer.Block;
                first = 0;
                if (tokenizer.ReadBlock(batchSize - rows) == 0)
                {
                    break;
                }
            }
            int count = Math.Min(block.Rows - first, batchSize - rows);
            for (int k = 0; k < appenders.Length; k++)
            {
                appenders[k].Append(block, selected[k], first, count);
            }
            first += count;
            rows += count;
            BadRows = tokenizer.BadRows;
            if (rows == batchSize)
            {
                yield return new RecordBatch(batchSchema, [.. appenders.Select(a => a.Build())], rows);
                rows = 0;
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
        BadRows = tokenizer.BadRows;
        if (rows > 0)
        {
            yield return new RecordBatch(batchSchema, [.. appenders.Select(a => a.Build())], rows);
        }
    }

    /// <summary>Reads the header and, when a type must be inferred, the sample rows into <paramref name="sample"/>.</summary>
    private (Schema Schema, CsvColumnSpec[] Columns) Plan(CsvTokenizer tokenizer, out CsvSample sample)
    {
        IReadOnlyList<string> header = tokenizer.ReadHeader(_options.HasHeader);
        IReadOnlyDictionary<string, CsvColumnSpec> fixedTypes = _options.Schema?.Columns ?? new Dictionary<string, CsvColumnSpec>();
        foreach (string name in fixedTypes.Keys.Where(n => !header.Contains(n)))
        {
            throw ReaderErrors.SchemaColumnNotInHeader(Name, name, header);
        }
        var specs = new CsvColumnSpec[header.Count];
        sample = new CsvSample(header.Count);
        bool infer = _options.InferTypes && header.Any(n => !fixedTypes.ContainsKey(n));
        if (infer)
        {
            ReadSample(tokenizer, sample);
        }
        for (int i = 0; i < specs.Length; i++)
        {
            specs[i] = fixedTypes.TryGetValue(header[i], out CsvColumnSpec? spec) ? spec : new CsvColumnSpec(header[i], ToColumnType(sample.Rows == 0 ? InferredType.Unknown : sample.Infer(i, _nulls)));
        }
        var schema = new Schema(specs.Select(s => new Field(s.Name, CsvColumnAppender.ArrowTypeOf(s.Type), nullable: true)), null);
        _plan ??= (schema, specs);
        return _plan.Value;
    }

    private void ReadSample(CsvTokenizer tokenizer, CsvSample sample)
    {
        while (sample.Rows < _options.InferenceRows && tokenizer.ReadBlock(_options.InferenceRows - sample.Rows) > 0)
        {
            sample.Add(tokenizer.Block);
        }
    }

    private CsvColumnContext Context(CsvColumnSpec spec, int index)
    {
        bool inferred = _options.Schema?.Columns.ContainsKey(spec.Name) != true;
        return new CsvColumnContext(Name, spec.Name, index + 1, spec.Type, spec.Format, inferred ? _options.InferenceRows : null, _nulls);
    }

    private static CsvColumnType ToColumnType(InferredType type) => type switch
    {
        InferredType.Int64 => CsvColumnType.Int64,
        InferredType.Double => CsvColumnType.Double,
        InferredType.Boolean => CsvColumnType.Boolean,
        _ => CsvColumnType.String,
    };

    private CsvTokenizer Open() => new(_open(), Name, _options);

    private static Stream OpenFile(string path) => DataFiles.OpenText(path, FileOptions.SequentialScan, bufferSize: 0);
}
