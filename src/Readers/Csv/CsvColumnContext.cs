using System.Text;
using Dq.Expectations;

namespace Dq.Readers.Csv;

/// <summary>What a column appender needs to report a value that does not fit: the file, the column and where its type came from.</summary>
internal sealed class CsvColumnContext(string path, string name, int number, CsvColumnType type, string? format, int? inferredFromRows, CsvNullTokens nulls)
{
    public string Name { get; } = name;

    public CsvColumnType Type { get; } = type;

    public string? Format { get; } = format;

    /// <summary>True when the type was inferred: then a value with a leading zero (<c>007</c>) does not fit an Int64 or Double column.</summary>
    public bool Inferred => inferredFromRows is not null;

    public CsvNullTokens Nulls { get; } = nulls;

    public DataReadException Mismatch(long line, ReadOnlySpan<byte> value) =>
        ReaderErrors.CsvValueMismatch(path, line, number, Name, Encoding.UTF8.GetString(value), TypeText, inferredFromRows);

    private string TypeText => Format is null ? Type.ToString().ToLowerInvariant() : $"{Type.ToString().ToLowerInvariant()}({Format})";
}

/// <summary>The values that mean null: the empty field, and the configured tokens, compared as bytes.</summary>
internal sealed class CsvNullTokens
{
    // Tokens by length, so that a field is compared only with the tokens of its own length (most fields have none).
    private readonly byte[][][] _byLength;

    public CsvNullTokens(IReadOnlyList<string> tokens)
    {
        var bytes = tokens.Select(Encoding.UTF8.GetBytes).Where(t => t.Length > 0).Distinct(new BytesComparer()).ToList();
        _byLength = new byte[bytes.Count == 0 ? 0 : bytes.Max(t => t.Length) + 1][][];
        for (var length = 0; length < _byLength.Length; length++)
        {
            _byLength[length] = [.. bytes.Where(t => t.Length == length)];
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public bool IsNull(ReadOnlySpan<byte> value) => value.IsEmpty || (value.Length < _byLength.Length && IsToken(value));

    private bool IsToken(ReadOnlySpan<byte> value)
    {
        foreach (byte[] token in _byLength[value.Length])
        {
            if (token[0] == value[0] && value.SequenceEqual(token))
            {
                return true;
            }
        }
        return false;
    }

    private sealed class BytesComparer : IEqualityComparer<byte[]>
    {
        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(byte[] obj)
        {
            var hash = new HashCode();
            hash.AddBytes(obj);
            return hash.ToHashCode();
        }
    }
}
