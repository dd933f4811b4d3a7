using System.Text.RegularExpressions;
using Microsoft.Data.Analysis;

namespace Dq.Samples.Etl.Tests;

public sealed class CustomerTransformsTests
{
    [Fact]
    public void CleanCustomerData_NullCustomerId_RemovesTheRow()
    {
        var input = Frames.Customers(("1", "a@x.com", "active"), (null, "b@x.com", "active"), ("3", "c@x.com", "inactive"));

        var output = CustomerTransforms.CleanCustomerData(input);

        Assert.Equal([("1", "a@x.com", "active"), ("3", "c@x.com", "inactive")], Frames.CustomerRows(output));
    }

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("a@")]
    [InlineData("@x.com")]
    [InlineData("a b@x.com")]
    [InlineData("a@x.com\n")]
    [InlineData("a@@x.com")]
    [InlineData("")]
    public void CleanCustomerData_InvalidEmail_FiltersTheRow(string email)
    {
        var input = Frames.Customers(("1", email, "active"), ("2", "ok@x.com", "active"));

        var output = CustomerTransforms.CleanCustomerData(input);

        Assert.Equal([("2", "ok@x.com", "active")], Frames.CustomerRows(output));
    }

    [Fact]
    public void CleanCustomerData_NullEmail_DropsTheRow()
    {
        var output = CustomerTransforms.CleanCustomerData(Frames.Customers(("1", null, "active")));

        Assert.Equal(0, output.Rows.Count);
    }

    [Fact]
    public void CleanCustomerData_NullStatus_BecomesActive()
    {
        var input = Frames.Customers(("1", "a@x.com", null), ("2", "b@x.com", "suspended"));

        var output = CustomerTransforms.CleanCustomerData(input);

        Assert.Equal(["active", "suspended"], Frames.Values(output, "status"));
    }

    [Fact]
    public void CleanCustomerData_DuplicateIds_KeepsTheFirstInInputOrder()
    {
        var input = Frames.Customers(("2", "first@x.com", "a"), ("1", "one@x.com", "b"), ("2", "second@x.com", "c"), ("1", "two@x.com", "d"));

        var output = CustomerTransforms.CleanCustomerData(input);

        Assert.Equal([("2", "first@x.com", "a"), ("1", "one@x.com", "b")], Frames.CustomerRows(output));
    }

    [Fact]
    public void CleanCustomerData_DuplicateWhoseFirstRowIsInvalid_KeepsTheFirstValidRow()
    {
        var input = Frames.Customers(("1", "broken", "a"), ("1", "good@x.com", "b"));

        var output = CustomerTransforms.CleanCustomerData(input);

        Assert.Equal([("1", "good@x.com", "b")], Frames.CustomerRows(output));
    }

    [Fact]
    public void CleanCustomerData_EmptyFrame_ReturnsAnEmptyFrameWithTheColumns()
    {
        var output = CustomerTransforms.CleanCustomerData(Frames.Customers());

        Assert.Equal(0, output.Rows.Count);
        Assert.Equal(["customer_id", "email", "status"], output.Columns.Select(c => c.Name));
    }

    [Fact]
    public void CleanCustomerData_AllRowsInvalid_ReturnsNoRows()
    {
        var input = Frames.Customers((null, "a@x.com", "x"), ("2", "bad", "x"), ("3", null, null));

        Assert.Equal(0, CustomerTransforms.CleanCustomerData(input).Rows.Count);
    }

    [Theory]
    [InlineData("first.last+news@example.com")]
    [InlineData("user@mail.eu.example.co.uk")]
    [InlineData("under_score-dash@sub-domain.example")]
    public void CleanCustomerData_PlusAddressingAndSubdomains_AreKept(string email)
    {
        var output = CustomerTransforms.CleanCustomerData(Frames.Customers(("1", email, "active")));

        Assert.Equal([email], Frames.Values(output, "email"));
    }

    [Theory]
    [InlineData("josé@example.com")]
    [InlineData("user@exämple.com")]
    [InlineData("用户@example.com")]
    public void CleanCustomerData_NonAsciiEmail_IsFiltered(string email)
    {
        var output = CustomerTransforms.CleanCustomerData(Frames.Customers(("1", email, "active")));

        Assert.Equal(0, output.Rows.Count);
    }

    [Fact]
    public void CleanCustomerData_Input_IsNotModified()
    {
        var input = Frames.Customers(("1", "a@x.com", null), (null, "b@x.com", "x"), ("1", "c@x.com", "y"));
        var before = Frames.CustomerRows(input);

        CustomerTransforms.CleanCustomerData(input);

        Assert.Equal(before, Frames.CustomerRows(input));
    }

    [Fact]
    public void CleanCustomerData_ArrowStringColumns_GiveTheSameRowsAndKeepTheirType()
    {
        var input = Frames.Customers(("1", "a@x.com", null), (null, "b@x.com", "x"), ("1", "c@x.com", "y"), ("4", "d@x.com", "z"));

        var fromStrings = CustomerTransforms.CleanCustomerData(input);
        var fromArrow = CustomerTransforms.CleanCustomerData(Frames.AsArrowStrings(input));

        Assert.Equal(Frames.CustomerRows(fromStrings), Frames.CustomerRows(fromArrow));
        Assert.All(fromArrow.Columns, c => Assert.IsType<ArrowStringDataFrameColumn>(c));
    }

    [Fact]
    public void CleanCustomerData_OtherColumns_AreCarriedAlong()
    {
        var input = Frames.Customers(("1", "a@x.com", "x"), ("2", "bad", "y"));
        input.Columns.Add(new Int32DataFrameColumn("age", [40, 50]));

        var output = CustomerTransforms.CleanCustomerData(input);

        Assert.Equal([40], Frames.Values(output, "age"));
    }

    [Fact]
    public void CleanCustomerData_MissingColumn_ThrowsNamingIt()
    {
        var input = new DataFrame(new StringDataFrameColumn("customer_id", ["1"]), new StringDataFrameColumn("status", ["x"]));

        var error = Assert.Throws<ArgumentException>(() => CustomerTransforms.CleanCustomerData(input));

        Assert.Contains("column `email` (a string column)", error.Message, StringComparison.Ordinal);
        Assert.Contains("`customer_id`, `status`", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CleanCustomerData_NumericId_ThrowsNamingTheColumnAndTheExpectedType()
    {
        var input = new DataFrame(
            new Int64DataFrameColumn("customer_id", [1L]), new StringDataFrameColumn("email", ["a@x.com"]), new StringDataFrameColumn("status", ["x"]));

        var error = Assert.Throws<ArgumentException>(() => CustomerTransforms.CleanCustomerData(input));

        Assert.Contains("column `customer_id` to be a string column", error.Message, StringComparison.Ordinal);
        Assert.Contains("Int64", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EmailPattern_IsTheIssuesRuleWithAStrictEnd()
    {
        Assert.Equal(@"^[a-zA-Z0-9+_.-]+@[a-zA-Z0-9.-]+\z", CustomerTransforms.EmailPattern);
        Assert.Matches(new Regex(CustomerTransforms.EmailPattern), "a@b");
    }

    [Fact]
    public void CleanCustomerData_ArrowStringEmptyStatus_StaysEmptyNotNull()
    {
        // Microsoft.Data.Analysis 0.23 turns "" into null when it filters an ArrowStringDataFrameColumn; found by a property test.
        var input = Frames.AsArrowStrings(Frames.Customers(("1", "a@x.com", ""), ("2", "bad", "x")));

        var output = CustomerTransforms.CleanCustomerData(input);

        Assert.Equal([("1", "a@x.com", "")], Frames.CustomerRows(output));
        Assert.True(output.Columns["status"].IsValid(0));
    }
}
