using System.Globalization;
using Dq.Expectations;

namespace Dq.Readers;

/// <summary>
/// Every message of the readers, in one place so that they stay consistent: what went wrong, where (file,
/// line, column) and how to fix it. Methods return the exception so that callers can write <c>throw ReaderErrors.X(...)</c>.
/// </summary>
internal static partial class ReaderErrors
{
    public static DataReadException FileNotFound(string path) =>
        new($"The data file `{path}` does not exist (full path `{Path.GetFullPath(path)}`). Check the path and the working directory.")
        {
            FilePath = path,
        };

    public static DataReadException CannotOpen(string path, Exception inner) =>
        new($"The data file `{path}` could not be opened: {inner.Message} Check that it exists and is readable.", inner)
        {
            FilePath = path,
        };

    public static DataReadException NotAFile(string path) =>
        new($"`{path}` is a pipe or a device, not a file: dq reads a data file more than once (to recognise its format and " +
            "infer its schema, then to validate every row), and a pipe gives each byte only once, so rows would be lost. " +
            "Write the data to a file first (for example `zcat data.csv.gz > data.csv`) and validate that file.")
        {
            FilePath = path,
        };

    public static DataReadException UnknownFormat(string path) =>
        new($"The format of `{path}` could not be recognised from its extension or content. dq reads CSV (.csv), " +
            "TSV (.tsv), Parquet (.parquet, .pq), JSON lines (.jsonl, .ndjson) and Arrow IPC (.arrow, .arrows, .feather, .ipc); " +
            "pass --format csv, parquet, jsonlines or arrow to say which one it is.")
        {
            FilePath = path,
        };

    public static DataReadException EmptyCsv(string path) =>
        new($"`{path}` is empty: a CSV file needs a header row with the column names on line 1. Check that the right file was given.")
        {
            FilePath = path,
            LineNumber = 1,
        };

    public static DataReadException EmptyHeaderName(string path, int column) =>
        new($"`{path}` line 1, column {column}: the header has an empty column name. Give every column a name in the header row.")
        {
            FilePath = path,
            LineNumber = 1,
            ColumnNumber = column,
        };

    public static DataReadException DuplicateHeaderName(string path, string name, int firstColumn, int column) =>
        new($"`{path}` line 1, column {column}: the header names `{name}` twice (columns {firstColumn} and {column}). " +
            "Rename one of them so that every column name is unique.")
        {
            FilePath = path,
            LineNumber = 1,
            ColumnNumber = column,
        };

    public static DataReadException UnterminatedQuote(string path, long line, int column, string? name) =>
        new($"`{path}` line {line}, column {column}{Named(name)}: a quoted field is never closed, so the rest of the file " +
            "would be read into it. Close the quote, and write a quote inside a quoted field as two quotes (\"\").")
        {
            FilePath = path,
            LineNumber = line,
            ColumnNumber = column,
        };

    public static DataReadException TextAfterClosingQuote(string path, long line, int column, string? name, string raw) =>
        new($"`{path}` line {line}, column {column}{Named(name)}: text follows the closing quote of a quoted field; found {Quoted(raw)}. " +
            "Quote the whole field and write a quote inside it as two quotes (\"\").")
        {
            FilePath = path,
            LineNumber = line,
            ColumnNumber = column,
        };

    public static DataReadException FieldCountMismatch(string path, long line, IReadOnlyList<string> header, int found, char delimiter) =>
        new($"`{path}` line {line}: expected {header.Count} fields, as in the header ({string.Join(", ", header.Select(h => $"`{h}`"))}), " +
            $"but found {found}. Fix the row, or quote the fields that contain the delimiter {Quoted(delimiter.ToString())}.")
        {
            FilePath = path,
            LineNumber = line,
            ColumnNumber = Math.Min(header.Count, found) + 1,
        };

    public static DataReadException InvalidUtf8(string path, long line, int column, string? name, int byteOffset, byte value) =>
        new($"`{path}` line {line}, column {column}{Named(name)}: the field is not valid UTF-8 (byte 0x{value:X2} at byte {byteOffset} " +
            "of the field). dq reads text as UTF-8; convert the file, for example with `iconv -f latin1 -t utf-8`.")
        {
            FilePath = path,
            LineNumber = line,
            ColumnNumber = column,
        };

    public static DataReadException CsvUnreadable(string path, long? line, Exception inner) =>
        new($"`{path}`{(line is { } l ? string.Create(CultureInfo.InvariantCulture, $" line {l}") : "")}: the CSV data could not be read: {inner.Message}", inner)
        {
            FilePath = path,
            LineNumber = line,
        };

    public static DataReadException NotParquet(string path, Exception inner) =>
        new($"`{path}` could not be read as Parquet: {ArrowMessage(inner)} The file may be truncated, corrupt or not Parquet at all; " +
            "check that another Parquet reader opens it, or pass --format csv if it is CSV.", inner)
        {
            FilePath = path,
        };

    public static DataReadException CorruptParquet(string path, int rowGroup, Exception? inner, string? detail)
    {
        string what = detail ?? ArrowMessage(inner);
        string message = $"`{path}` row group {rowGroup}: the Parquet data could not be decoded: {what} " +
            "The file may be truncated or corrupt; check that another Parquet reader opens it.";
        return inner is null
            ? new DataReadException(message) { FilePath = path }
            : new DataReadException(message, inner) { FilePath = path };
    }

    /// <summary>Arrow C++'s message, without ParquetSharp's C++ exception-type prefix, ending with a full stop.</summary>
    private static string ArrowMessage(Exception? inner)
    {
        string text = inner?.Message ?? "unknown error";
        int start = text.IndexOf("(message: '", StringComparison.Ordinal);
        if (start >= 0 && text.EndsWith("')", StringComparison.Ordinal))
        {
            text = text[(start + 11)..^2];
        }
        text = text.Trim();
        return text.EndsWith('.') ? text : text + ".";
    }

    public static DataReadException NestedParquetColumn(string path, string column, string shape) =>
        new($"`{path}`: column `{column}` is nested (list/struct/map: {shape}), which dq cannot read yet. Validate its flat columns only, " +
            "or flatten the column before validating.")
        {
            FilePath = path,
        };

    internal static string Named(string? name) => name is null ? "" : $" (`{name}`)";

    internal static string Quoted(string text)
    {
        const int MaxLength = 60;
        string shown = text.Length <= MaxLength ? text : string.Concat(text.AsSpan(0, MaxLength), "…");
        return "`" + shown.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal) + "`";
    }
}
