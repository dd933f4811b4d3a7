using System.Globalization;
using Dq.Expectations.Results;
namespace Dq.Readers;

/// <summary>Options of <see cref="CsvSource"/>. Create them with <c>new CsvReaderOptions { ... }</c> so that the defaults apply.</summary>
/// <remarks>
/// Defaults: <see cref="Delimiter"/> <c>','</c>, <see cref="Quote"/> <c>'"'</c>, <see cref="Escape"/> the quote
/// (RFC 4180 doubled quotes), a header row, the empty field and pandas' <see cref="DefaultNullTokens"/> as null, types inferred from
/// the first <see cref="DefaultInferenceRows"/> rows, <see cref="BatchSize"/> <see cref="DefaultBatchSize"/> rows and
/// <see cref="BadRowHandling.Error"/>. A <see langword="default"/> value of this struct is not valid; pass
/// <see langword="null"/> to get the defaults.
/// </remarks>
public readonly record struct CsvReaderOptions
{
    /// <summary>The default number of rows per record batch: 65,536.</summary>
    public const int DefaultBatchSize = 65_536;

    /// <summary>The default number of rows read to infer the column types: 10,000.</summary>
    public const int DefaultInferenceRows = 10_000;

    /// <summary>The default longest record, in bytes: 64 MiB. A longer one is almost always an unterminated quote.</summary>
    public const int DefaultMaxRecordBytes = 64 << 20;

    /// <summary>
    /// The most rows per batch: 16 Mi. Larger batches only cost memory (the engine works in blocks of 64 Ki rows), and
    /// a batch's buffers must stay below 2 GiB.
    /// </summary>
    public const int MaxBatchSize = 1 << 24;

    /// <summary>Creates options with the documented defaults.</summary>
    public CsvReaderOptions() { }

    /// <summary>Checks that the options can be read with: each character ASCII and not a line break, the delimiter
    /// neither the quote nor the escape, the batch size from 1 to <see cref="MaxBatchSize"/>, the inference rows positive.</summary>
    /// <exception cref="ArgumentException">A character option is not valid; the message names it and the allowed values.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The batch size or the inference rows are out of range.</exception>
    public void Validate()
    {
        ValidateCharacter(Delimiter, "delimiter");
        ValidateCharacter(Quote, "quote");
        ValidateCharacter(Escape ?? Quote, "escape");
        if (Delimiter == Quote || Delimiter == (Escape ?? Quote))
        {
            throw new ArgumentException($"the delimiter `{Delimiter}` must differ from the quote (`{Quote}`) and the escape (`{Escape ?? Quote}`).");
        }
        if (BatchSize is < 1 or > MaxBatchSize)
        {
            throw new ArgumentOutOfRangeException(null, string.Create(CultureInfo.InvariantCulture, $"the batch size must be 1 to {MaxBatchSize:N0} rows, not {BatchSize:N0}."));
        }
        if (InferenceRows < 1)
        {
            throw new ArgumentOutOfRangeException(null, string.Create(CultureInfo.InvariantCulture, $"the number of rows to infer types from must be at least 1, not {InferenceRows:N0}."));
        }
    }

    private static void ValidateCharacter(char value, string name)
    {
        if (!char.IsAscii(value) || value is '\r' or '\n' or '\0')
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"the {name} (U+{(int)value:X4}) must be an ASCII character other than a line break or NUL."));
        }
    }

    /// <summary>The field delimiter, an ASCII character. Defaults to <c>','</c>; <c>.tsv</c> files use <c>'\t'</c>.</summary>
    public char Delimiter { get; init; } = ',';

    /// <summary>The quote character of RFC 4180 quoted fields, an ASCII character. Defaults to <c>'"'</c>.</summary>
    public char Quote { get; init; } = '"';

    /// <summary>
    /// The character that escapes a quote (or itself) inside a quoted field. Defaults to <see cref="Quote"/>, which
    /// means RFC 4180's doubled quotes (<c>""</c>); set it to <c>'\\'</c> for <c>\"</c> and <c>\\</c>. Outside quotes
    /// it is an ordinary character.
    /// </summary>
    public char? Escape { get; init; }

    /// <summary>
    /// Whether the first record holds the column names. Defaults to <see langword="true"/>; without a header the
    /// columns are named <c>column_1</c>, <c>column_2</c>, … and the first record is data.
    /// </summary>
    public bool HasHeader { get; init; } = true;

    /// <summary>The number of rows per record batch (the last batch may be smaller). Defaults to <see cref="DefaultBatchSize"/>.</summary>
    public int BatchSize { get; init; } = DefaultBatchSize;

    /// <summary>
    /// Field values, besides the empty field and (unless <see cref="UseDefaultNullTokens"/> is off) the
    /// <see cref="DefaultNullTokens"/>, that mean null, such as <c>\N</c>, matched exactly and case-sensitively.
    /// Defaults to none.
    /// </summary>
    public IReadOnlyList<string> NullTokens { get; init; } = [];

    /// <summary>
    /// Whether the <see cref="DefaultNullTokens"/> mean null, as pandas' <c>read_csv</c> reads them (and so GX on
    /// pandas). Defaults to <see langword="true"/>; turn it off to read <c>NA</c> or <c>None</c> as text.
    /// </summary>
    public bool UseDefaultNullTokens { get; init; } = true;

    /// <summary>
    /// The values pandas' <c>read_csv</c> reads as missing by default (its <c>na_values</c> list, pandas 1.5–2.x):
    /// <c>#N/A</c>, <c>#N/A N/A</c>, <c>#NA</c>, <c>-1.#IND</c>, <c>-1.#QNAN</c>, <c>-NaN</c>, <c>-nan</c>,
    /// <c>1.#IND</c>, <c>1.#QNAN</c>, <c>&lt;NA&gt;</c>, <c>N/A</c>, <c>NA</c>, <c>NULL</c>, <c>NaN</c>, <c>None</c>,
    /// <c>n/a</c>, <c>nan</c>, <c>null</c>.
    /// </summary>
    public static IReadOnlyList<string> DefaultNullTokens { get; } =
        ["#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN", "-NaN", "-nan", "1.#IND", "1.#QNAN", "<NA>", "N/A", "NA", "NULL", "NaN", "None", "n/a", "nan", "null"];

    /// <summary>The tokens that mean null under these options: the defaults (when on) and <see cref="NullTokens"/>.</summary>
    internal IReadOnlyList<string> EffectiveNullTokens => UseDefaultNullTokens ? [.. DefaultNullTokens, .. NullTokens ?? []] : NullTokens ?? [];

    /// <summary>
    /// How many data rows are read to infer the types of the columns that <see cref="Schema"/> does not fix.
    /// Defaults to <see cref="DefaultInferenceRows"/>. A later value that does not fit its column's type is a
    /// <see cref="Dq.Expectations.DataReadException"/> naming the line, column and value (see <see cref="CsvSource"/>).
    /// </summary>
    public int InferenceRows { get; init; } = DefaultInferenceRows;

    /// <summary>
    /// Whether the types of the columns that <see cref="Schema"/> does not fix are inferred. Defaults to
    /// <see langword="true"/>; <see langword="false"/> reads them as text, as they are in the file (the profiler does, so
    /// that Deequ's rules decide which text is a number).
    /// </summary>
    public bool InferTypes { get; init; } = true;

    /// <summary>
    /// The types of some or all columns, which then are not inferred; see <see cref="CsvSchema.Parse"/> for the text
    /// form <c>zip:string,amount:double,day:date(dd/MM/yyyy)</c>. Defaults to <see langword="null"/>: every type is inferred.
    /// </summary>
    public CsvSchema? Schema { get; init; }

    /// <summary>
    /// What to do with a malformed record (wrong field count, text after a closing quote, invalid UTF-8 or a NUL
    /// byte). Defaults to <see cref="BadRowHandling.Error"/>.
    /// </summary>
    public BadRowHandling OnBadRows { get; init; } = BadRowHandling.Error;

    /// <summary>The longest record, in bytes, before reading stops with an error. Defaults to <see cref="DefaultMaxRecordBytes"/>.</summary>
    public int MaxRecordBytes { get; init; } = DefaultMaxRecordBytes;
}
