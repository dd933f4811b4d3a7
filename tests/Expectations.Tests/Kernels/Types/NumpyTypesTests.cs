using Apache.Arrow.Types;
using Dq.Expectations.Kernels.Types;
using Dq.Expectations.Suites;
using Dq.Expectations.Tests.Support;

namespace Dq.Expectations.Tests.Kernels.Types;

/// <summary>GX's pandas/numpy type names against Arrow columns: typed columns from the schema, text value by value.</summary>
public sealed class NumpyTypesTests
{
    [Theory]
    [InlineData("int64", "int", true)]
    [InlineData("int64", "int64", true)]
    [InlineData("int64", "Int64", false)]
    [InlineData("int64", "string", false)]
    [InlineData("int32", "int", false)]
    [InlineData("float64", "float", true)]
    [InlineData("float32", "float", false)]
    [InlineData("bool_", "bool", true)]
    [InlineData("datetime64", "datetime64[ns]", true)]
    [InlineData("datetime64", "Timestamp", false)]
    [InlineData("Timestamp", "Timestamp", true)]
    [InlineData("Timestamp", "datetime64", false)]
    [InlineData("object_", "O", true)]
    [InlineData("object_", "str", false)]
    public void DtypeMatches_Names_AsNumpyResolvesThem(string dtype, string name, bool matches) =>
        Assert.Equal(matches, NumpyTypes.DtypeMatches(dtype, name));

    [Fact]
    public void DtypeName_ArrowTypes_MapToNumpyNames()
    {
        Assert.Equal("int64", NumpyTypes.DtypeName(Int64Type.Default));
        Assert.Equal("uint8", NumpyTypes.DtypeName(UInt8Type.Default));
        Assert.Equal("float32", NumpyTypes.DtypeName(FloatType.Default));
        Assert.Equal("bool_", NumpyTypes.DtypeName(BooleanType.Default));
        Assert.Equal("datetime64", NumpyTypes.DtypeName(new TimestampType(TimeUnit.Microsecond, (string?)null)));
        Assert.Equal("Timestamp", NumpyTypes.DtypeName(new TimestampType(TimeUnit.Microsecond, "UTC")));
        Assert.Equal("object_", NumpyTypes.DtypeName(StringType.Default));
        Assert.Equal("object_", NumpyTypes.DtypeName(Date32Type.Default));
        Assert.Equal("int64", NumpyTypes.DtypeName(new DictionaryType(Int32Type.Default, Int64Type.Default, false)));
    }

    [Fact]
    public void Validate_TypedColumns_JudgedFromSchemaWithoutScanning()
    {
        var batch = Arrays.Batch(("i", Arrays.Int64([1, null])), ("f", Arrays.Double([1.5, 2])));
        var suite = ExpectationSuite.Create("s")
            .ExpectColumnValuesToBeOfType("i", "int64")
            .ExpectColumnValuesToBeOfType("f", "int")
            .ExpectColumnValuesToBeInTypeList("f", ["int", "float"])
            .Build();

        var (json, statistics) = Runs.Validate(batch.Schema, [batch], suite);

        Assert.Equal(0, statistics.ColumnScans);
        Assert.True(Runs.Success(json, 0));
        Assert.False(Runs.Success(json, 1));
        Assert.Equal("float64", Runs.Result(json, 1)["observed_value"]!.GetValue<string>());
        Assert.True(Runs.Success(json, 2));
    }

    [Fact]
    public void Validate_TextColumn_JudgedValueByValueWithMissingCount()
    {
        string?[] values = ["a", null, "b"];
        var batch = Arrays.Batch(("s", Arrays.String(values)), ("d", Arrays.DictionaryString(values)));
        var suite = ExpectationSuite.Create("s")
            .ExpectColumnValuesToBeOfType("s", "str")
            .ExpectColumnValuesToBeOfType("d", "bool")
            .ExpectColumnValuesToBeInTypeList("s", ["int", "object"])
            .ExpectColumnValuesToBeOfType("s", "int", mostly: 0)
            .Build();

        var json = Runs.Json(batch, suite);

        Assert.True(Runs.Success(json, 0));
        Assert.Equal(1, Runs.Result(json, 0)["missing_count"]!.GetValue<long>());
        Assert.Equal([0L, 2L], Runs.UnexpectedIndexes(json, 1));
        Assert.Equal("object_", Runs.Result(json, 2)["observed_value"]!.GetValue<string>());
        Assert.True(Runs.Success(json, 3));
    }

    [Fact]
    public void Validate_MissingColumn_ExceptionInfo()
    {
        var json = Runs.Json(Arrays.Batch(("s", Arrays.String(["a"]))), ExpectationSuite.Create("s").ExpectColumnValuesToBeOfType("nope", "str").Build());

        Assert.Contains("`nope`", Runs.ExceptionMessage(json));
    }
}
