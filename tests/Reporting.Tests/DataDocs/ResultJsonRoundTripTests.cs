using Apache.Arrow;
using Dq.Expectations;
using Dq.Expectations.Results;
using Dq.Expectations.Suites;

namespace Dq.Reporting.Tests.DataDocs;

/// <summary><see cref="ValidationResultJson.Read(string)"/> is the inverse of <see cref="ValidationResultJson.Write"/>.</summary>
public sealed class ResultJsonRoundTripTests
{
    [Fact]
    public void RealValidation_WriteReadWrite_GivesTheSameJson()
    {
        var amounts = new DoubleArray.Builder().Append(1.5).Append(-2).AppendNull().Append(double.NaN).Append(1e300).Build();
        var names = new StringArray.Builder().Append("a").Append("b\u202e<x>").AppendNull().Append("a").Append("").Build();
        var batch = new RecordBatch.Builder().Append("amount", true, amounts).Append("name", true, names).Build();
        var suite = ExpectationSuite.Create("s")
            .ExpectColumnValuesToBeBetween("amount", min: 0, max: 10)
            .ExpectColumnValuesToBeInSet("name", ["a"])
            .ExpectColumnValuesToBeUnique("name")
            .Expect("expect_column_mean_to_be_between", new Dictionary<string, object?> { ["column"] = "amount", ["min_value"] = 0, ["max_value"] = 1 })
            .ExpectColumnValuesToNotBeNull("missing").AsWarning()
            .Expect("expect_column_distinct_values_to_be_in_set", new Dictionary<string, object?> { ["column"] = "name", ["value_set"] = new[] { "a" } })
            .ExpectTableRowCountToEqual(5)
            .Build();
        var result = Validator.Validate(batch, suite, new ValidationOptions { ResultFormat = new ResultFormat(ResultFormatLevel.Complete) });
        var json = ValidationResultJson.ToJson(result);

        var read = ValidationResultJson.Read(json);

        Assert.Equal(json, ValidationResultJson.ToJson(read));
        Assert.Equal(result.Success, read.Success);
        Assert.Equal(result.Run.RunTime, read.Run.RunTime);
        Assert.Equal(Severity.Warn, read.Results[4].Severity);
        Assert.NotNull(read.Results[4].ExceptionInfo);
    }

    [Fact]
    public void HostileResult_RoundTrips()
    {
        var result = HostileResults.Create(1, DateTimeOffset.UnixEpoch);
        var json = ValidationResultJson.ToJson(result);

        Assert.Equal(json, ValidationResultJson.ToJson(ValidationResultJson.Read(json)));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"success\": true}")]
    public void NotAResult_IsAConfigurationError(string text)
    {
        Assert.Throws<ConfigurationException>(() => ValidationResultJson.Read(text));
    }
}
