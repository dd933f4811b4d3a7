using System.Globalization;
using Dq.Expectations;

namespace Dq.Readers;

internal static partial class ReaderErrors
{
    public static DataReadException CsvValueMismatch(string path, long line, int column, string name, string value, string type, int? inferredFromRows)
    {
        string why = inferredFromRows is { } rows
            ? string.Create(CultureInfo.InvariantCulture, $"the type inferred from the first {rows:N0} rows") +
              (type is "int64" or "double" && value.TrimStart('-', '+').StartsWith('0') ? " (a leading zero marks a code, not a number)" : "")
            : "the type the schema gives";
        string fix = inferredFromRows is not null
            ? $"Set the column's type with --schema \"{name}:string\" (CsvReaderOptions.Schema in C#), or infer from more rows with --infer-rows."
            : $"Fix the value, or change the type of `{name}` in --schema.";
        if (CsvReaderOptions.DefaultNullTokens.Contains(value))
        {
            fix += $" `{value}` is one of pandas' null tokens, which are turned off (--no-default-null-tokens, `default_null_tokens: false`).";
        }
        return new($"`{path}` line {line}, column {column} (`{name}`): {Quoted(value)} is not a valid {type}, {why}. " +
            "Batches already read cannot be widened, and dq does not turn values into nulls. " + fix)
        {
            FilePath = path,
            LineNumber = line,
            ColumnNumber = column,
            InferredColumn = inferredFromRows is not null ? name : null,
        };
    }

    public static DataReadException SchemaColumnNotInHeader(string path, string name, IReadOnlyList<string> header) =>
        new($"The CSV schema gives a type for column `{name}`, which `{path}` does not have. Its columns are " +
            $"{string.Join(", ", header.Take(20).Select(h => $"`{h}`"))}{(header.Count > 20 ? ", …" : "")}. Check the name " +
            "(without a header row the columns are column_1, column_2, …).")
        {
            FilePath = path,
        };

    public static DataReadException BinaryData(string path, long line, int column, string? name, int byteOffset) =>
        new($"`{path}` line {line}, column {column}{Named(name)}: a NUL byte (0x00) at byte {byteOffset} of the field; the file looks " +
            "binary, not CSV text. Check that the right file was given, or pass --format for its real format.")
        {
            FilePath = path,
            LineNumber = line,
            ColumnNumber = column,
        };

    public static DataReadException RecordTooLong(string path, long line, int limit) =>
        new(string.Create(CultureInfo.InvariantCulture, $"`{path}` line {line}: the record is longer than {limit:N0} bytes. ") +
            "That is almost always a quote that is never closed; check the quotes from that line on, or raise CsvReaderOptions.MaxRecordBytes.")
        {
            FilePath = path,
            LineNumber = line,
        };
}
