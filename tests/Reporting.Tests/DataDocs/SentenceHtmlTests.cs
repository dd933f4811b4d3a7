using System.Text.Json.Nodes;
using Dq.Expectations.Catalog;
using Dq.Expectations.Suites;
using Dq.Reporting.DataDocs;

namespace Dq.Reporting.Tests.DataDocs;

public sealed class SentenceHtmlTests
{
    [Fact]
    public void ToHtml_EscapesParametersAndWrapsThemInCode()
    {
        var c = new ExpectationConfiguration("expect_column_values_to_not_be_null", new JsonObject { ["column"] = "<b>x</b>" });

        Assert.Equal("Values in <code class=\"p col\">&lt;b&gt;x&lt;/b&gt;</code> must not be null", ExpectationCatalog.Describe(c).ToHtml());
    }

    [Fact]
    public void ToHtml_KeepsPercentsOutOfCode_AndMarksValues()
    {
        var c = new ExpectationConfiguration("expect_column_values_to_be_in_set",
            new JsonObject { ["column"] = "s", ["value_set"] = new JsonArray("a&b"), ["mostly"] = 0.5 });

        Assert.Equal("Values in <code class=\"p col\">s</code> must belong to the set <code class=\"p val\">[&quot;a&amp;b&quot;]</code>, at least 50% of the time",
            ExpectationCatalog.Describe(c).ToHtml());
    }
}
