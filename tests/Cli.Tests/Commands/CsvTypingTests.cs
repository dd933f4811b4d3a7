using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Dq.Cli.Tests.Commands;

/// <summary>
/// CSV typing as a new user meets it: a value after the inference sample that does not fit the inferred type makes
/// that column text (pandas' object column) instead of failing the read; pandas' default null tokens are null unless
/// turned off; a strftime check and a date-range check both work on one text column.
/// </summary>
public sealed class CsvTypingTests : TempFolderTest
{
    private const int Rows = 10_050;
    private const int OddRow = 10_020; // after the 10,000-row sample

    /// <summary>id, amount (an integer per row, <paramref name="odd"/> on one row after the sample, <paramref name="token"/> on row 5), day, note.</summary>
    private string Data(string odd, string token = "NA")
    {
        var text = new StringBuilder("id,amount,day,note\n");
        for (var i = 0; i < Rows; i++)
        {
            var amount = i == OddRow ? odd : i == 5 ? token : i.ToString(CultureInfo.InvariantCulture);
            text.Append(CultureInfo.InvariantCulture, $"{i},{amount},2024-01-{(i % 28) + 1:00},{(i == 7 ? "None" : "x")}\n");
        }
        return Write("data.csv", text.ToString());
    }

    private string Suite(string expectations) => Write("suite.json", $$"""{"name": "typing", "expectations": [{{expectations}}]}""");

    private JsonNode Validate(string data, string suite, out int code, out string error, params string[] extra)
    {
        var output = Path.Combine(Folder, "result.json");
        (code, _, error) = DqRunner.Run(["validate", data, "--suite", suite, "--store", "none", "-o", output, .. extra]);
        return JsonNode.Parse(File.ReadAllText(output))!;
    }

    [Fact]
    public void LateValueThatDoesNotFit_ReadsTheColumnAsText_AndSaysWhy()
    {
        var suite = Suite("""
            {"type": "expect_column_values_to_match_regex", "kwargs": {"column": "amount", "regex": "^[0-9]+$"}},
            {"type": "expect_column_values_to_be_between", "kwargs": {"column": "amount", "min_value": 0}},
            {"type": "expect_column_values_to_be_unique", "kwargs": {"column": "id"}}
            """);

        var result = Validate(Data("abc"), suite, out var code, out var error);

        Assert.Equal(ExitCodes.ExpectationFailed, code); // validated, not a read error (3)
        Assert.Contains("reading `amount` as text", error, StringComparison.Ordinal);
        Assert.Contains("line 10022", error, StringComparison.Ordinal); // header + 0-based row 10,020
        Assert.Contains("`abc`", error, StringComparison.Ordinal);
        var results = result["results"]!.AsArray();
        // The regex sees the text: exactly the one value that is not digits (NA on row 5 is null, not unexpected).
        Assert.Equal(1, results[0]!["result"]!["unexpected_count"]!.GetValue<int>());
        Assert.Equal("abc", results[0]!["result"]!["partial_unexpected_list"]![0]!.GetValue<string>());
        // A number range on a text column is what GX on pandas reports for an object column: an errored expectation.
        Assert.Contains("holds text", results[1]!["exception_info"]!["exception_message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(results[2]!["success"]!.GetValue<bool>());
    }

    [Fact]
    public void PandasNullTokens_AreNullByDefault_AndValuesWhenTurnedOff()
    {
        var suite = Suite("""
            {"type": "expect_column_values_to_not_be_null", "kwargs": {"column": "amount"}},
            {"type": "expect_column_values_to_not_be_null", "kwargs": {"column": "note"}}
            """);
        var data = Data("7");

        var byDefault = Validate(data, suite, out _, out _)["results"]!.AsArray();
        Assert.Equal(1, byDefault[0]!["result"]!["unexpected_count"]!.GetValue<int>()); // NA
        Assert.Equal(1, byDefault[1]!["result"]!["unexpected_count"]!.GetValue<int>()); // None

        var off = Validate(data, suite, out var code, out var error, "--no-default-null-tokens")["results"]!.AsArray();
        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal(0, off[0]!["result"]!["unexpected_count"]!.GetValue<int>());
        Assert.Equal(0, off[1]!["result"]!["unexpected_count"]!.GetValue<int>());
        Assert.Equal("", error.Trim()); // NA sits in the sample: the column is text from the start, nothing to re-read
    }

    [Fact]
    public void NullTokenAfterTheSample_WithTokensOff_SaysItIsAPandasNullToken()
    {
        var suite = Suite("""{"type": "expect_column_values_to_not_be_null", "kwargs": {"column": "amount"}}""");

        Validate(Data("NULL", token: "5"), suite, out var code, out var error, "--no-default-null-tokens");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("reading `amount` as text", error, StringComparison.Ordinal);
        Assert.Contains("one of pandas' null tokens", error, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckpointCsvKey_TurnsTheDefaultNullTokensOff()
    {
        var suite = Suite("""{"type": "expect_column_values_to_not_be_null", "kwargs": {"column": "note"}}""");
        var checkpoint = Write("checkpoint.yml", $"""
            validations:
              - data: {Data("7")}
                suite: {suite}
                csv: {"{"} default_null_tokens: false {"}"}
            actions: []
            """);

        var (code, output, error) = DqRunner.Run("validate", "--checkpoint", checkpoint, "--store", "none");

        Assert.True(code == ExitCodes.Success, output + error);
    }

    [Fact]
    public void StrftimeAndDateRange_OnOneTextColumn_BothJudgeTheirRows()
    {
        var suite = Suite("""
            {"type": "expect_column_values_to_match_strftime_format", "kwargs": {"column": "day", "strftime_format": "%Y-%m-%d"}},
            {"type": "expect_column_values_to_be_between", "kwargs": {"column": "day", "min_value": "2024-01-01", "max_value": "2024-01-15"}}
            """);

        var results = Validate(Data("7"), suite, out _, out _)["results"]!.AsArray();

        Assert.True(results[0]!["success"]!.GetValue<bool>());
        // Days 16–28 of each 28-row cycle are after the 15th: 13 of every 28 rows.
        var expected = Enumerable.Range(0, Rows).Count(i => (i % 28) + 1 > 15);
        Assert.Equal(expected, results[1]!["result"]!["unexpected_count"]!.GetValue<int>());
    }
}
