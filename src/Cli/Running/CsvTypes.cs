using Dq.Expectations;
using Dq.Readers;

namespace Dq.Cli.Running;

/// <summary>
/// A CSV column whose inferred type a later value does not fit is read again as text, as pandas holds such a column
/// (object dtype), instead of failing the read: the expectations on it then judge its values as GX on pandas does.
/// </summary>
internal static class CsvTypes
{
    /// <summary>
    /// Whether to read the file again with <paramref name="column"/> as text: once per column (data files are files
    /// on disk, which dq reads more than once anyway; pipes are refused before this).
    /// </summary>
    public static bool CanReadAgain(IReadOnlyCollection<string> asText, string column) => !asText.Contains(column);

    /// <summary>The options with <paramref name="column"/> read as text, every other column as before.</summary>
    public static CsvReaderOptions WithText(CsvReaderOptions? options, string column)
    {
        var current = options ?? new CsvReaderOptions();
        var columns = current.Schema?.Columns.Values.Where(c => c.Name != column).ToList() ?? [];
        columns.Add(new CsvColumnSpec(column, CsvColumnType.String));
        return current with { Schema = new CsvSchema(columns) };
    }

    /// <summary>Which column is read as text and why, and how to make it an error instead: a line for standard error.</summary>
    public static string Note(DataReadException mismatch, string column) =>
        $"dq: reading `{column}` as text: {FirstSentence(mismatch.Message)}{NullTokenHint(mismatch.Message)} " +
        $"Its values are checked as text. To make such a value a read error instead, give the type: --schema \"{column}:<type>\".";

    /// <summary>The reader's remark that the value is one of pandas' null tokens, turned off, when it made one.</summary>
    private static string NullTokenHint(string message)
    {
        var at = message.IndexOf("is one of pandas' null tokens", StringComparison.Ordinal);
        return at < 0 ? "" : message[message.LastIndexOf(" `", at, StringComparison.Ordinal)..].TrimEnd();
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }
}
