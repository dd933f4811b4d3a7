namespace Dq.Reporting.Tests.DataDocs;

public sealed class MarkdownSummaryTests
{
    [Fact]
    public void FailedRun_ListsTheFailedExpectationsInPlainLanguage()
    {
        var markdown = MarkdownSummary.ToMarkdown([HostileResults.Create(3, DateTimeOffset.UnixEpoch)], "orders");

        Assert.StartsWith("## ❌ orders: FAILED, 0 of 1 validation passed", markdown, StringComparison.Ordinal);
        Assert.Contains("| 0 | Values in <code>col javascript\\:window.\\_\\_pwned=4</code> must belong to the set", markdown, StringComparison.Ordinal);
        Assert.Contains("3 unexpected (30%)", markdown, StringComparison.Ordinal);
        Assert.Contains("| 3 | Column", markdown, StringComparison.Ordinal);
        Assert.Contains("| ERROR |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void HostileValues_CannotAddMarkupRowsOrLines()
    {
        foreach (var i in Enumerable.Range(0, HostileResults.Payloads.Length))
        {
            var markdown = MarkdownSummary.ToMarkdown([HostileResults.Create(i, DateTimeOffset.UnixEpoch)], HostileResults.Payloads[i]);

            Assert.DoesNotContain("<script", markdown, StringComparison.Ordinal);
            Assert.DoesNotContain("<img", markdown, StringComparison.Ordinal);
            Assert.DoesNotContain("<svg", markdown, StringComparison.Ordinal);
            Assert.DoesNotContain("<!--", markdown, StringComparison.Ordinal);
            Assert.DoesNotContain('\u202e', markdown);
            Assert.DoesNotContain('\u2028', markdown);
            foreach (var line in markdown.Split('\n').Where(l => l.StartsWith('|')))
            {
                // Every table row has its columns' unescaped pipes only: 8 for the overview, 6 for the detail tables.
                var pipes = line.Replace("\\|", "", StringComparison.Ordinal).Count(c => c == '|');
                Assert.True(pipes is 6 or 8, line);
            }
        }
    }
}
