using System.Text;
using System.Text.Json;
using Apache.Arrow;
using Apache.Arrow.Types;

namespace Dq.Readers.Json;

/// <summary>The columns of a JSON lines file and the Arrow builders of the batch being read.</summary>
internal sealed class JsonColumns
{
    private readonly List<(string Name, IArrowType Type)> _columns;
    private readonly Dictionary<string, int> _index;
    private readonly bool[] _seen;
    private IArrowArrayBuilder[] _builders;

    public JsonColumns(List<(string Name, IArrowType Type)> columns)
    {
        _columns = columns;
        _index = columns.Select((c, i) => (c.Name, i)).ToDictionary(p => p.Name, p => p.i, StringComparer.Ordinal);
        _seen = new bool[columns.Count];
        _builders = NewBuilders();
        Schema = new Schema(columns.Select(c => new Field(c.Name, c.Type, nullable: true)), null);
    }

    public Schema Schema { get; }

    public int Length { get; private set; }

    public static (string Name, JsonValueKind? Kind, bool Double) Widen((string Name, JsonValueKind? Kind, bool Double) column, JsonElement value)
    {
        JsonValueKind kind = value.ValueKind is JsonValueKind.True or JsonValueKind.False ? JsonValueKind.True : value.ValueKind;
        if (kind == JsonValueKind.Null)
        {
            return column;
        }
        if (kind == JsonValueKind.Number && !value.TryGetInt64(out _) && IsIntegerLiteral(value))
        {
            // Beyond int64: a double would merge neighbouring ids into false duplicates, so the column keeps the digits as text.
            return (column.Name, JsonValueKind.String, false);
        }
        bool isDouble = column.Double || (kind == JsonValueKind.Number && !value.TryGetInt64(out _));
        if (column.Kind is null || column.Kind == kind)
        {
            return (column.Name, kind, isDouble);
        }
        return (column.Name, JsonValueKind.String, false);
    }

    private static bool IsIntegerLiteral(JsonElement number) => number.GetRawText().AsSpan().IndexOfAny('.', 'e', 'E') < 0;

    public static IArrowType ArrowType(JsonValueKind? kind, bool isDouble) => kind switch
    {
        JsonValueKind.Number => isDouble ? DoubleType.Default : Int64Type.Default,
        JsonValueKind.True => BooleanType.Default,
        _ => StringType.Default,
    };

    public void Append(byte[] json, long line, string path, int sampleRows)
    {
        using JsonDocument document = JsonLineReader.Parse(json, line, path);
        System.Array.Clear(_seen);
        try
        {
            AppendValues(document.RootElement, line, path, sampleRows);
        }
        catch (InvalidOperationException e) when (JsonLineReader.IsUndecodableString(e))
        {
            throw JsonLineReader.UndecodableString(path, line);
        }
        for (int i = 0; i < _seen.Length; i++)
        {
            if (!_seen[i])
            {
                AppendNull(_builders[i]);
            }
        }
        Length++;
    }

    private void AppendValues(JsonElement row, long line, string path, int sampleRows)
    {
        foreach (JsonProperty property in row.EnumerateObject())
        {
            if (!_index.TryGetValue(property.Name, out int i))
            {
                throw ReaderErrors.JsonUnknownKey(path, line, property.Name, sampleRows);
            }
            if (_seen[i])
            {
                // Appending twice would shift every later row of this column by one: a duplicate key is an error.
                throw ReaderErrors.BadJsonLine(path, line, $"the key `{property.Name}` appears more than once in the object; keep one.");
            }
            _seen[i] = true;
            if (!TryAppend(_builders[i], property.Value))
            {
                throw ReaderErrors.JsonValueMismatch(path, line, property.Name, property.Value.GetRawText(), _columns[i].Type.Name, sampleRows);
            }
        }
    }

    public RecordBatch Build()
    {
        IArrowArray[] arrays = [.. _builders.Select(Build)];
        var batch = new RecordBatch(Schema, arrays, Length);
        _builders = NewBuilders();
        Length = 0;
        return batch;
    }

    private static bool TryAppend(IArrowArrayBuilder builder, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            AppendNull(builder);
            return true;
        }
        switch (builder)
        {
            case Int64Array.Builder b when value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out long l):
                b.Append(l);
                return true;
            case DoubleArray.Builder b when value.ValueKind == JsonValueKind.Number:
                b.Append(value.GetDouble());
                return true;
            case BooleanArray.Builder b when value.ValueKind is JsonValueKind.True or JsonValueKind.False:
                b.Append(value.GetBoolean());
                return true;
            case StringArray.Builder b:
                b.Append(value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText(), Encoding.UTF8);
                return true;
            default:
                return false;
        }
    }

    private static void AppendNull(IArrowArrayBuilder builder)
    {
        switch (builder)
        {
            case Int64Array.Builder b: b.AppendNull(); break;
            case DoubleArray.Builder b: b.AppendNull(); break;
            case BooleanArray.Builder b: b.AppendNull(); break;
            case StringArray.Builder b: b.AppendNull(); break;
        }
    }

    private static IArrowArray Build(IArrowArrayBuilder builder) => builder switch
    {
        Int64Array.Builder b => b.Build(),
        DoubleArray.Builder b => b.Build(),
        BooleanArray.Builder b => b.Build(),
        StringArray.Builder b => b.Build(),
        _ => throw new InvalidOperationException(builder.GetType().Name),
    };

    // No reservation up front: builders grow as values come, so a line with 20,000 keys costs 20,000 small builders
    // rather than 20,000 reservations of a batch's worth (that once took 1.4 GB for a 318 KB file).
    private IArrowArrayBuilder[] NewBuilders() => [.. _columns.Select(c => c.Type switch
    {
        Int64Type => (IArrowArrayBuilder)new Int64Array.Builder(),
        DoubleType => new DoubleArray.Builder(),
        BooleanType => new BooleanArray.Builder(),
        _ => new StringArray.Builder(),
    })];
}
