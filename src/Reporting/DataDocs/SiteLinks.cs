using System.Security.Cryptography;
using System.Text;
using Dq.Expectations.Results;

namespace Dq.Reporting.DataDocs;

/// <summary>
/// File names of the site's pages. Names from data never become paths as they are: a run id made of letters, digits,
/// <c>-</c> and <c>_</c> is used directly, anything else (and every suite name) is reduced to a safe slug plus a hash,
/// so no name can climb out of the site folder, collide with another, or smuggle markup into an <c>href</c>.
/// </summary>
internal static class SiteLinks
{
    /// <summary>The run page, relative to the site root.</summary>
    public static string Run(string runId) => "runs/" + (IsSafe(runId) ? runId : Slug(runId)) + ".html";

    /// <summary>The suite page, relative to the site root.</summary>
    public static string Suite(string suiteName) => "suites/" + Slug(suiteName) + ".html";

    /// <summary>The status word of an expectation: passed, FAILED, WARN (a failed warn-severity one) or ERROR (not judged).</summary>
    public static string Status(ExpectationResult r) =>
        r.ExceptionInfo is not null ? "ERROR" : r.Success ? "PASSED" : r.Severity == Severity.Warn ? "WARN" : "FAILED";

    private static bool IsSafe(string id) =>
        id.Length is > 0 and <= 80 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static string Slug(string name)
    {
        var slug = new StringBuilder();
        foreach (var c in name)
        {
            if (slug.Length >= 40)
            {
                break;
            }
            slug.Append(char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-');
        }
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..10];
        return $"{slug.ToString().Trim('-')}-{hash}".TrimStart('-');
    }
}
