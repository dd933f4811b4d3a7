using Dq.Expectations.Kernels.Text;
using Dq.Expectations.Suites;
using Dq.Expectations.Tests.Support;

namespace Dq.Expectations.Tests.Kernels.Text;

/// <summary>The forms dateutil's parser.parse accepts (its own examples and GX's cases), and what it rejects.</summary>
public sealed class DateutilParserTests
{
    [Theory]
    [InlineData("2019-04-01")]
    [InlineData("01/01/2010")]
    [InlineData("2003-09-25T10:49:41")]
    [InlineData("2003-09-25T10:49:41.5-03:00")]
    [InlineData("2003-09-25 10:49:41Z")]
    [InlineData("20030925T104941")]
    [InlineData("20030925")]
    [InlineData("Thu Sep 25 10:36:28 BRST 2003")]
    [InlineData("Thu, 25 Sep 2003 10:49:41 -0300")]
    [InlineData("Sep 25 2003")]
    [InlineData("25 Sep 2003")]
    [InlineData("September 25th, 2003")]
    [InlineData("10:36:28")]
    [InlineData("10h36m28s")]
    [InlineData("5:50 pm")]
    [InlineData("3 PM")]
    [InlineData("25.09.2003")]
    [InlineData("2003.Sep.25")]
    [InlineData("Jan 2016")]
    [InlineData("2016")]
    [InlineData("Monday")]
    [InlineData("29/2/2024")]
    public void IsParseable_DateutilForms_True(string text) => Assert.True(DateutilParser.IsParseable(text), text);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("abc")]
    [InlineData("cat")]
    [InlineData("13/13/2020")]
    [InlineData("2023-02-30")]
    [InlineData("29/2/2023")]
    [InlineData("25:00")]
    [InlineData("1 2 3 4")]
    [InlineData("2019-04-01 horse")]
    public void IsParseable_NotADate_False(string text) => Assert.False(DateutilParser.IsParseable(text), text);

    [Fact]
    public void Validate_IntegerColumn_ExceptionInfoAsGxRaises()
    {
        var json = Runs.Json(Arrays.Batch(("x", Arrays.Int64([1]))), ExpectationSuite.Create("s").ExpectColumnValuesToBeDateutilParseable("x").Build());

        Assert.NotNull(Runs.ExceptionMessage(json));
    }
}
