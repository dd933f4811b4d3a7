using System.CommandLine;
using Dq.Expectations;
using Dq.Expectations.Results;
using Dq.Readers;

namespace Dq.Cli.Commands;

/// <summary>The CSV reader options of <c>dq validate</c>: <c>--schema</c>, <c>--delimiter</c>, <c>--no-header</c>, <c>--null-token</c>, <c>--no-default-null-tokens</c>, <c>--infer-rows</c>, <c>--on-bad-rows</c>.</summary>
internal sealed class CsvCommandOptions
{
    private readonly Option<string?> _schema = new("--schema") { Description = "CSV column types, not inferred: \"zip:string,amount:double,day:date(dd/MM/yyyy)\"." };
    private readonly Option<string?> _delimiter = new("--delimiter") { Description = "The CSV delimiter: one ASCII character, or 'tab'. Default ',' ('\\t' for .tsv)." };
    private readonly Option<bool> _noHeader = new("--no-header") { Description = "The CSV file has no header row; columns are named column_1, column_2, …" };
    private readonly Option<string[]> _nullTokens = new("--null-token") { Description = "A CSV value that means null besides the empty field (repeatable), e.g. NA.", AllowMultipleArgumentsPerToken = false };
    private readonly Option<bool> _noDefaultNullTokens = new("--no-default-null-tokens") { Description = "Read pandas' null tokens (NA, N/A, NULL, null, NaN, None, …) as values, not as null." };
    private readonly Option<int?> _inferRows = new("--infer-rows") { Description = "CSV rows read to infer column types (default 10000)." };
    private readonly Option<BadRowHandling?> _onBadRows = new("--on-bad-rows") { Description = "Malformed CSV rows: error (default, exit 3) or skip (counted and reported)." };

    public void AddTo(Command command)
    {
        command.Options.Add(_schema);
        command.Options.Add(_delimiter);
        command.Options.Add(_noHeader);
        command.Options.Add(_nullTokens);
        command.Options.Add(_noDefaultNullTokens);
        command.Options.Add(_inferRows);
        command.Options.Add(_onBadRows);
    }

    public bool AnyGiven(System.CommandLine.Parsing.CommandResult result) =>
        result.GetValue(_schema) is not null || result.GetValue(_delimiter) is not null || result.GetValue(_noHeader)
        || result.GetValue(_nullTokens) is { Length: > 0 } || result.GetValue(_noDefaultNullTokens) || result.GetValue(_inferRows) is not null || result.GetValue(_onBadRows) is not null;

    /// <summary>The CSV options given on the command line, or <see langword="null"/> for the reader's defaults.</summary>
    /// <exception cref="ConfigurationException">The schema or delimiter is malformed.</exception>
    public CsvReaderOptions? Read(ParseResult parse)
    {
        if (!AnyGiven(parse.CommandResult))
        {
            return null;
        }
        var options = new CsvReaderOptions();
        if (parse.GetValue(_schema) is { } schema)
        {
            try
            {
                options = options with { Schema = CsvSchema.Parse(schema) };
            }
            catch (FormatException e)
            {
                throw new ConfigurationException($"--schema: {e.Message}");
            }
        }
        if (parse.GetValue(_delimiter) is { } delimiter)
        {
            char value = delimiter is "tab" or "\\t" ? '\t' : delimiter.Length == 1 && char.IsAscii(delimiter[0]) ? delimiter[0]
                : throw new ConfigurationException($"--delimiter must be one ASCII character or 'tab', not `{delimiter}`.");
            options = options with { Delimiter = value };
        }
        if (parse.GetValue(_inferRows) is { } rows)
        {
            options = rows > 0 ? options with { InferenceRows = rows } : throw new ConfigurationException($"--infer-rows must be at least 1, not {rows}.");
        }
        options = options with
        {
            HasHeader = !parse.GetValue(_noHeader),
            NullTokens = parse.GetValue(_nullTokens) ?? [],
            UseDefaultNullTokens = !parse.GetValue(_noDefaultNullTokens),
            OnBadRows = parse.GetValue(_onBadRows) ?? BadRowHandling.Error,
        };
        try
        {
            options.Validate();
        }
        catch (ArgumentException e)
        {
            throw new ConfigurationException($"CSV options: {e.Message}");
        }
        return options;
    }
}
