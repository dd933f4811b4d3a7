using System.Text;
using Apache.Arrow;
using Dq.Expectations;
using Dq.Expectations.Columns;
using Dq.Readers.Csv;

namespace Dq.Readers;

/// <summary>
/// A CSV (or other delimited text) file with a header row, read as a stream of Arrow record batches of
/// <see cref="CsvReaderOptions.BatchSize"/> rows.
/// </summary>
/// <remarks>
/// <para>
/// The file is RFC 4180 text in UTF-8 (a byte order mark is skipped): quoted fields may contain the delimiter, line
/// breaks and doubled quotes (<c>""</c>); lines end with LF, CRLF or CR. An empty field, quoted or not, is null; so are
/// the <see cref="CsvReaderOptions.NullTokens"/>. Values are not trimmed. An empty line is skipped when the file has
/// more than one column. A header-only file is valid and has zero rows.
/// </para>
/// <para>
/// Column types are inferred from every non-null value: Int64 if all are integers, Double if all are numbers
/// (integers widen), Boolean if all are <c>true</c>/<c>false</c> (any case), else String. A number with a leading zero
/// (<c>007</c>) makes its column String, and a column with no non-null value is an all-null String column. Numbers are
/// parsed invariantly; <c>NaN</c>, <c>Infinity</c> and <c>inf</c> (any case, optional sign) are doubles.
/// </para>
/// <para>
/// To infer exact types with bounded memory, the file is read twice: a first pass over the whole file infers the
/// types and checks the data (when <see cref="Schema"/> is first read, or <see cref="ReadBatches"/> first runs), and
/// every <see cref="ReadBatches"/> is a second pass that parses the values. The file must not change in between.
/// </para>
/// </remarks>
public sealed class CsvSource : IBatchSource
{
    private readonly CsvReaderOptions _options;
    private readonly byte[][] _nullTokens;
    private (Schema Schema, CsvColumnType[] Types)? _inferred;
    private bool _disposed;

    /// <summary>Creates a source over the CSV file at <paramref name="path"/>. Nothing is read until it is needed.</summary>
    /// <param name="path">The path of the file; it is also the <see cref="Name"/> of the source.</param>
    /// <param name="options">The options, or <see langword="null"/> for the defaults of <see cref="CsvReaderOptions"/>.</param>
    /// <exception cref="ArgumentException">The delimiter or quote is not ASCII, is a line break, or both are the same.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The batch size is not positive.</exception>
    public CsvSource(string path, CsvReaderOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        CsvReaderOptions resolved = options ?? new CsvReaderOptions();
        ValidateCharacter(resolved.Delimiter, nameof(CsvReaderOptions.Delimiter));
        ValidateCharacter(resolved.Quote, nameof(CsvReaderOptions.Quote));
        if (resolved.Delimiter == resolved.Quote)
        {
            throw new ArgumentException($"The delimiter and the quote are both `{resolved.Delimiter}`; they must differ.", nameof(options));
        }
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(resolved.BatchSize, nameof(options));
        _options = resolved;
        _nullTokens = [.. (resolved.NullTokens ?? []).Select(Encoding.UTF8.GetBytes)];
        Name = path;
    }

    /// <summary>The path of the file.</summary>
    public string Name { get; }

    /// <summary>
    /// The columns in header order, each nullable and of its inferred type (int64, double, bool or string).
    /// Reading it the first time runs the inference pass over the whole file.
    /// </summary>
    /// <exception cref="DataReadException">The file is missing, empty or malformed; the message gives the line and column.</exception>
    /// <exception cref="ObjectDisposedException">The source has been disposed.</exception>
    public Schema Schema => Infer(CancellationToken.None).Schema;

    /// <summary>Reads the rows in batches of <see cref="CsvReaderOptions.BatchSize"/> rows, in file order.</summary>
    /// <param name="columns">The columns to read, or <see langword="null"/> for all; names not in the header are ignored.</param>
    /// <param name="cancellationToken">Stops reading between batches (and between rows of the inference pass).</param>
    /// <returns>The batches; none for a header-only file. Each batch is independent of the ones before it.</returns>
    /// <exception cref="DataReadException">The file is missing, empty or malformed; the message gives the line and column.</exception>
    /// <exception cref="ObjectDisposedException">The source has been disposed.</exception>
    public IEnumerable<RecordBatch> ReadBatches(IReadOnlyCollection<string>? columns = null, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return Read(columns, cancellationToken);
    }

    /// <summary>Marks the source as disposed; files are only open while a pass runs.</summary>
    public void Dispose() => _disposed = true;

    private IEnumerable<RecordBatch> Read(IReadOnlyCollection<string>? columns, CancellationToken cancellationToken)
    {
        (Schema schema, CsvColumnType[] types) = Infer(cancellationToken);
        int[] selected = SelectColumns(schema, columns);
        int batchSize = _options.BatchSize;
        int capacity = Math.Min(batchSize, 4096);
        var builders = selected.Select(i => CsvColumnBuilder.Create(types[i], capacity)).ToArray();
        var batchSchema = new Schema(selected.Select(i => schema.FieldsList[i]), null);

        using var cursor = new CsvRecordCursor(Name, _options);
        int rows = 0;
        while (cursor.MoveNext())
        {
            for (int k = 0; k < selected.Length; k++)
            {
                ReadOnlySpan<byte> value = cursor.GetSpan(selected[k]);
                if (IsNull(value))
                {
                    builders[k].AppendNull();
                }
                else if (!builders[k].TryAppend(value))
                {
                    int column = selected[k];
                    throw ReaderErrors.CsvChangedWhileReading(Name, cursor.LineNumber, column + 1, schema.FieldsList[column].Name, schema.FieldsList[column].DataType.Name);
                }
            }
            if (++rows == batchSize)
            {
                yield return new RecordBatch(batchSchema, [.. builders.Select(b => b.Build())], rows);
                rows = 0;
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
        if (rows > 0)
        {
            yield return new RecordBatch(batchSchema, [.. builders.Select(b => b.Build())], rows);
        }
    }

    private (Schema Schema, CsvColumnType[] Types) Infer(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_inferred is { } inferred)
        {
            return inferred;
        }
        using var cursor = new CsvRecordCursor(Name, _options);
        var types = new CsvColumnType[cursor.Header.Count];
        long rows = 0;
        while (cursor.MoveNext())
        {
            for (int i = 0; i < types.Length; i++)
            {
                // Every field is checked here, so that the second pass, which may read only some columns, needs no check.
                cursor.ValidateUtf8(i);
                ReadOnlySpan<byte> value = cursor.GetSpan(i);
                if (types[i] != CsvColumnType.String && !IsNull(value))
                {
                    types[i] = CsvValueParser.Widen(types[i], CsvValueParser.Classify(value));
                }
            }
            if ((++rows & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
        for (int i = 0; i < types.Length; i++)
        {
            types[i] = types[i] == CsvColumnType.Unknown ? CsvColumnType.String : types[i];
        }
        var fields = cursor.Header.Select((name, i) => new Field(name, CsvColumnBuilder.ArrowType(types[i]), nullable: true));
        var schema = new Schema(fields, null);
        _inferred = (schema, types);
        return (schema, types);
    }

    private static int[] SelectColumns(Schema schema, IReadOnlyCollection<string>? columns)
    {
        if (columns is null)
        {
            return [.. Enumerable.Range(0, schema.FieldsList.Count)];
        }
        var wanted = new HashSet<string>(columns, StringComparer.Ordinal);
        return [.. Enumerable.Range(0, schema.FieldsList.Count).Where(i => wanted.Contains(schema.FieldsList[i].Name))];
    }

    private bool IsNull(ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty)
        {
            return true;
        }
        foreach (byte[] token in _nullTokens)
        {
            if (value.SequenceEqual(token))
            {
                return true;
            }
        }
        return false;
    }

    private static void ValidateCharacter(char value, string name)
    {
        if (!char.IsAscii(value) || value is '\r' or '\n' or '\0')
        {
            throw new ArgumentException($"The {name} `{value}` (U+{(int)value:X4}) must be an ASCII character other than a line break.", name);
        }
    }
}
