using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Dq.Cli.Tests.Commands;

/// <summary>
/// Inputs that once crashed dq (exit 4, abort 134, stack overflow) or read wrongly: each must end in the documented
/// exit code with a message that says what and where, and no stack trace.
/// </summary>
public sealed class HostileInputTests : IDisposable
{
    private static readonly string s_orders = Repository.PathOf("samples", "orders", "orders.csv");
    private static readonly string s_suite = Repository.PathOf("samples", "orders", "orders.suite.json");
    private readonly string _folder = Directory.CreateTempSubdirectory("dq-hostile-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("--threads", "abc", "Cannot parse argument 'abc' for option '--threads'")]
    [InlineData("--threads", "100000", "--threads must be 0 (share every core) or 1 to 256, not 100000")]
    [InlineData("--threads", "-1", "not -1")]
    [InlineData("--suite", "second.json", "Option '--suite' expects a single argument but 2 were provided")]
    public void BadOptionValues_ExitTwoWithTheParserMessage(string option, string value, string message)
    {
        var (code, _, error) = DqRunner.Run("validate", s_orders, "--suite", s_suite, option, value);

        Assert.Equal(ExitCodes.UsageOrConfiguration, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("profile")]
    [InlineData("monitor")]
    public void ThreadsOutOfRange_IsRefusedByEveryCommand(string command)
    {
        string[] args = command == "profile"
            ? ["profile", s_orders, "--out", Path.Combine(_folder, "b"), "--threads", "5000"]
            : ["monitor", s_orders, "--baseline", _folder, "--threads", "5000"];

        var (code, _, error) = DqRunner.Run(args);

        Assert.Equal(ExitCodes.UsageOrConfiguration, code);
        Assert.Contains("1 to 256, not 5000", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("array.jsonl", "{\"a\":1}\n[1,2]\n", "line 2: the line is a JSON array, not an object")]
    [InlineData("surrogate.jsonl", "{\"a\":\"\\ud800\"}\n", "line 1: a key or string holds an unpaired UTF-16 surrogate escape")]
    [InlineData("surrogate-key.jsonl", "{\"\\udc00\":1}\n", "line 1: a key or string holds an unpaired UTF-16 surrogate escape")]
    [InlineData("duplicate.jsonl", "{\"a\":1,\"a\":2}\n{\"a\":3}\n", "line 1: the key `a` appears more than once")]
    public void HostileJsonLines_ExitThreeNamingTheLine(string name, string text, string message)
    {
        string data = Path.Combine(_folder, name);
        File.WriteAllText(data, text);

        var (code, _, error) = DqRunner.Run("validate", data, "--suite", Suite("""{"expectation_type": "expect_column_values_to_not_be_null", "kwargs": {"column": "a"}}"""), "--store", "none");

        Assert.Equal(ExitCodes.DataUnreadable, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void JsonLineWithInvalidUtf8_NamesLineAndColumn()
    {
        string data = Path.Combine(_folder, "latin1.jsonl");
        File.WriteAllBytes(data, [.. "{\"a\":1}\n{\"a\":\""u8, 0xE9, .. "t\u00e9\"}\n"u8]);

        var (code, _, error) = DqRunner.Run("validate", data, "--suite", Suite("""{"expectation_type": "expect_column_values_to_not_be_null", "kwargs": {"column": "a"}}"""), "--store", "none");

        Assert.Equal(ExitCodes.DataUnreadable, code);
        Assert.Contains("line 2, column 7: the bytes there are not valid UTF-8", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ids.csv", "id\n9223372036854775808\n9223372036854775809\n1\n")]
    [InlineData("ids.jsonl", "{\"id\":9223372036854775808}\n{\"id\":9223372036854775809}\n{\"id\":1}\n")]
    public void IntegersBeyondInt64_StayDistinct(string name, string text)
    {
        // Two ids one apart are one double (9.223372036854776E+18): read as doubles they were false duplicates.
        string data = Path.Combine(_folder, name);
        File.WriteAllText(data, text);

        var (code, output, _) = DqRunner.Run("validate", data, "--suite", Suite("""{"expectation_type": "expect_column_values_to_be_unique", "kwargs": {"column": "id"}}"""), "--store", "none");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("PASSED", output, StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyArrowFile_ExitsThreeSayingItHoldsNoSchema()
    {
        string data = Path.Combine(_folder, "empty.arrow");
        File.WriteAllBytes(data, []);

        var (code, _, error) = DqRunner.Run("validate", data, "--suite", Suite("""{"expectation_type": "expect_column_to_exist", "kwargs": {"column": "a"}}"""), "--store", "none");

        Assert.Equal(ExitCodes.DataUnreadable, code);
        Assert.Contains("holds no Arrow schema", error, StringComparison.Ordinal);
    }

    [Fact]
    public void DuplicateKwarg_ExitsTwoNamingTheKey()
    {
        string suite = Suite("""{"expectation_type": "expect_column_values_to_not_be_null", "kwargs": {"column": "order_id", "column": "amount"}}""");

        var (code, _, error) = DqRunner.Run("validate", s_orders, "--suite", suite);

        Assert.Equal(ExitCodes.UsageOrConfiguration, code);
        Assert.Contains("Duplicate property 'column'", error, StringComparison.Ordinal);
        Assert.Contains("remove the repeated one", error, StringComparison.Ordinal);
    }

    [Fact]
    public void SuiteThatIsNotUtf8_ExitsTwoWithLineAndColumn()
    {
        string suite = Path.Combine(_folder, "latin1.json");
        File.WriteAllBytes(suite, [.. "{\n  \"name\": \"caf"u8, 0xE9, .. "\",\n  \"expectations\": []\n}\n"u8]);

        var (code, _, error) = DqRunner.Run("validate", s_orders, "--suite", suite);

        Assert.Equal(ExitCodes.UsageOrConfiguration, code);
        Assert.Contains("line 2, column 15: the bytes there are not valid UTF-8", error, StringComparison.Ordinal);
    }

    [Fact]
    public void EndlessSuite_StopsAtTheSizeLimit()
    {
        Assert.SkipUnless(File.Exists("/dev/zero"), "needs /dev/zero, an endless file (Linux and macOS have it)");

        var (code, _, error) = DqRunner.Run("validate", s_orders, "--suite", "/dev/zero");

        Assert.Equal(ExitCodes.UsageOrConfiguration, code);
        Assert.Contains("is larger than 64 MiB", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(100_000, "nests parentheses or `not` more than 100 deep")]
    [InlineData(-5_000, "has more than 1000 comparisons")]
    public void HugeRowConditions_AreConfigurationErrorsNotStackOverflows(int size, string message)
    {
        // Positive: that many nested parentheses; negative: a chain of that many comparisons.
        string condition = size > 0
            ? new string('(', size) + "amount > 0" + new string(')', size)
            : string.Join(" and ", Enumerable.Repeat("amount > 0", -size));
        string suite = Suite($$$"""{"expectation_type": "expect_column_values_to_not_be_null", "kwargs": {"column": "order_id", "row_condition": {{{JsonSerializer.Serialize(condition)}}}}}""");

        var (code, _, error) = DqRunner.Run("validate", s_orders, "--suite", suite);

        Assert.Equal(ExitCodes.UsageOrConfiguration, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.True(error.Length < 2_000, $"the message quotes an excerpt, not the whole condition ({error.Length} characters)");
    }

    [Fact]
    public void SparkConditionParser_IsAConfigurationError()
    {
        string suite = Suite("""{"expectation_type": "expect_column_values_to_not_be_null", "kwargs": {"column": "order_id", "row_condition": "amount > 0", "condition_parser": "spark"}}""");

        var (code, _, error) = DqRunner.Run("validate", s_orders, "--suite", suite);

        Assert.Equal(ExitCodes.UsageOrConfiguration, code);
        Assert.Contains("takes Spark SQL conditions, which dq does not read", error, StringComparison.Ordinal);
    }

    private string Suite(string expectation)
    {
        string path = Path.Combine(_folder, $"suite-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, $$"""{"name": "hostile", "expectations": [{{expectation}}]}""", Encoding.UTF8);
        return path;
    }

    [Theory]
    [InlineData("csv: { delimiter: '\"' }", "the delimiter `\"` must differ from the quote")]
    [InlineData("csv: { escape: ',' }", "the delimiter `,` must differ from the quote (`\"`) and the escape (`,`)")]
    [InlineData("csv: { delimiter: \"\\n\" }", "must be an ASCII character other than a line break")]
    [InlineData("csv: { batch_size: 2147483647 }", "the batch size must be 1 to 16,777,216 rows, not 2,147,483,647")]
    public void BadCsvOptionsInACheckpoint_ExitTwoAtTheirLine(string csv, string message)
    {
        var (code, _, error) = Checkpoint($"validations:\n  - data: {s_orders}\n    suite: {s_suite}\n    {csv}\n");

        Assert.Equal(ExitCodes.UsageOrConfiguration, code);
        Assert.Contains("checkpoint.yml:4:", error, StringComparison.Ordinal);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyPathsInACheckpoint_AreRefused()
    {
        var (code, _, error) = Checkpoint($"validations:\n  - data: \"\"\n    suite: {s_suite}\n");

        Assert.Equal(ExitCodes.UsageOrConfiguration, code);
        Assert.Contains("`data` of validation 1 is an empty path", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("validate", "", "--suite", "suite.json", "argument 2 is empty")]
    [InlineData("validate", "data.csv", "--suite", "", "the value of --suite is empty")]
    public void EmptyCommandLineArguments_AreRefused(string command, string data, string option, string value, string message)
    {
        var (code, _, error) = DqRunner.Run(command, data, option, value);

        Assert.Equal(ExitCodes.UsageOrConfiguration, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void QuestionMarkGlob_MatchesOneCharacter_AndGlobstarSkipsLinkLoops()
    {
        string data = Directory.CreateDirectory(Path.Combine(_folder, "data", "2024")).FullName;
        File.Copy(s_orders, Path.Combine(data, "orders1.csv"));
        File.Copy(s_orders, Path.Combine(data, "orders2.csv"));
        File.Copy(s_orders, Path.Combine(data, "orders10.csv"));
        // A link back up the tree: `**` following it would walk data/2024/up/2024/up/... for ever.
        File.CreateSymbolicLink(Path.Combine(data, "up"), Path.Combine(_folder, "data"));

        var (code, output, error) = Checkpoint($"validations:\n  - data: data/**/orders?.csv\n    suite: {s_suite}\n");

        Assert.Equal(ExitCodes.ExpectationFailed, code);
        Assert.Contains("orders1.csv", output + error, StringComparison.Ordinal);
        Assert.Contains("orders2.csv", output + error, StringComparison.Ordinal);
        Assert.DoesNotContain("orders10.csv", output + error, StringComparison.Ordinal);
        Assert.DoesNotContain("up/", output + error, StringComparison.Ordinal);
    }

    [Fact]
    public void YamlAliasBomb_IsRefusedBeforeItExpands()
    {
        // 487 bytes that expand to 9^11 (31 billion) strings.
        var yaml = new StringBuilder("a: &a [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\n");
        for (char name = 'b'; name <= 'k'; name++)
        {
            yaml.Append(name).Append(": &").Append(name).Append(" [").Append(string.Join(",", Enumerable.Repeat($"*{(char)(name - 1)}", 9))).Append("]\n");
        }
        yaml.Append(CultureInfo.InvariantCulture, $"validations:\n  - data: {s_orders}\n    suite: {s_suite}\n    csv: {{ null_tokens: *k }}\n");

        var (code, _, error) = Checkpoint(yaml.ToString());

        Assert.Equal(ExitCodes.UsageOrConfiguration, code);
        Assert.Contains("expands to more than 100,000 values", error, StringComparison.Ordinal);
    }

    [Fact]
    public void DeeplyNestedYaml_IsAConfigurationErrorNotAStackOverflow()
    {
        var (code, _, error) = Checkpoint("validations: " + new string('[', 50_000) + new string(']', 50_000) + "\n");

        Assert.Equal(ExitCodes.UsageOrConfiguration, code);
        Assert.Contains("nests lists and mappings more than 64 deep", error, StringComparison.Ordinal);
    }

    [Fact]
    public void DeeplyNestedParameterExpression_IsAConfigurationError()
    {
        string expression = new string('(', 20_000) + "1" + new string(')', 20_000);
        string json = "{\"name\": \"p\", \"expectations\": [{\"type\": \"expect_column_max_to_be_between\", \"kwargs\": {\"column\": \"amount\", \"max_value\": {\"$PARAMETER\": \"" + expression + "\"}}}]}";

        var error = Assert.Throws<Dq.Expectations.ConfigurationException>(() => Dq.Expectations.Suites.SuiteJson.Parse(json, "p.json", new Dq.Expectations.Suites.Parameters.SuiteParameters()));

        Assert.Contains("nests more than 100 deep", error.Message, StringComparison.Ordinal);
    }

    private (int Code, string Out, string Err) Checkpoint(string yaml)
    {
        string path = Path.Combine(_folder, "checkpoint.yml");
        File.WriteAllText(path, yaml);
        return DqRunner.Run("validate", "--checkpoint", path, "--store", "none");
    }

    [Fact]
    public void JsonLineLongerThan64MiB_IsAReadErrorNotAnUnboundedBuffer()
    {
        string data = Path.Combine(_folder, "long.jsonl");
        using (var file = File.Create(data))
        {
            file.Write("{\"a\":\""u8);
            var chunk = new byte[1 << 20];
            Array.Fill(chunk, (byte)'y');
            for (int i = 0; i < 65; i++)
            {
                file.Write(chunk);
            }
            file.Write("\"}\n"u8);
        }

        var (code, _, error) = DqRunner.Run("validate", data, "--suite", Suite("""{"expectation_type": "expect_column_values_to_not_be_null", "kwargs": {"column": "a"}}"""), "--store", "none");

        Assert.Equal(ExitCodes.DataUnreadable, code);
        Assert.Contains("line 1: the line is longer than 64 MiB", error, StringComparison.Ordinal);
    }
}
