using Dq.Expectations.Kernels.Text;
using Dq.Expectations.Suites;
using Dq.Expectations.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Dq.Expectations.Tests.Kernels.Text;

/// <summary>Value lengths are Python's len: code points, so a character above U+FFFF counts once.</summary>
public sealed class TextLengthKernelTests
{
    [Property(MaxTest = 300)]
    public Property CodePoints_AnyText_EqualsRuneCount() =>
        Prop.ForAll(Gen.Fresh(() => Reference.RandomText(Random.Shared)).ToArbitrary(),
            text => TextLengthKernel.CodePoints(System.Text.Encoding.UTF8.GetBytes(text)) == text.EnumerateRunes().Count());

    [Fact]
    public void Validate_NonBmpCharacters_CountOnceEach()
    {
        string?[] values = ["😀", "a😀", "é", "ab", null, "\U0001F600\U0001F600\U0001F600"];
        var suite = ExpectationSuite.Create("s")
            .ExpectColumnValueLengthsToEqual("x", 1)
            .ExpectColumnValueLengthsToBeBetween("x", 2, 2)
            .ExpectColumnValueLengthsToBeBetween("x", min: 1, max: 3, strictMax: true)
            .Build();

        var json = Runs.Json(Arrays.Batch(("x", Arrays.String(values)), ("d", Arrays.DictionaryString(values))), suite);

        Assert.Equal([1L, 3L, 5L], Runs.UnexpectedIndexes(json, 0));
        Assert.Equal([0L, 2L, 5L], Runs.UnexpectedIndexes(json, 1));
        Assert.Equal([5L], Runs.UnexpectedIndexes(json, 2));
    }

    [Fact]
    public void Validate_IntegerColumn_ExceptionInfoAsGxRaises()
    {
        var json = Runs.Json(Arrays.Batch(("x", Arrays.Int64([1, 2]))), ExpectationSuite.Create("s").ExpectColumnValueLengthsToEqual("x", 1).Build());

        Assert.False(Runs.Success(json));
        Assert.Contains("text only", Runs.ExceptionMessage(json));
    }

    [Fact]
    public void Build_BothBoundsNull_ConfigurationError() =>
        Assert.Throws<ConfigurationException>(() => ExpectationSuite.Create("s").ExpectColumnValueLengthsToBeBetween("x").Build());
}
