namespace Dq.Readers;

/// <summary>Options of <see cref="CsvSource"/>. Create them with <c>new CsvReaderOptions { ... }</c> so that the defaults apply.</summary>
/// <remarks>
/// Defaults: <see cref="Delimiter"/> <c>','</c>, <see cref="Quote"/> <c>'"'</c>, <see cref="BatchSize"/>
/// <see cref="DefaultBatchSize"/> rows, and no <see cref="NullTokens"/> (only an empty field is null).
/// A <see langword="default"/> value of this struct is not valid; pass <see langword="null"/> to get the defaults.
/// </remarks>
public readonly record struct CsvReaderOptions
{
    /// <summary>The default number of rows per record batch: 65,536.</summary>
    public const int DefaultBatchSize = 65_536;

    /// <summary>Creates options with the documented defaults.</summary>
    public CsvReaderOptions() { }

    /// <summary>The field delimiter, an ASCII character. Defaults to <c>','</c>; <c>.tsv</c> files use <c>'\t'</c>.</summary>
    public char Delimiter { get; init; } = ',';

    /// <summary>The quote character of RFC 4180 quoted fields, an ASCII character. Defaults to <c>'"'</c>.</summary>
    public char Quote { get; init; } = '"';

    /// <summary>The number of rows per record batch (the last batch may be smaller). Defaults to <see cref="DefaultBatchSize"/>.</summary>
    public int BatchSize { get; init; } = DefaultBatchSize;

    /// <summary>
    /// Field values, besides the empty field, that mean null, such as <c>NA</c> or <c>\N</c>, matched exactly and
    /// case-sensitively. Defaults to none: only an empty field (quoted or not) is null.
    /// </summary>
    public IReadOnlyList<string> NullTokens { get; init; } = [];
}
