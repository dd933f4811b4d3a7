using Dq.Expectations.Conditions;

namespace Dq.Expectations.Tests.Conditions;

public sealed class ConditionParserTests
{
    [Theory]
    [InlineData("x==1", "(x == 1)")]
    [InlineData("x == 1 & y != \"a\"", "((x == 1) and (y != 'a'))")]
    [InlineData("(equal_length_integer == 4) & (equal_length_string == \"d\")", "equal_length_integer == 4 and equal_length_string == 'd'")]
    [InlineData("w!=0.56 & w<0.8 & x<0.8", "w != 0.56 and w < 0.8 and x < 0.8")]
    [InlineData("not x is null", "~x.isnull()")]
    [InlineData("`a b` <> 'q' || z <= -1.5e3", "(`a b` != \"q\") or z <= -1500.0")]
    public void Parse_EquivalentSpellings_GiveEqualFilters(string a, string b)
    {
        var (left, right) = (RowFilter.Parse(a), RowFilter.Parse(b));

        Assert.Equal(left, right);
        Assert.Equal(left.GetHashCode(), right.GetHashCode());
    }

    [Theory]
    [InlineData("x == 1", "x == 2")]
    [InlineData("x == 1", "x != 1")]
    [InlineData("x == 1", "y == 1")]
    [InlineData("x == '1'", "x == 1")]
    [InlineData("a == 1 and b == 2", "a == 1 or b == 2")]
    public void Parse_DifferentConditions_GiveDifferentFilters(string a, string b) =>
        Assert.NotEqual(RowFilter.Parse(a), RowFilter.Parse(b));

    [Fact]
    public void Parse_AndBindsTighterThanOr()
    {
        var filter = RowFilter.Parse("a == 1 or b == 2 and c == 3");

        var or = Assert.IsType<OrNode>(filter.Root);
        Assert.IsType<ComparisonNode>(or.Left);
        Assert.IsType<AndNode>(or.Right);
    }

    [Theory]
    [InlineData("`order date` >= date \"2024-01-01\"", "order date")]
    [InlineData("status.isnull()", "status")]
    [InlineData("amount is not null and 5 < amount", "amount")]
    public void Parse_Columns_AreListed(string condition, string column)
    {
        Assert.Equal([column], RowFilter.Parse(condition).Columns);
    }

    [Theory]
    [InlineData("x ==", 4, "ends where a column or a value was expected")]
    [InlineData("x = = 1", 4, "expected a column or a value")]
    [InlineData("(x == 1", 7, "expected `)`")]
    [InlineData("x == 'abc", 5, "never closed")]
    [InlineData("x # 1", 2, "unexpected character `#`")]
    [InlineData("x == 1 y == 2", 7, "unexpected `y`")]
    [InlineData("1 == 2", 0, "a column on at least one side")]
    [InlineData("x.startswith()", 1, "is not supported")]
    [InlineData("d > date \"soon\"", 9, "not an ISO 8601 date")]
    public void Parse_Malformed_PointsAtThePosition(string condition, int position, string problem)
    {
        var error = Assert.Throws<ConditionSyntaxException>(() => RowFilter.Parse(condition));

        Assert.Equal(position, error.Position);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.Contains($"position {position + 1}", error.Message, StringComparison.Ordinal);
    }
}
