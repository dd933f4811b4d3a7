using System.Text;
using System.Text.Json;
using Apache.Arrow;
using Apache.Arrow.Types;
using Dq.Expectations;
using Dq.Expectations.Columns;
using Dq.Readers.Json;

namespace Dq.Readers;

/// <summary>
/// A JSON lines file (<c>.jsonl</c>, <c>.ndjson</c>): one JSON object per line, read in one pass as Arrow record batches.
/// </summary>
/// <remarks>
/// Columns are the keys of the first <see cref="InferenceRows"/> lines, in the order first seen; each column's type is
/// inferred from its values there: int64 if all are integers, double if all are numbers, bool if all are booleans,
/// else string (nested objects and arrays become their JSON text). A missing key or <c>null</c> is null. Empty lines
/// are skipped. A later line with an unknown key or a value that does not fit its column is a
/// <see cref="DataReadException"/> naming the line, as is a line that is not a JSON object.
/// </remarks>
public sealed class JsonLinesSource : IBatchSource
{
    private Schema? _schema;
    private bool _disposed;

    /// <summary>Creates a source over the JSON lines file at <paramref name="path"/>. Nothing is read until it is needed.</summary>
    /// <param name="path">The path of the file; it is also the <see cref="Name"/> of the source.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    public JsonLinesSource(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Name = path;
    }

    /// <summary>The path of the file.</summary>
    public string Name { get; }

    /// <summary>The default number of rows per batch: 64 Ki rows, the engine's block size.</summary>
    public const int DefaultBatchSize = 65_536;

    /// <summary>The default number of lines read to find the columns and their types.</summary>
    public const int DefaultInferenceRows = 10_000;

    /// <summary>The number of rows per batch. Defaults to <see cref="DefaultBatchSize"/>.</summary>
    public int BatchSize { get; init; } = DefaultBatchSize;

    /// <summary>The number of lines read to find the columns and their types. Defaults to <see cref="DefaultInferenceRows"/>.</summary>
    public int InferenceRows { get; init; } = DefaultInferenceRows;

    /// <summary>The columns found in the first <see cref="InferenceRows"/> lines, each nullable.</summary>
    /// <exception cref="DataReadException">The file is missing or a line is not a JSON object.</exception>
    /// <exception cref="ObjectDisposedException">The source has been disposed.</exception>
    public Schema Schema
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_schema is null)
            {
                using var lines = new JsonLineReader(Name);
                _schema = Infer(lines, out _).Schema;
            }
            return _schema;
        }
    }

    /// <summary>Reads the rows in batches of <see cref="BatchSize"/>, in file order.</summary>
    /// <param name="columns">Ignored: every column is returned (each line must be parsed whole anyway).</param>
    /// <param name="cancellationToken">Stops reading between batches.</param>
    /// <returns>The batches.</returns>
    /// <exception cref="DataReadException">The file is missing, or a line is malformed or does not fit the inferred columns.</exception>
    /// <exception cref="ObjectDisposedException">The source has been disposed.</exception>
    public IEnumerable<RecordBatch> ReadBatches(IReadOnlyCollection<string>? columns = null, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return Read(cancellationToken);
    }

    /// <summary>Marks the source as disposed; the file is only open while a read runs.</summary>
    public void Dispose() => _disposed = true;

    private IEnumerable<RecordBatch> Read(CancellationToken cancellationToken)
    {
        using var lines = new JsonLineReader(Name);
        JsonColumns plan = Infer(lines, out List<(long Line, byte[] Json)> sample);
        _schema ??= plan.Schema;
        JsonColumns selected = plan;
        foreach ((long line, byte[] json) in sample)
        {
            selected.Append(json, line, Name, InferenceRows);
            if (selected.Length == BatchSize)
            {
                yield return selected.Build();
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
        while (lines.Next() is { } next)
        {
            selected.Append(next.Json, next.Line, Name, InferenceRows);
            if (selected.Length == BatchSize)
            {
                yield return selected.Build();
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
        if (selected.Length > 0)
        {
            yield return selected.Build();
        }
    }

    private JsonColumns Infer(JsonLineReader lines, out List<(long Line, byte[] Json)> sample)
    {
        sample = [];
        var types = new List<(string Name, JsonValueKind? Kind, bool Double)>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        while (sample.Count < InferenceRows && lines.Next() is { } next)
        {
            sample.Add(next);
            using JsonDocument document = JsonLineReader.Parse(next.Json, next.Line, Name);
            try
            {
                foreach (JsonProperty property in document.RootElement.EnumerateObject())
                {
                    if (!index.TryGetValue(property.Name, out int i))
                    {
                        index[property.Name] = i = types.Count;
                        types.Add((property.Name, null, false));
                    }
                    types[i] = JsonColumns.Widen(types[i], property.Value);
                }
            }
            catch (InvalidOperationException e) when (JsonLineReader.IsUndecodableString(e))
            {
                throw JsonLineReader.UndecodableString(Name, next.Line);
            }
        }
        return new JsonColumns(types.Select(t => (t.Name, JsonColumns.ArrowType(t.Kind, t.Double))).ToList());
    }
}
