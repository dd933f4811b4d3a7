using Dq.Expectations.Kernels.Text;
using Dq.Expectations.Suites;
using Dq.Expectations.Tests.Support;

namespace Dq.Expectations.Tests.Kernels.Text;

/// <summary>JSON parsing as Python's json.loads reads text, and JSON Schema validation.</summary>
public sealed class JsonKernelsTests
{
    [Theory]
    [InlineData("{\"a\": 1}", true)]
    [InlineData(" [1, 2.5, \"x\"] ", true)]
    [InlineData("5", true)]
    [InlineData("\"text\"", true)]
    [InlineData("null", true)]
    [InlineData("NaN", true)]
    [InlineData("[Infinity, -Infinity]", true)]
    [InlineData("{\"NaN\": \"Infinity\"}", true)]
    [InlineData("", false)]
    [InlineData("{a: 1}", false)]
    [InlineData("[1, 2,]", false)]
    [InlineData("// c\n1", false)]
    [InlineData("{\"a\": 1} x", false)]
    [InlineData("'single'", false)]
    [InlineData("[NaNx]", false)]
    public void IsValid_Text_AsPythonJsonLoads(string text, bool valid) =>
        Assert.Equal(valid, PythonJson.IsValid(System.Text.Encoding.UTF8.GetBytes(text)));

    [Fact]
    public void Validate_ParseableOnNumbers_EveryValueUnexpected()
    {
        var json = Runs.Json(Arrays.Batch(("x", Arrays.Int64([1, null, 3]))), ExpectationSuite.Create("s").ExpectColumnValuesToBeJsonParseable("x").Build());

        Assert.Equal([0L, 2L], Runs.UnexpectedIndexes(json));
    }

    [Fact]
    public void Validate_Schema_FlagsInvalidAndUnparseableDocuments()
    {
        string?[] values = ["{\"id\": 1}", "{\"id\": \"one\"}", "{}", null, "not json", "{\"id\": 2, \"extra\": true}"];
        const string schema = """{"type": "object", "properties": {"id": {"type": "integer"}}, "required": ["id"]}""";
        var suite = ExpectationSuite.Create("s").ExpectColumnValuesToMatchJsonSchema("x", schema).ExpectColumnValuesToMatchJsonSchema("d", schema).Build();

        var json = Runs.Json(Arrays.Batch(("x", Arrays.String(values)), ("d", Arrays.DictionaryString(values))), suite);

        Assert.Equal([1L, 2L, 4L], Runs.UnexpectedIndexes(json, 0));
        Assert.Equal([1L, 2L, 4L], Runs.UnexpectedIndexes(json, 1));
    }

    [Fact]
    public void Build_InvalidSchema_ConfigurationError() =>
        Assert.Throws<ConfigurationException>(() => ExpectationSuite.Create("s").ExpectColumnValuesToMatchJsonSchema("x", """{"type": 12}""").Build());
}
