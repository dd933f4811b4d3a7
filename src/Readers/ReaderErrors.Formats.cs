using Dq.Expectations;

namespace Dq.Readers;

internal static partial class ReaderErrors
{
    public static DataReadException NotArrow(string path, int batch, Exception inner) =>
        new($"`{path}`{(batch >= 0 ? $" batch {batch}" : "")} could not be read as Arrow IPC: {inner.Message} The file may be truncated " +
            "or corrupt; check that another Arrow reader opens it, or pass --format for its real format.", inner)
        {
            FilePath = path,
        };

    public static DataReadException OutOfRangeValue(string path, string problem) =>
        new($"`{path}` {problem}")
        {
            FilePath = path,
        };

    public static DataReadException BadJsonLine(string path, long line, string problem) =>
        new($"`{path}` line {line}: {problem} Each line of a JSON lines file must be one JSON object; fix the line, or check the format.")
        {
            FilePath = path,
            LineNumber = line,
        };

    public static DataReadException JsonNotUtf8(string path, long line, int column) =>
        new($"`{path}` line {line}, column {column}: the bytes there are not valid UTF-8. JSON lines files are UTF-8; " +
            "convert the file (for example with iconv -f latin1 -t utf-8) or fix the bytes.")
        {
            FilePath = path,
            LineNumber = line,
            ColumnNumber = column,
        };

    public static DataReadException JsonValueMismatch(string path, long line, string key, string value, string type, int sampleRows) =>
        new($"`{path}` line {line}, key `{key}`: {Quoted(value)} is not a {type}, the type inferred from the first {sampleRows} lines. " +
            "Batches already read cannot be widened, and dq does not turn values into nulls; infer from more lines " +
            "(JsonLinesSource.InferenceRows), or write the value with the column's type.")
        {
            FilePath = path,
            LineNumber = line,
        };

    public static DataReadException JsonUnknownKey(string path, long line, string key, int sampleRows) =>
        new($"`{path}` line {line}: the key `{key}` does not appear in the first {sampleRows} lines, from which the columns were " +
            "taken. Infer from more lines (JsonLinesSource.InferenceRows), or add the key (as null) to an early line.")
        {
            FilePath = path,
            LineNumber = line,
        };

    public static DataReadException EncryptedParquet(string path) =>
        new($"`{path}` is an encrypted Parquet file (PARE magic: Parquet modular encryption), which dq cannot read: " +
            "it has no key support. Decrypt the file first, for example with the tool that wrote it.")
        {
            FilePath = path,
        };
}
